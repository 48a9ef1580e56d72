/**
 * The network lab in the server: the admin API's impairment requests, and the adapter that turns the lab's
 * {@link dev.onair.lab.impair.Impairment} into the transport's {@link dev.onair.transport.shape.DatagramShaper},
 * and the flight recorder's dumps: on demand ({@link dev.onair.server.lab.RecordingDump}) and automatic when a
 * participant's quality drops ({@link dev.onair.server.lab.AutoDumper}, files by
 * {@link dev.onair.server.lab.DumpWriter}).
 */
package dev.onair.server.lab;
