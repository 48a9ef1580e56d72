/**
 * The media node: {@link dev.onair.sfu.SfuNode} (media loop, UDP socket, DTLS pool, certificate) and the
 * {@link dev.onair.sfu.api.MediaService} implementation that signalling calls.
 */
package dev.onair.sfu;
