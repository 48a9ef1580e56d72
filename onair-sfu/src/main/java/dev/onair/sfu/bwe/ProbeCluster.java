package dev.onair.sfu.bwe;

/**
 * A request to send a short burst at {@code targetBps} (padding or RTX) so the estimator can measure whether the
 * link carries more than we send now. The sender reports each packet of it with
 * {@link SendSideEstimator#onProbeSent(long, int)}.
 *
 * @param id            cluster id, unique per estimator
 * @param targetBps     rate to send the burst at
 * @param minPackets    send at least this many packets
 * @param durationNanos and for at least this long
 */
public record ProbeCluster(int id, long targetBps, int minPackets, long durationNanos) {
}
