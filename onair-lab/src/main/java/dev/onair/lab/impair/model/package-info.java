/**
 * The stateful models behind {@link dev.onair.lab.impair.Impairment}: loss ({@link
 * dev.onair.lab.impair.model.LossProcess}), delay and jitter ({@link dev.onair.lab.impair.model.DelayProcess}) and
 * the drop-tail bottleneck ({@link dev.onair.lab.impair.model.Bottleneck}). Each is reconfigurable without losing
 * its state (a Gilbert–Elliott chain stays in its state, a queue keeps its backlog), allocates nothing per
 * datagram, and draws only from the random stream it is given.
 */
package dev.onair.lab.impair.model;
