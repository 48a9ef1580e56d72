package dev.onair.transport.srtp;

/** One SRTP stream's index tracker (ROC, {@code s_l}) and replay window, for either direction. */
final class RtpStreamState {
    final RtpIndexTracker tracker = new RtpIndexTracker();
    final ReplayWindow window = new ReplayWindow();

    void copyFrom(RtpStreamState other) {
        tracker.copyFrom(other.tracker);
        window.copyFrom(other.window);
    }

    void reset() {
        tracker.reset();
        window.reset();
    }
}
