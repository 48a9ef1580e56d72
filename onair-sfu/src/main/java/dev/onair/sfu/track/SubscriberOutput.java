package dev.onair.sfu.track;

import dev.onair.sfu.queue.SubscriberQueue;

/** Where a subscriber's tracks put rewritten packets: the subscriber's one bounded queue. */
public interface SubscriberOutput {
    SubscriberQueue queue();

    /** Something was enqueued: the owner schedules a drain at the end of the read batch. */
    void onEnqueued();
}
