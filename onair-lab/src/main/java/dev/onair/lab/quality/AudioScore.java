package dev.onair.lab.quality;

/**
 * The E-model's result for one {@link AudioConditions}: the rating, its parts and the MOS.
 *
 * @param rating transmission rating R, 0..100 ({@code Ro - Is - Id - Ie,eff + A}, floored at 0)
 * @param delayImpairment Id
 * @param effectiveEquipmentImpairment Ie,eff
 * @param mos MOS_CQE 1..4.5 (G.107 Annex B)
 */
public record AudioScore(double rating, double delayImpairment, double effectiveEquipmentImpairment,
                         double mos) {
}
