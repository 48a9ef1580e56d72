package dev.onair.server.e2e;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A WAV file for Chromium's {@code --use-file-for-fake-audio-capture}: a "voice" that the server's speaker
 * detection must take for speech. Chromium's default fake microphone only beeps (20 ms of 400 Hz every
 * 500 ms, {@code media/audio/fake_audio_input_stream.cc}), which the detector rightly ignores as a click:
 * entering needs at least half of the packets of two 200 ms windows voiced. This file is a continuous
 * 180 Hz tone with harmonics whose loudness swings at a syllable rate (4 Hz) between about -20 and -8 dBFS,
 * 16-bit mono PCM at 48 kHz, deterministic.
 */
final class SpeechLikeWav {
    static final int SAMPLE_RATE_HZ = 48_000;
    private static final int SECONDS = 4;
    private static final double FUNDAMENTAL_HZ = 180;
    private static final double SYLLABLE_HZ = 4;

    private SpeechLikeWav() {
    }

    /** Writes the file into {@code dir} and returns its path. */
    static Path write(Path dir) throws IOException {
        int samples = SAMPLE_RATE_HZ * SECONDS;
        ByteBuffer b = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + samples * 2)
                .put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(SAMPLE_RATE_HZ).putInt(SAMPLE_RATE_HZ * 2)
                .putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(samples * 2);
        for (int i = 0; i < samples; i++) {
            double t = i / (double) SAMPLE_RATE_HZ;
            double envelope = 0.1 + 0.3 * (0.5 + 0.5 * Math.sin(2 * Math.PI * SYLLABLE_HZ * t));
            double voice = 0.6 * Math.sin(2 * Math.PI * FUNDAMENTAL_HZ * t)
                    + 0.3 * Math.sin(2 * Math.PI * 2 * FUNDAMENTAL_HZ * t)
                    + 0.1 * Math.sin(2 * Math.PI * 3 * FUNDAMENTAL_HZ * t);
            b.putShort((short) Math.round(envelope * voice * Short.MAX_VALUE));
        }
        Path file = dir.resolve("speech-like.wav");
        Files.write(file, b.array());
        return file;
    }
}
