package dev.onair.sfu.api;

/**
 * Where a live resource belongs: its room and whether it publishes or subscribes, so that signalling can
 * refuse a DELETE that names the right id under the wrong room or endpoint.
 */
public record ResourceRef(String room, boolean publisher) {
}
