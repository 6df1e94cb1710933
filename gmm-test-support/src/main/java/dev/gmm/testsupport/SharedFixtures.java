package dev.gmm.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reference fixtures held once for every module's tests (src/main/resources/fixtures/SET/NAME), read
 * from this module so that the others need no copies: {@code SharedFixtures.text("mclust", "iris-VVV.json")}.
 */
public final class SharedFixtures {
    private SharedFixtures() {
    }

    /** The fixture's text. */
    public static String text(String set, String name) {
        String path = "/fixtures/" + set + "/" + name;
        try (InputStream in = SharedFixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + path + " in gmm-test-support");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture parsed as JSON (see {@link Json#parse}). */
    public static Object json(String set, String name) {
        return Json.parse(text(set, name));
    }

    /** A headerless numeric CSV fixture as rows. */
    public static double[][] csv(String set, String name) {
        return text(set, name).lines().filter(l -> !l.isBlank())
                .map(l -> java.util.Arrays.stream(l.split(",")).mapToDouble(c -> Double.parseDouble(c.trim())).toArray())
                .toArray(double[][]::new);
    }
}
