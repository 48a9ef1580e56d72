package dev.onair.bench.quality;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.SplittableRandom;

/**
 * A high-entropy camera for Chromium's {@code --use-file-for-fake-video-capture}: a seeded Y4M (1280x720, 4:2:0,
 * {@code C420jpeg}, {@value #FRAMES_PER_SECOND} fps, {@value #FRAMES} frames that Chromium loops) of a fine noise
 * texture panning over a moving gradient, a few textured blocks circling over it, and fresh per-frame noise on top.
 * Chromium's built-in fake camera (a flat test pattern) encodes 720p at only ~0.7 Mbit/s; this content makes the
 * VP8 encoder want its top 720p rate (around 2 Mbit/s and more), so a 1 Mbit/s cap forces a layer change. Every
 * motion has a period of exactly {@value #FRAMES} frames, so the loop has no seam.
 *
 * <p>The file is written once under {@code bench/target} and reused while its name (which carries
 * {@link #GENERATOR_VERSION}, the seed and the size) and its length match; about
 * {@value #FRAMES} × 1.38 MB.
 */
public final class Y4mCamera {
    /** Bump when the picture changes, so that an old file is not reused. */
    public static final int GENERATOR_VERSION = 3;
    public static final int WIDTH = 1280;
    public static final int HEIGHT = 720;
    public static final int FRAMES_PER_SECOND = 20;
    /** 6.4 s at 20 fps; the texture pans {@value #TILE} pixels in that time. */
    public static final int FRAMES = 128;
    /** The noise texture repeats every TILE pixels in both directions (a power of two). */
    static final int TILE = 256;
    /** Amplitude of the fresh noise added to every luma sample of every frame (±). */
    static final int TEMPORAL_NOISE = 3;
    static final int CELL = 8;
    static final int SMOOTH_AMPLITUDE = 40;
    static final int GRAIN_AMPLITUDE = 12;
    private static final int BLOCKS = 6;
    private static final int BLOCK_SIZE = 160;
    private static final String FRAME_HEADER = "FRAME\n";

    private Y4mCamera() {
    }

    /** The Y4M stream header. */
    static String header() {
        return "YUV4MPEG2 W" + WIDTH + " H" + HEIGHT + " F" + FRAMES_PER_SECOND + ":1 Ip A1:1 C420jpeg\n";
    }

    /** Bytes of one frame (its "FRAME" line included). */
    static long frameBytes() {
        return FRAME_HEADER.length() + (long) WIDTH * HEIGHT * 3 / 2;
    }

    /** The length of a complete file. */
    static long fileBytes() {
        return header().length() + FRAMES * frameBytes();
    }

