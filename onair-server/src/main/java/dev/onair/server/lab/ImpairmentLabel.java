package dev.onair.server.lab;

/**
 * What the admin API reports about a setting: the direction, the preset or the scenario's name (one of the two),
 * and the seed in use.
 */
public record ImpairmentLabel(String direction, String preset, String scenario, long seed) {
}
