/**
 * Transport-wide congestion control (draft-holmer-rmcat-transport-wide-cc-extensions-01): the feedback we send
 * publishers so that the browser's own estimator works ({@link dev.onair.sfu.twcc.FeedbackBuilder}), the
 * transport-wide sequence numbers we stamp on what we send subscribers with a log of what was sent
 * ({@link dev.onair.sfu.twcc.SendLog}), and the subscribers' feedback turned into per-packet results
 * ({@link dev.onair.sfu.twcc.FeedbackResults}) for the send-side estimator. Media loop only, no locks.
 */
package dev.onair.sfu.twcc;
