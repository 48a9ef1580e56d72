package dev.onair.sfu.pacer;

/** Told of each probe packet as it leaves, so the estimator can match the feedback to its probe cluster. */
@FunctionalInterface
public interface ProbeSentListener {
    /**
     * @param transportSequence the transport-wide number the packet went out with (unwrapped; -1 when the
     *     subscriber has no transport-cc)
     */
    void onProbeSent(long transportSequence, int probeClusterId, int bytes, long sentNanos);
}
