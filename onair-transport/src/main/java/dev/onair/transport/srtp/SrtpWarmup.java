package dev.onair.transport.srtp;

import dev.onair.transport.dtls.DtlsRole;

/**
 * Initialises an SRTP backend before the first real session: jitsi-srtp loads its native library and times
 * its AES providers on first use, which takes seconds. Done at node start-up, so the media loop never pays it.
 */
public final class SrtpWarmup {
    private SrtpWarmup() {
    }

    /** Protects and unprotects one RTP and one RTCP packet with throwaway keys, for every profile. */
    public static void warm(SrtpBackend backend) {
        for (SrtpProfile profile : SrtpProfile.values()) {
            SrtpKeyMaterial keys = SrtpKeyMaterial.fromExporter(profile, new byte[profile.keyingMaterialLengthBytes()]);
            SrtpSession client = SrtpSession.create(keys, DtlsRole.CLIENT, backend);
            SrtpSession server = SrtpSession.create(keys, DtlsRole.SERVER, backend);
            byte[] rtp = new byte[12 + 160 + SrtpSession.MAX_OVERHEAD];
            rtp[0] = (byte) 0x80;
            rtp[1] = 111;
            rtp[11] = 1;
            int len = client.protectRtp(rtp, 0, 12 + 160);
            if (len < 0 || server.unprotectRtp(rtp, 0, len) < 0) {
                throw new IllegalStateException("SRTP backend " + backend + " failed its self-check for " + profile);
            }
            byte[] rtcp = new byte[8 + SrtpSession.MAX_OVERHEAD];
            rtcp[0] = (byte) 0x80;
            rtcp[1] = (byte) 201; // RR without blocks
            rtcp[3] = 1;
            rtcp[7] = 1;
            len = client.protectRtcp(rtcp, 0, 8);
            if (len < 0 || server.unprotectRtcp(rtcp, 0, len) < 0) {
                throw new IllegalStateException("SRTCP backend " + backend + " failed its self-check for " + profile);
            }
        }
    }
}
