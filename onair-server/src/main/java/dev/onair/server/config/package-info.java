/**
 * Server configuration: {@link dev.onair.server.config.ServerConfig} (validated, immutable), the YAML file
 * reader {@link dev.onair.server.config.ConfigFile}, the webhook settings
 * {@link dev.onair.server.config.WebhookConfig}, the room settings {@link dev.onair.server.config.RoomConfig},
 * the CLI/file merge in
 * {@link dev.onair.server.config.ConfigResolver} and {@link dev.onair.server.config.LocalAddresses} for the
 * default ICE candidate addresses.
 */
package dev.onair.server.config;
