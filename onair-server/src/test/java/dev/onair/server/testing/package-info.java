/** Helpers shared by the server's integration and end-to-end tests. */
package dev.onair.server.testing;
