/** The media UDP socket: a thin Netty adapter that copies datagrams out at the edge and sends them back. */
package dev.onair.transport.udp;
