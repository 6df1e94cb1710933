package dev.gmm.app;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every user mistake of issue 16 §3 and §4, through the launcher as a user runs it: exit code 2
 * and exactly one line on stderr (no JVM warning before it) that says what is wrong and what to do.
 */
class ClearErrorsProcessTest {
    @TempDir
    static Path dir;
    private static GmmLauncher gmm;

    @BeforeAll
    static void launcherAndAModel() throws Exception {
        gmm = GmmLauncher.in(Files.createDirectories(dir.resolve("launcher")));
        StringBuilder data = new StringBuilder("a,b\n");
        java.util.Random rnd = new java.util.Random(5);
        for (int i = 0; i < 100; i++) {
            double c = i % 2 == 0 ? -4 : 4;
            data.append(c + rnd.nextGaussian()).append(',').append(c + rnd.nextGaussian()).append('\n');
        }
        Files.writeString(dir.resolve("x.csv"), data);
        GmmProcess.Result fit = gmm.run(dir, "fit", "--data", "x.csv", "--components", "2", "--out", "m.json");
        assertThat(fit.exitCode()).as(fit.stderr()).isZero();
    }

    /** Runs gmm, expecting exit 2 and one stderr line; returns that line. */
    private static String mistake(String... args) throws Exception {
        return mistake(Map.of(), args);
    }

    private static String mistake(Map<String, String> env, String... args) throws Exception {
        GmmProcess.Result r = gmm.run(dir, env, args);
        assertThat(r.exitCode()).as(String.join(" ", args) + ": " + r.stderr()).isEqualTo(2);
        assertThat(r.stderr().lines().toList()).as(String.join(" ", args)).hasSize(1);
        assertThat(r.stderr()).doesNotContain("WARNING");
        return r.stderr().strip();
    }

    private static String modelWith(String from, String to) throws Exception {
        String json = Files.readString(dir.resolve("m.json"));
        assertThat(json).contains(from);
        Path broken = Files.createTempFile(dir, "broken", ".json");
        Files.writeString(broken, json.replaceFirst(java.util.regex.Pattern.quote(from), to));
        return broken.getFileName().toString();
    }

    @Test
    void aMissingInputFileIsNamedWithTheFlagAndTheFolderItWasLookedFor() throws Exception {
        assertThat(mistake("fit", "--data", "nosuch.csv", "--components", "2", "--out", "o.json"))
                .contains("--data nosuch.csv: no such file", dir.toRealPath().toString());
        assertThat(mistake("predict", "--model", "nosuch.json", "--data", "x.csv")).contains("--model nosuch.json: no such file");
    }

    @Test
    void aFolderGivenAsAFileIsNamed() throws Exception {
        Files.createDirectories(dir.resolve("folder.csv"));
        assertThat(mistake("fit", "--data", "folder.csv", "--components", "2", "--out", "o.json"))
                .contains("--data folder.csv is a folder");
        assertThat(mistake("predict", "--model", "m.json", "--data", "x.csv", "--out", "folder.csv"))
                .contains("--out folder.csv is a folder");
    }

    @Test
    void aMissingOutputFolderIsFoundBeforeTheWork() throws Exception {
        assertThat(mistake("fit", "--data", "x.csv", "--components", "2", "--out", "nodir/m.json"))
                .contains("--out nodir/m.json", "does not exist", "mkdir -p");
        assertThat(mistake("experiment", "blobs", "--out", "x.csv")).contains("--out x.csv is a file");
    }

    @Test
    void anUnknownCovarianceModelListsMclustsFourteenAndTheBuiltInTypes() throws Exception {
        String line = mistake("fit", "--data", "x.csv", "--components", "2", "--covariance", "XYZ", "--out", "o.json");
        assertThat(line).contains("'XYZ'", "full", "tied", "diag", "spherical");
        for (String model : dev.gmm.parsimonious.MclustModel.names()) {
            assertThat(line).as("lists " + model).contains(model);
        }
        assertThat(line).doesNotContain("Exception", "\tat ");
    }