    /**
     * The camera file for {@code seed} in {@code dir}: reused when a complete one of this generator version is
     * there, else written (to a temporary file first, then moved, so a broken run never leaves a short file).
     */
    public static Path ensure(Path dir, long seed) throws IOException {
        Path file = dir.resolve("quality-camera-v" + GENERATOR_VERSION + "-seed" + seed + "-" + WIDTH + "x" + HEIGHT
                + "-" + FRAMES_PER_SECOND + "fps.y4m");
        if (Files.isRegularFile(file) && Files.size(file) == fileBytes() && startsWithHeader(file)) {
            return file;
        }
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "quality-camera-", ".y4m.tmp");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20)) {
            write(out, seed, FRAMES);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    private static boolean startsWithHeader(Path file) throws IOException {
        byte[] want = header().getBytes(StandardCharsets.US_ASCII);
        try (InputStream in = Files.newInputStream(file)) {
            return java.util.Arrays.equals(in.readNBytes(want.length), want);
        }
    }

    /** Writes the header and {@code frames} frames of the picture for {@code seed}. */
    static void write(OutputStream out, long seed, int frames) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] texture = texture(random);
        byte[][] blockTextures = new byte[BLOCKS][BLOCK_SIZE * BLOCK_SIZE];
        int[] blockBase = new int[BLOCKS];
        for (int b = 0; b < BLOCKS; b++) {
            blockBase[b] = 40 + random.nextInt(176);
            for (int i = 0; i < blockTextures[b].length; i++) {
                // Coarser texture than the background: 4x4 cells.
                int cx = (i % BLOCK_SIZE) / 4;
                int cy = (i / BLOCK_SIZE) / 4;
                blockTextures[b][i] = (byte) (new SplittableRandom(seed * 31 + b * 1_000_003L + cy * 1009L + cx)
                        .nextInt(120) - 60);
            }
        }
        byte[] y = new byte[WIDTH * HEIGHT];
        byte[] u = new byte[WIDTH * HEIGHT / 4];
        byte[] v = new byte[WIDTH * HEIGHT / 4];
        out.write(header().getBytes(StandardCharsets.US_ASCII));
        for (int f = 0; f < frames; f++) {
            double phase = 2 * Math.PI * (f % FRAMES) / FRAMES;
            int pan = (f % FRAMES) * TILE / FRAMES;
            int[] wave = new int[WIDTH];
            for (int col = 0; col < WIDTH; col++) {
                wave[col] = (int) (30 * Math.sin(phase + col / 200.0));
            }
            for (int row = 0; row < HEIGHT; row++) {
                int tRow = ((row + pan) & (TILE - 1)) * TILE;
                for (int col = 0; col < WIDTH; col++) {
                    int gradient = 70 + 80 * (col + row) / (WIDTH + HEIGHT) + wave[col];
                    int value = gradient + texture[tRow + ((col + 2 * pan) & (TILE - 1))]
                            + random.nextInt(2 * TEMPORAL_NOISE + 1) - TEMPORAL_NOISE;
                    y[row * WIDTH + col] = clamp(value);
                }
            }
            for (int b = 0; b < BLOCKS; b++) {
                double a = phase * (b % 2 == 0 ? 1 : -1) + b * Math.PI / 3;
                int cx = (int) (WIDTH / 2.0 + (WIDTH / 2.0 - BLOCK_SIZE) * Math.cos(a) * (0.4 + 0.1 * b));
                int cy = (int) (HEIGHT / 2.0 + (HEIGHT / 2.0 - BLOCK_SIZE) * Math.sin(a) * (0.4 + 0.1 * b));
                for (int by = 0; by < BLOCK_SIZE; by++) {
                    int row = cy - BLOCK_SIZE / 2 + by;
                    for (int bx = 0; bx < BLOCK_SIZE; bx++) {
                        int col = cx - BLOCK_SIZE / 2 + bx;
                        if (row >= 0 && row < HEIGHT && col >= 0 && col < WIDTH) {
                            y[row * WIDTH + col] = clamp(blockBase[b] + blockTextures[b][by * BLOCK_SIZE + bx]);
                        }
                    }
                }
            }
            for (int row = 0; row < HEIGHT / 2; row++) {
                for (int col = 0; col < WIDTH / 2; col++) {
                    u[row * (WIDTH / 2) + col] = clamp(128 + (int) (40 * Math.sin(phase + col / 80.0)));
                    v[row * (WIDTH / 2) + col] = clamp(128 + (int) (40 * Math.cos(phase + row / 60.0)));
                }
            }
            out.write(FRAME_HEADER.getBytes(StandardCharsets.US_ASCII));
            out.write(y);
            out.write(u);
            out.write(v);
        }
    }

    /**
     * The background texture, periodic in {@link #TILE}: smooth value noise (bilinear between random values every
     * {@value #CELL} pixels, ±{@value #SMOOTH_AMPLITUDE}) that lets the encoder's motion search find the pan, plus a
     * fine static grain (±{@value #GRAIN_AMPLITUDE}) that moves with it and costs bits wherever prediction is off.
     */
    static byte[] texture(SplittableRandom random) {
        int cells = TILE / CELL;
        int[] grid = new int[cells * cells];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = random.nextInt(2 * SMOOTH_AMPLITUDE + 1) - SMOOTH_AMPLITUDE;
        }
        byte[] texture = new byte[TILE * TILE];
        for (int ty = 0; ty < TILE; ty++) {
            int gy = ty / CELL;
            double fy = (ty % CELL) / (double) CELL;
            for (int tx = 0; tx < TILE; tx++) {
                int gx = tx / CELL;
                double fx = (tx % CELL) / (double) CELL;
                double top = grid[gy * cells + gx] * (1 - fx) + grid[gy * cells + (gx + 1) % cells] * fx;
                double bottom = grid[((gy + 1) % cells) * cells + gx] * (1 - fx)
                        + grid[((gy + 1) % cells) * cells + (gx + 1) % cells] * fx;
                int grain = random.nextInt(2 * GRAIN_AMPLITUDE + 1) - GRAIN_AMPLITUDE;
                texture[ty * TILE + tx] = (byte) Math.round(top * (1 - fy) + bottom * fy + grain);
            }
        }
        return texture;
    }

    private static byte clamp(int value) {
        return (byte) Math.max(0, Math.min(255, value));
    }
}
