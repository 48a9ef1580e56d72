/**
 * The composition root: {@link dev.onair.server.OnairServer} wires config, tokens, the media service (from
 * {@link dev.onair.server.MediaBootstrap}) and the HTTP server; {@link dev.onair.server.ServerRoutes} dispatches
 * routes and methods to the endpoints.
 */
package dev.onair.server;
