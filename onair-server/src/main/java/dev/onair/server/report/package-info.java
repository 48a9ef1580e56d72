/**
 * Quality scores on the SFU's session telemetry (issue 4): the E-model MOS per audio sample, the video score
 * per video sample and the connection tier per session, all from {@code dev.onair.lab.quality}; the JSON shape
 * of {@code GET /api/v1/sessions/{id}/report}. See docs/quality.md §4 for the inputs and assumptions.
 */
package dev.onair.server.report;
