/**
 * The network lab in the server: the admin API's impairment requests, and the adapter that turns the lab's
 * {@link dev.onair.lab.impair.Impairment} into the transport's {@link dev.onair.transport.shape.DatagramShaper}.
 */
package dev.onair.server.lab;
