package dev.gmm.datasets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * A seeded mutation fuzzer for the .npy header parser that runs in the default build (Jazzer's
 * {@link NpyFuzzTest} needs the fuzz profile and a network to fetch it): 4,000 mutants of the seed
 * files — flipped and overwritten bytes, cut files, and edits of the header text that keep it
 * plausible (digits, quotes, brackets, keys) — each must be read or refused under FuzzTargets' rule.
 */
class NpyMutationTest {
    private static final Path SEEDS = Path.of("src/test/resources/dev/gmm/datasets/NpyFuzzTestInputs/npyFile");
    private static final String[] HEADER_EDITS = {"(", ")", "'", "\"", ",", ":", "{", "}", "True", "False", "-",
            "99999999999", "0", "<f4", ">f8", "shape", "descr", "fortran_order", " ", "L", "[", "]", "\n"};

    @TempDir
    Path dir;

    @Test
    void mutantsOfTheSeedsAreReadOrRefusedWithAMessage() throws IOException {
        byte[][] seeds;
        try (Stream<Path> files = Files.list(SEEDS)) {
            seeds = files.sorted().map(NpyMutationTest::bytes).toArray(byte[][]::new);
        }
        SplittableRandom random = new SplittableRandom(19);
        for (int i = 0; i < 4_000; i++) {
            FuzzTargets.npy(dir, mutate(seeds[random.nextInt(seeds.length)], random));
        }
    }

    private static byte[] mutate(byte[] seed, SplittableRandom random) {
        byte[] b = seed.clone();
        switch (random.nextInt(4)) {
            case 0 -> {
                for (int n = 1 + random.nextInt(4); n > 0; n--) {
                    b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> b[random.nextInt(Math.min(12, b.length))] = (byte) random.nextInt(256);
            case 2 -> b = java.util.Arrays.copyOf(b, random.nextInt(b.length));
            default -> {
                String text = new String(b, StandardCharsets.ISO_8859_1);
                int at = 10 + random.nextInt(Math.min(110, text.length() - 10));
                int cut = random.nextInt(4);
                String edit = HEADER_EDITS[random.nextInt(HEADER_EDITS.length)];
                text = text.substring(0, at) + edit + text.substring(Math.min(text.length(), at + cut));
                b = text.getBytes(StandardCharsets.ISO_8859_1);
            }
        }
        return b;
    }

    private static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
