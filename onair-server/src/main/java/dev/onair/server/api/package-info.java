/**
 * Operational endpoints: {@code GET /api/v1/status} ({@link dev.onair.server.api.StatusEndpoint}),
 * {@code GET /metrics} ({@link dev.onair.server.api.MetricsEndpoint}) and the dev-mode token endpoint
 * {@code GET /api/v1/dev/token} ({@link dev.onair.server.api.DevTokenEndpoint}).
 */
package dev.onair.server.api;
