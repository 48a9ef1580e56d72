/**
 * The REST admin API ({@code /api/v1/rooms...}, JSON, {@code admin} permission) and the OpenAPI document
 * ({@code /api/openapi.json}) that describes every HTTP endpoint of the server. See {@code docs/admin-api.md}.
 */
package dev.onair.server.admin;
