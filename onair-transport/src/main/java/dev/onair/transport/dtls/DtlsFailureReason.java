package dev.onair.transport.dtls;

import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsFatalAlertReceived;

/** Turns why the DTLS stack gave up into the short reason {@link DtlsListener#onFailed} reports. */
final class DtlsFailureReason {
    private DtlsFailureReason() {
    }

    /**
     * {@code "fingerprint mismatch"} and {@code "handshake timeout"} take precedence (BouncyCastle reports them
     * as the alert or I/O error they caused); otherwise the alert sent or received, or the exception.
     */
    static String of(DtlsPeerSupport support, QueuedDatagramTransport transport, Exception e) {
        if (support.fingerprintMismatch()) {
            return DtlsPeerSupport.FINGERPRINT_MISMATCH;
        }
        if (transport.timedOut()) {
            return "handshake timeout";
        }
        if (e instanceof TlsFatalAlertReceived received) {
            return "alert received: " + AlertDescription.getText(received.getAlertDescription());
        }
        if (e instanceof TlsFatalAlert alert) {
            return "alert sent: " + AlertDescription.getText(alert.getAlertDescription())
                    + (alert.getMessage() == null ? "" : " (" + alert.getMessage() + ")");
        }
        return e.toString();
    }
}
