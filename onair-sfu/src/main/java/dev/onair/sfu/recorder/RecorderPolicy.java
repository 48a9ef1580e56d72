package dev.onair.sfu.recorder;

/**
 * How big each participant's flight recorder is.
 *
 * @param enabled         false: nothing is recorded (each datagram pays nothing)
 * @param windowSeconds   a dump keeps what is younger than this
 * @param packetCapacity  RTP packet records kept per participant ({@link FlightRecorder#PACKET_SLOT_BYTES} each)
 * @param controlCapacity control records (RTCP, STUN/DTLS, keyframe requests) kept per participant
 */
public record RecorderPolicy(boolean enabled, int windowSeconds, int packetCapacity, int controlCapacity) {
    /**
     * 60 s of one audio (50 packets/s) and one video stream (about 200 packets/s at 1.5 Mbit/s) each way: 30,000
     * packets (0.96 MB) and 8,192 control records (0.21 MB), about 1.2 MB per participant.
     */
    public static final RecorderPolicy DEFAULT = new RecorderPolicy(true, 60, 30_000, 8_192);
    public static final RecorderPolicy OFF = new RecorderPolicy(false, 60, 1, 1);

    public RecorderPolicy {
        if (windowSeconds < 1 || packetCapacity < 1 || controlCapacity < 1) {
            throw new IllegalArgumentException("recorder window and capacities must be positive");
        }
    }

    /** A new, empty recorder of this size. */
    public FlightRecorder create() {
        return new FlightRecorder(packetCapacity, controlCapacity, windowSeconds * 1_000_000_000L);
    }

    /** Bytes each participant's recorder takes. */
    public long footprintBytes() {
        return (long) packetCapacity * FlightRecorder.PACKET_SLOT_BYTES
                + (long) controlCapacity * FlightRecorder.CONTROL_SLOT_BYTES;
    }
}