    @Test
    void anUnwritableOutputFolderIsFoundBeforeTheWork() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse("root".equals(System.getProperty("user.name")),
                "root may write anywhere");
        Path locked = Files.createDirectories(dir.resolve("locked"));
        locked.toFile().setWritable(false, false);
        try {
            assertThat(mistake("fit", "--data", "x.csv", "--components", "2", "--out", "locked/m.json"))
                    .contains("cannot write in the folder");
        } finally {
            locked.toFile().setWritable(true, false);
        }
    }

    @Test
    void anOutputThatIsAnInputIsRefusedAndTheInputKept() throws Exception {
        Files.copy(dir.resolve("x.csv"), dir.resolve("keep.csv"));
        String before = Files.readString(dir.resolve("keep.csv"));
        assertThat(mistake("fit", "--data", "keep.csv", "--components", "2", "--out", "keep.csv"))
                .contains("--out keep.csv is also an input");
        assertThat(mistake("predict", "--model", "m.json", "--data", "keep.csv", "--out", "./keep.csv"))
                .contains("is also an input");
        assertThat(mistake("predict", "--model", "m.json", "--data", "keep.csv", "--out", "m.json"))
                .contains("is also an input");
        assertThat(Files.readString(dir.resolve("keep.csv"))).isEqualTo(before);
    }

    @Test
    void aFirstRowMixingNumbersAndTextIsAnErrorNotADroppedHeader() throws Exception {
        Files.writeString(dir.resolve("typo.csv"), "1.0,abc,3.0\n" + "1,2,3\n".repeat(300));
        assertThat(mistake("fit", "--data", "typo.csv", "--components", "1", "--out", "o.json"))
                .contains("typo.csv line 1 column 2", "\"abc\"", "not taken for a header");
    }

    @Test
    void hexadecimalFloatsAreRefused() throws Exception {
        Files.writeString(dir.resolve("hex.csv"), "a,b\n1,2\n0x1p3,4\n2,5\n");
        assertThat(mistake("fit", "--data", "hex.csv", "--components", "1", "--out", "o.json"))
                .contains("hex.csv line 3 column 1", "\"0x1p3\"", "not a decimal number");
    }

    @Test
    void aFloat32OverflowNamesTheFileLineAndValue() throws Exception {
        StringBuilder text = new StringBuilder("a,b\n");
        for (int i = 0; i < 6; i++) {
            text.append(i).append(".5,").append(i % 3).append('\n');
        }
        text.append("1e39,1\n2,2\n");
        Files.writeString(dir.resolve("f32.csv"), text);
        assertThat(mistake("fit", "--data", "f32.csv", "--components", "1", "--float32", "--out", "o.json"))
                .contains("f32.csv line 8", "1.0E39", "overflows float32");
    }

    @Test
    void negativeThreadsAreRefused() throws Exception {
        assertThat(mistake("fit", "--data", "x.csv", "--components", "2", "--threads", "-1", "--out", "o.json"))
                .contains("--threads -1", "0 for all cores");
    }

    @Test
    void theMissingValueHintNamesTheFlag() throws Exception {
        Files.writeString(dir.resolve("na.csv"), "a,b\n1,2\nNA,3\n2,2\n");
        assertThat(mistake("predict", "--model", "m.json", "--data", "na.csv"))
                .contains("--missing drop", "--missing mean").doesNotContain("DROP_ROWS or IMPUTE_MEAN");
    }

    @Test
    void damagedModelFilesSayTheFileIsBroken() throws Exception {
        assertThat(mistake("predict", "--model", modelWith("\"n_components\" : 2", "\"n_components\" : 2000000000"),
                "--data", "x.csv")).contains("n_components is 2000000000").doesNotContain("memory");
        assertThat(mistake("score", "--model", modelWith("\"weights\" : [ ", "\"weights\" : [ 0.25, "),
                "--data", "x.csv")).contains("weights");
        assertThat(mistake("sample", "--model", modelWith("\"n_iter\"", "\"n_iter\" : 3, \"n_iter\""), "--n", "3",
                "--out", "s.csv")).contains("Duplicate field 'n_iter'");
        Path latin = dir.resolve("latin.json");
        Files.write(latin, new byte[] {'{', '"', (byte) 0xE9, '"', ':', '1', '}'});
        assertThat(mistake("predict", "--model", "latin.json", "--data", "x.csv")).contains("latin.json", "not UTF-8")
                .doesNotContain("Input length");
    }

    @Test
    void aCovarianceThatIsNotPositiveDefiniteBlamesTheFileNotRegCovar() throws Exception {
        String json = Files.readString(dir.resolve("m.json"));
        String covariances = json.substring(json.indexOf("\"covariances\""), json.indexOf("\"precisions_cholesky\""));
        String flipped = covariances.replaceFirst("\\[ \\[ \\[ ([0-9.E-]+)", "[ [ [ -$1");
        assertThat(flipped).isNotEqualTo(covariances);
        Files.writeString(dir.resolve("npd.json"), json.replace(covariances, flipped));
        assertThat(mistake("predict", "--model", "npd.json", "--data", "x.csv"))
                .contains("npd.json is broken", "not positive definite").doesNotContain("reg_covar");
    }

    @Test
    void finiteDataNear1e300NeverPrintNaNOrInfinity() throws Exception {
        Files.writeString(dir.resolve("huge.csv"), "a,b\n1e300,1e300\n-1e300,2e300\n");
        assertThat(mistake("predict", "--model", "m.json", "--data", "huge.csv", "--proba"))
                .contains("huge.csv", "rescale");
        assertThat(mistake("score", "--model", "m.json", "--data", "huge.csv")).contains("huge.csv", "rescale");
    }

    @Test
    void anImageOfOnePixelIsTooSmallForKClusters() throws Exception {
        ImageIO.write(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), "png", dir.resolve("dot.png").toFile());
        assertThat(mistake("experiment", "segment-image", "--data", "dot.png", "--out", "seg"))
                .contains("dot.png (1x1)", "too few pixels for K clusters").doesNotContain("Invalid number");
    }

    @Test
    void audioEmotionsOnAFolderWithoutRavdessNamesSaysWhatNamesLookLike() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("speech"));
        Files.write(folder.resolve("hello.wav"), new byte[44]);
        assertThat(mistake("experiment", "audio-emotions", "--data", "speech", "--out", "emo"))
                .contains("no RAVDESS-named .wav files in speech", "03-01-05-01-02-01-12.wav");
    }

    @Test
    void outOfMemoryExitsTwoWithOneLine() throws Exception {
        assertThat(mistake(Map.of("GMM_JAVA_OPTS", "-Xmx24m"), "sample", "--model", "m.json", "--n", "20000000",
                "--out", "big.csv")).contains("out of memory", "GMM_JAVA_OPTS");
    }
}
