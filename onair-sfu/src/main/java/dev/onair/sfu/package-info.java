/**
 * The media node: {@link dev.onair.sfu.SfuNode} (media loop, UDP socket, DTLS pool, certificate) and the
 * {@link dev.onair.sfu.api.MediaService} implementation that signalling calls, split into the service itself
 * (rooms, participants, sessions, periodic work), the {@code SessionFactory} (offers, answers and transports),
 * the {@code EventRouter} (who sees which room event) and the {@code ParticipantViews} (the one view of rooms
 * and participants every caller gets).
 */
package dev.onair.sfu;
