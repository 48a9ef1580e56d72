package dev.onair.transport.ice;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One generation of ICE credentials (RFC 8445 §2.4: a restart starts a new one) in the forms the agent checks:
 * the USERNAME a check sent to us must carry ({@code localUfrag:remoteUfrag}, RFC 8445 §7.2.2) and the
 * short-term credential key (the local password's UTF-8 bytes; ice-chars are ASCII, so no OpaqueString step).
 */
record IceAuth(IceCredentials local, IceCredentials remote, byte[] expectedUsername, byte[] localKey) {

    static IceAuth of(IceCredentials local, IceCredentials remote) {
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(remote, "remote");
        return new IceAuth(local, remote,
                (local.ufrag() + ":" + remote.ufrag()).getBytes(StandardCharsets.UTF_8),
                local.pwd().getBytes(StandardCharsets.UTF_8));
    }
}
