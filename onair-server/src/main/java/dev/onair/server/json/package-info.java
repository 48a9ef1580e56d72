/**
 * The one JSON configuration every answer and frame of the server uses: the SFU's enums in their lower-case
 * wire spelling, no nulls.
 */
package dev.onair.server.json;
