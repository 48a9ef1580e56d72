/**
 * The {@code onair} command line (picocli): {@code onair serve} runs the server, {@code onair token} prints an
 * access token, {@code onair lab} lists network presets and sets, shows or clears a participant's impairment
 * through the admin API, {@code onair replay} replays a flight-recorder dump. Entry point
 * {@link dev.onair.server.cli.OnairCli}.
 */
package dev.onair.server.cli;
