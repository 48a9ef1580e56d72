package dev.onair.transport.ice;

import dev.onair.protocol.stun.StunErrorCode;
import dev.onair.protocol.stun.StunMessage;
import dev.onair.protocol.stun.StunMessageBuilder;
import dev.onair.protocol.stun.StunMessageClass;
import java.net.InetSocketAddress;

/** Encodes the agent's Binding responses (RFC 8489 §6.3.1.1, §6.3.4; RFC 8445 §7.3.1.4). Not thread-safe. */
final class IceResponder {
    private final StunMessageBuilder builder = new StunMessageBuilder(256);

    /** Success: XOR-MAPPED-ADDRESS = {@code from}, MESSAGE-INTEGRITY with the local password, FINGERPRINT. */
    byte[] success(StunMessage request, InetSocketAddress from, byte[] localKey) {
        return builder.start(StunMessageClass.SUCCESS, request.method(), request.buffer(),
                        request.transactionIdOffset())
                .xorMappedAddress(from)
                .messageIntegrity(localKey)
                .fingerprint()
                .toByteArray();
    }

    /** 400/401 error: no MESSAGE-INTEGRITY, since the request was not authenticated (RFC 8489 §9.1.3). */
    byte[] unauthenticatedError(StunMessage request, int code) {
        return builder.start(StunMessageClass.ERROR, request.method(), request.buffer(),
                        request.transactionIdOffset())
                .errorCode(code, StunErrorCode.reason(code))
                .fingerprint()
                .toByteArray();
    }

    /** 420 with UNKNOWN-ATTRIBUTES after a request that did authenticate, so it carries MESSAGE-INTEGRITY. */
    byte[] unknownAttributes(StunMessage request, byte[] localKey) {
        int[] unknown = request.unknownRequiredTypes();
        return builder.start(StunMessageClass.ERROR, request.method(), request.buffer(),
                        request.transactionIdOffset())
                .errorCode(StunErrorCode.UNKNOWN_ATTRIBUTE, StunErrorCode.reason(StunErrorCode.UNKNOWN_ATTRIBUTE))
                .unknownAttributes(unknown, unknown.length)
                .messageIntegrity(localKey)
                .fingerprint()
                .toByteArray();
    }
}
