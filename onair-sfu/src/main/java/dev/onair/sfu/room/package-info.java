/** Rooms: which publishers and subscribers share media, and which track each subscriber receives. */
package dev.onair.sfu.room;
