package dev.onair.transport.dtls;

import dev.onair.transport.srtp.SrtpKeyMaterial;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A {@link DtlsListener} that forwards datagrams to a peer and records events as futures. */
final class RecordingListener implements DtlsListener {
    final CompletableFuture<SrtpKeyMaterial> connected = new CompletableFuture<>();
    final CompletableFuture<String> failed = new CompletableFuture<>();
    final CompletableFuture<Boolean> closed = new CompletableFuture<>();
    final List<byte[]> sent = new CopyOnWriteArrayList<>();
    volatile Consumer<byte[]> peer = datagram -> { };

    @Override
    public void sendDatagram(byte[] datagram) {
        sent.add(datagram);
        peer.accept(datagram);
    }

    @Override
    public void onConnected(SrtpKeyMaterial keys) {
        connected.complete(keys);
    }

    @Override
    public void onFailed(String reason) {
        failed.complete(reason);
    }

    @Override
    public void onClosed() {
        closed.complete(Boolean.TRUE);
    }
}
