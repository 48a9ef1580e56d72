package dev.onair.sfu.simulcast;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The spatial layer of each rid of one simulcast m-line. Layer index = the rid's position in the offer's
 * {@code a=simulcast:send} list: Chromium lists the streams in its {@code sendEncodings} order, lowest resolution
 * first, and our SDK sends rids "q", "h", "f" (quarter, half, full) in that order, so index 0 is the lowest layer.
 * Looks rids up straight from packet bytes (RFC 8852 rtp-stream-id), without allocation.
 */
public final class RidLayers {
    /** At most three spatial layers per track. */
    public static final int MAX_LAYERS = 3;

    private final String[] rids;
    private final byte[][] ridBytes;

    /** @param rids the offered send rids in {@code a=simulcast} order (empty: no simulcast, one layer). */
    public RidLayers(List<String> rids) {
        int n = Math.min(rids.size(), MAX_LAYERS);
        this.rids = new String[n];
        this.ridBytes = new byte[n][];
        for (int i = 0; i < n; i++) {
            this.rids[i] = rids.get(i);
            this.ridBytes[i] = rids.get(i).getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** Layers of the track: the rid count, 1 without simulcast. */
    public int layerCount() {
        return Math.max(1, rids.length);
    }

    public boolean isSimulcast() {
        return rids.length > 0;
    }

    /** The rid of layer {@code index}; null without simulcast. */
    public String rid(int index) {
        return index < rids.length ? rids[index] : null;
    }

    /** The layer whose rid is {@code buf[off..off+len)} (ASCII); -1 when none. */
    public int indexOf(byte[] buf, int off, int len) {
        for (int i = 0; i < ridBytes.length; i++) {
            byte[] r = ridBytes[i];
            if (r.length == len && Arrays.equals(r, 0, len, buf, off, off + len)) {
                return i;
            }
        }
        return -1;
    }
}
