package dev.onair.bench.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Y4M camera: a valid header and frame layout, seeded content that moves, a reused file. */
class Y4mCameraTest {

    @Test
    void headerAndFramesHaveTheLayoutChromiumReads() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Y4mCamera.write(out, 7, 2);
        byte[] bytes = out.toByteArray();
        String header = Y4mCamera.header();
        assertThat(header).isEqualTo("YUV4MPEG2 W1280 H720 F20:1 Ip A1:1 C420jpeg\n");
        assertThat(bytes).hasSize(header.length() + 2 * (6 + 1280 * 720 * 3 / 2));
        assertThat(new String(bytes, 0, header.length(), StandardCharsets.US_ASCII)).isEqualTo(header);
        assertThat(new String(bytes, header.length(), 6, StandardCharsets.US_ASCII)).isEqualTo("FRAME\n");
        int second = header.length() + (int) Y4mCamera.frameBytes();
        assertThat(new String(bytes, second, 6, StandardCharsets.US_ASCII)).isEqualTo("FRAME\n");
    }

    @Test
    void theSameSeedGivesTheSamePictureAndConsecutiveFramesDiffer() throws Exception {
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ByteArrayOutputStream c = new ByteArrayOutputStream();
        Y4mCamera.write(a, 7, 2);
        Y4mCamera.write(b, 7, 2);
        Y4mCamera.write(c, 8, 2);
        assertThat(a.toByteArray()).isEqualTo(b.toByteArray());
        assertThat(Arrays.equals(a.toByteArray(), c.toByteArray())).isFalse();

        byte[] bytes = a.toByteArray();
        int luma = 1280 * 720;
        int first = Y4mCamera.header().length() + 6;
        int next = first + (int) Y4mCamera.frameBytes();
        long changed = 0;
        long sum = 0;
        long sumSquares = 0;
        for (int i = 0; i < luma; i++) {
            int y = bytes[first + i] & 0xFF;
            changed += y != (bytes[next + i] & 0xFF) ? 1 : 0;
            sum += y;
            sumSquares += (long) y * y;
        }
        assertThat(changed).as("luma samples that change from one frame to the next").isGreaterThan(luma / 2);
        double mean = sum / (double) luma;
        double deviation = Math.sqrt(sumSquares / (double) luma - mean * mean);
        assertThat(deviation).as("a textured picture, not a flat one").isGreaterThan(20);
    }

    @Test
    void aCompleteFileIsReusedAndAShortOneRewritten(@TempDir Path dir) throws Exception {
        Path file = Y4mCamera.ensure(dir, 7);
        assertThat(Files.size(file)).isEqualTo(Y4mCamera.fileBytes());
        assertThat(Y4mCamera.fileBytes()).isLessThan(250L * 1024 * 1024);
        assertThat(file.getFileName().toString()).contains("v" + Y4mCamera.GENERATOR_VERSION).contains("seed7");
        long written = Files.getLastModifiedTime(file).toMillis();

        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(written - 60_000));
        assertThat(Y4mCamera.ensure(dir, 7)).isEqualTo(file);
        assertThat(Files.getLastModifiedTime(file).toMillis()).as("reused, not rewritten").isEqualTo(written - 60_000);

        try (var channel = Files.newByteChannel(file, java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(1000);
        }
        assertThat(Y4mCamera.ensure(dir, 7)).isEqualTo(file);
        assertThat(Files.size(file)).isEqualTo(Y4mCamera.fileBytes());
        try (var files = Files.list(dir)) {
            assertThat(files).as("no temporary file left").hasSize(1);
        }
    }
}
