package dev.onair.lab.quality;

/**
 * ITU-T G.107 Annex B (B.4): the rating R mapped to an estimated conversational MOS (MOS_CQE) on the 1..4.5
 * scale: {@code MOS = 1} for {@code R < 0}, {@code 4.5} for {@code R > 100}, else
 * {@code 1 + 0.035 R + R (R - 60)(100 - R) 7e-6}. The polynomial dips just below 1 for small positive R, so
 * the result is clamped to 1..4.5.
 */
public final class MosMapping {

    /** The lowest MOS. */
    public static final double MIN_MOS = 1.0;
    /** The highest MOS of the narrowband scale. */
    public static final double MAX_MOS = 4.5;

    private MosMapping() {
    }

    /** MOS for a rating R; NaN counts as the worst rating. */
    public static double mosFromRating(double rating) {
        if (!(rating > 0)) {
            return MIN_MOS;
        }
        if (rating >= 100) {
            return MAX_MOS;
        }
        double mos = 1 + 0.035 * rating + rating * (rating - 60) * (100 - rating) * 7e-6;
        return Math.max(MIN_MOS, Math.min(MAX_MOS, mos));
    }
}
