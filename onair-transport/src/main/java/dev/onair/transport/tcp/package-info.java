/** Netty's TCP I/O for the HTTP/WebSocket server and the Java clients: native epoll where it loads, else NIO. */
package dev.onair.transport.tcp;
