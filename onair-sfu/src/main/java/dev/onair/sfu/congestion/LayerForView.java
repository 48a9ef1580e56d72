package dev.onair.sfu.congestion;

import dev.onair.sfu.track.PublishedTrack;

/**
 * The highest simulcast layer a subscriber's view needs: the lowest layer at least as large as the view (a layer
 * scaled down to the view looks as good as a larger one), the top layer when the view size is unknown, none (-1)
 * for a view that is not shown (0 × 0). Layer sizes come from the publisher's keyframes; a layer whose size is not
 * known yet is taken as the top layer's size halved per layer below it (the SDK's 1/4, 1/2, 1 ladder).
 */
public final class LayerForView {
    /** A layer this much smaller than the view still counts as large enough (browsers scale up a little well). */
    static final double TOLERANCE = 0.85;

    private LayerForView() {
    }

    /**
     * @param viewWidthPx  the rendered width in device pixels; -1 unknown, 0 hidden
     * @param viewHeightPx the rendered height; -1 unknown, 0 hidden
     */
    public static int maxLayer(PublishedTrack src, int viewWidthPx, int viewHeightPx) {
        int n = src.layerCount();
        int[] widths = new int[n];
        int[] heights = new int[n];
        for (int i = 0; i < n; i++) {
            widths[i] = src.layer(i).frameWidth();
            heights[i] = src.layer(i).frameHeight();
        }
        return maxLayer(widths, heights, viewWidthPx, viewHeightPx);
    }

    /**
     * The same from the layers' frame sizes (index 0 lowest; a size ≤ 0 is unknown).
     *
     * @param viewWidthPx  the rendered width in device pixels; -1 unknown, 0 hidden
     * @param viewHeightPx the rendered height; -1 unknown, 0 hidden
     */
    static int maxLayer(int[] widths, int[] heights, int viewWidthPx, int viewHeightPx) {
        int top = widths.length - 1;
        if (viewWidthPx < 0 || viewHeightPx < 0) {
            return top;
        }
        if (viewWidthPx == 0 || viewHeightPx == 0) {
            return -1;
        }
        long topWidth = -1;
        long topHeight = -1;
        for (int i = top; i >= 0 && topWidth < 0; i--) {
            if (widths[i] > 0 && heights[i] > 0) {
                topWidth = (long) widths[i] << (top - i);
                topHeight = (long) heights[i] << (top - i);
            }
        }
        if (topWidth < 0) {
            return top;
        }
        for (int i = 0; i < top; i++) {
            long w = widths[i] > 0 ? widths[i] : topWidth >> (top - i);
            long h = heights[i] > 0 ? heights[i] : topHeight >> (top - i);
            if (w >= viewWidthPx * TOLERANCE && h >= viewHeightPx * TOLERANCE) {
                return i;
            }
        }
        return top;
    }
}
