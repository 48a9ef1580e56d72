/**
 * The network lab (issue 4): reproducible bad networks and quantitative quality. Everything here is pure and
 * deterministic: time is passed in as monotonic nanoseconds and every random decision comes from a seeded
 * generator, so the same seed and the same packet sequence give the same decisions, bit for bit.
 */
package dev.onair.lab;
