package dev.onair.client;

import dev.onair.protocol.stun.StunMessageClass;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A STUN response the peer received (RFC 8489 §6.3).
 *
 * @param transactionId the 12-byte transaction id (a copy)
 * @param messageClass  SUCCESS or ERROR
 * @param errorCode     the ERROR-CODE (e.g. 401), or -1
 * @param integrityOk   true when MESSAGE-INTEGRITY verified under the server's password
 */
public record StunResponse(byte[] transactionId, StunMessageClass messageClass, int errorCode, boolean integrityOk) {
    public StunResponse {
        transactionId = transactionId.clone();
    }

    @Override
    public byte[] transactionId() {
        return transactionId.clone();
    }

    public boolean hasTransactionId(byte[] id) {
        return Arrays.equals(transactionId, id);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StunResponse r && Arrays.equals(transactionId, r.transactionId)
                && messageClass == r.messageClass && errorCode == r.errorCode && integrityOk == r.integrityOk;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(transactionId) * 31 + errorCode;
    }

    @Override
    public String toString() {
        return "StunResponse[" + HexFormat.of().formatHex(transactionId) + " " + messageClass + " " + errorCode
                + (integrityOk ? " integrity ok" : "") + "]";
    }
}
