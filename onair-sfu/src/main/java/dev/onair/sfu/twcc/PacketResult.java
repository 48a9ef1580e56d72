package dev.onair.sfu.twcc;

/**
 * What the subscriber's feedback says about one packet we sent.
 *
 * @param sequence     our unwrapped transport-wide sequence number
 * @param sendNanos    when we sent it (our clock)
 * @param sizeBytes    its RTP size
 * @param received     whether it arrived
 * @param arrivalNanos when it arrived, in the receiver's clock (only differences mean anything); -1 when lost
 */
public record PacketResult(long sequence, long sendNanos, int sizeBytes, boolean received, long arrivalNanos) {
}
