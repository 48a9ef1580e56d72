package dev.onair.server.lab;

/** How an automatic flight-recorder dump ended: {@code onair_recorder_dumps_total{result}}. */
public enum DumpResult {
    /** Both files (JSON lines and pcap) are in the dump directory. */
    WRITTEN,
    /** Nothing usable was written: the participant had left, or the directory or a file could not be written. */
    FAILED
}
