package dev.onair.server.it;

import dev.onair.client.Signalling;
import dev.onair.client.SignallingException;
import dev.onair.sfu.api.MediaService;
import dev.onair.sfu.api.SessionOutcome;
import dev.onair.sfu.api.SessionRequest;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Signalling straight into a {@link MediaService} (no HTTP), for tests that run an {@code SfuNode} directly. */
final class InProcessSignalling implements Signalling {
    private final MediaService media;
    private final String room;
    private final String identity;
    private final boolean publish;

    InProcessSignalling(MediaService media, String room, String identity, boolean publish) {
        this.media = media;
        this.room = room;
        this.identity = identity;
        this.publish = publish;
    }

    @Override
    public Answer exchange(String sdpOffer) throws IOException {
        SessionRequest request = new SessionRequest(room, identity, null, sdpOffer);
        SessionOutcome outcome;
        try {
            outcome = (publish ? media.publish(request) : media.subscribe(request)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("media service failed", e);
        }
        if (outcome instanceof SessionOutcome.Created created) {
            return new Answer(created.sdpAnswer(), created.resourceId());
        }
        SessionOutcome.Rejected rejected = (SessionOutcome.Rejected) outcome;
        throw new SignallingException(400, rejected.error() + ": " + rejected.reason());
    }

    @Override
    public void end(String resource) throws IOException {
        try {
            media.close(resource).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("media service failed", e);
        }
    }
}
