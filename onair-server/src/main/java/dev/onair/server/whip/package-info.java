/**
 * WHIP (RFC 9725) and WHEP (draft-ietf-wish-whep) session resources on top of
 * {@link dev.onair.sfu.api.MediaService}: {@link dev.onair.server.whip.SessionEndpoint} creates sessions from a
 * complete SDP offer (POST → 201 with answer, Location, ETag) and ends them (DELETE). No trickle ICE, no ICE
 * restart: the server is ICE-lite and needs no client candidates (PATCH → 405). See {@code docs/whip-whep.md}.
 */
package dev.onair.server.whip;
