/**
 * Rooms and their participants: kinds (conference, broadcast), roles, the tracks published in a room by sid,
 * which track each subscriber m-line receives (explicit subscriptions, the video cap that follows the active
 * speakers, WHEP's first-track binding), and the lifetimes ({@link dev.onair.sfu.room.RoomPolicy}). Media loop
 * only; no signalling types.
 */
package dev.onair.sfu.room;
