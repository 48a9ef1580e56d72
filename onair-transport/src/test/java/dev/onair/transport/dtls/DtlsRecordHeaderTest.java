package dev.onair.transport.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class DtlsRecordHeaderTest {
    /** A ClientHello record header with an 8-byte fragment stand-in. */
    private static final byte[] HANDSHAKE_RECORD = hex(
            "16"                 // content type 22: handshake
            + "fefd"             // version DTLS 1.2
            + "0000"             // epoch 0
            + "000000000001"     // sequence number 1
            + "0008"             // fragment length 8
            + "0100000000000000"); // fragment
    /** Two records in one datagram: change_cipher_spec then an encrypted handshake record (epoch 1). */
    private static final byte[] TWO_RECORDS = hex(
            "14" + "fefd" + "0000" + "000000000005" + "0001" + "01"   // CCS, seq 5, 1-byte body
            + "16" + "fefd" + "0001" + "000000000000" + "0003" + "aabbcc"); // handshake, epoch 1, 3 bytes
    /** A close_notify alert as DTLS 1.0 record version (used by some stacks before negotiation). */
    private static final byte[] ALERT_RECORD = hex(
            "15" + "feff" + "0001" + "0000000000ff" + "0002" + "0100"); // alert, epoch 1, seq 255, warning/close_notify

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    @Test
    void readsEveryHeaderField() {
        assertThat(DtlsRecordHeader.check(HANDSHAKE_RECORD, 0, HANDSHAKE_RECORD.length)).isNull();
        assertThat(DtlsRecordHeader.contentType(HANDSHAKE_RECORD, 0)).isEqualTo(DtlsRecordHeader.HANDSHAKE);
        assertThat(DtlsRecordHeader.version(HANDSHAKE_RECORD, 0)).isEqualTo(0xFEFD);
        assertThat(DtlsRecordHeader.epoch(HANDSHAKE_RECORD, 0)).isZero();
        assertThat(DtlsRecordHeader.sequenceNumber(HANDSHAKE_RECORD, 0)).isEqualTo(1);
        assertThat(DtlsRecordHeader.fragmentLength(HANDSHAKE_RECORD, 0)).isEqualTo(8);

        assertThat(DtlsRecordHeader.check(TWO_RECORDS, 0, TWO_RECORDS.length)).isNull();
        assertThat(DtlsRecordHeader.contentType(TWO_RECORDS, 14)).isEqualTo(DtlsRecordHeader.HANDSHAKE);
        assertThat(DtlsRecordHeader.epoch(TWO_RECORDS, 14)).isEqualTo(1);

        assertThat(DtlsRecordHeader.check(ALERT_RECORD, 0, ALERT_RECORD.length)).isNull();
        assertThat(DtlsRecordHeader.sequenceNumber(ALERT_RECORD, 0)).isEqualTo(255);
        assertThat(DtlsRecordHeader.version(ALERT_RECORD, 0)).isEqualTo(0xFEFF);
    }

    @Test
    void everyProperPrefixIsTruncatedExceptAtARecordBoundary() {
        for (byte[] vector : List.of(HANDSHAKE_RECORD, TWO_RECORDS, ALERT_RECORD)) {
            for (int len = 0; len < vector.length; len++) {
                DtlsDrop expected = vector == TWO_RECORDS && len == 14 ? null : DtlsDrop.TRUNCATED_RECORD;
                assertThat(DtlsRecordHeader.check(vector, 0, len)).as("prefix %d", len).isEqualTo(expected);
            }
        }
    }

    @Test
    void rejectsNonDtlsBytes() {
        byte[] stun = hex("0001000021120442" + "000000000000000000000000");
        assertThat(DtlsRecordHeader.check(stun, 0, stun.length)).isEqualTo(DtlsDrop.NOT_DTLS);
        byte[] tlsVersion = HANDSHAKE_RECORD.clone();
        tlsVersion[1] = 0x03; // TLS 1.x major version
        assertThat(DtlsRecordHeader.check(tlsVersion, 0, tlsVersion.length)).isEqualTo(DtlsDrop.BAD_VERSION);
        byte[] unknownType = HANDSHAKE_RECORD.clone();
        unknownType[0] = 40; // inside the DTLS demux range, but no such content type
        assertThat(DtlsRecordHeader.check(unknownType, 0, unknownType.length)).isEqualTo(DtlsDrop.NOT_DTLS);
        assertThat(DtlsRecordHeader.check(HANDSHAKE_RECORD, 5, 100)).isEqualTo(DtlsDrop.TRUNCATED_RECORD);
        assertThat(DtlsRecordHeader.check(null, 0, 0)).isEqualTo(DtlsDrop.TRUNCATED_RECORD);
    }

    @FuzzTest
    void checkNeverThrows(byte[] datagram) {
        DtlsDrop drop = DtlsRecordHeader.check(datagram, 0, datagram.length);
        if (drop == null) {
            assertThat(datagram.length).isGreaterThanOrEqualTo(DtlsRecordHeader.HEADER_LENGTH);
            assertThat(DtlsRecordHeader.version(datagram, 0) >>> 8).isEqualTo(0xFE);
        }
    }
}
