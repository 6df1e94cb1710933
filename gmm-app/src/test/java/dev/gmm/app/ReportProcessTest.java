package dev.gmm.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The report commands through the real CLI: demo, experiment, inspect and bench. */
class ReportProcessTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern IMG = Pattern.compile("<img src=\"([^\"]+)\"");
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path dir;

    @Test
    void demoWritesAPageWhoseEveryImageIsAPngAndTheSameResultsJsonTwice() throws Exception {
        GmmProcess.Result r = GmmProcess.run(dir, 5, "demo", "--out", "report");
        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isZero();
        Path report = dir.resolve("report");
        // Issue 16 §6: the same command with the same seed gives the same results.json, byte for byte
        // (times and the date are in timings.json).
        GmmProcess.Result again = GmmProcess.run(dir, 5, "demo", "--out", "again");
        assertThat(again.exitCode()).as(again.stdout() + again.stderr()).isZero();
        assertThat(Files.mismatch(report.resolve("results.json"), dir.resolve("again/results.json")))
                .as("first differing byte of the two results.json").isEqualTo(-1L);
        assertThat(JSON.readTree(report.resolve("timings.json").toFile()).get("experiments").get("iris")
                .get("seconds").asDouble()).isPositive();
        String page = Files.readString(report.resolve("index.html"));
        List<String> images = imageSources(page);
        // The Iris section alone draws a scatter with ellipses, a lower-bound curve and a confusion matrix.
        assertThat(images).hasSizeGreaterThanOrEqualTo(3).doesNotHaveDuplicates();
        for (String src : images) {
            assertIsPng(report.resolve(src));
        }

        JsonNode results = JSON.readTree(report.resolve("results.json").toFile());
        JsonNode iris = results.get("iris");
        assertThat(iris.get("matched").asInt()).isEqualTo(145);
        assertThat(iris.get("n_samples").asInt()).isEqualTo(150);
        assertThat(iris.get("best_map_accuracy").asDouble()).isCloseTo(145 / 150.0, within(1e-12));
        assertThat(page).contains("145 of 150 flowers fall in their species");

        // Every registered experiment has a section in both files, and each figure the JSON names is on the page.
        GmmProcess.Result plugins = GmmProcess.run(dir, "plugins");
        JsonNode experiments = results.get("experiments");
        assertThat(experiments.has("iris")).isTrue();
        List<String> figureFiles = new ArrayList<>();
        experiments.properties().forEach(e -> {
            JsonNode section = e.getValue();
            assertThat(section.has("error")).as(e.getKey() + " failed: " + section.path("error").asText()).isFalse();
            assertThat(page).contains("id=\"section-" + e.getKey() + "\"");
            section.get("figures").forEach(f -> figureFiles.add(f.get("file").asText()));
        });
        assertThat(images).containsExactlyInAnyOrderElementsOf(figureFiles);
        // the Iris check is experiment "iris" itself, run first
        assertThat(experimentNames(plugins.stdout())).contains("iris");
        assertThat(experiments.fieldNames().next()).isEqualTo("iris");
        assertThat(experiments.size()).isEqualTo(experimentNames(plugins.stdout()).size());
        // Findings follow from their numbers: segment-cifar counts wins, ties and losses, and they add up.
        JsonNode cifar = experiments.get("segment-cifar");
        int higher = cifar.get("numbers").get("gmm_higher_psnr").asInt();
        int equal = cifar.get("numbers").get("gmm_equal_psnr").asInt();
        int lower = cifar.get("numbers").get("gmm_lower_psnr").asInt();
        assertThat(cifar.get("findings")).extracting(JsonNode::asText).contains(String.format(java.util.Locale.ROOT,
                "GMM's PSNR against K-Means' over %d images: higher on %d, equal (within 0.01 dB) on %d, lower on %d",
                higher + equal + lower, higher, equal, lower));
        assertThat(experiments.get("segment-image").get("findings")).isNotEmpty();
        // The numbers on the page are the JSON's: Iris's BIC appears rounded to 4 significant digits.
        double bic = iris.get("bic").asDouble();
        assertThat(page).contains(String.format(java.util.Locale.ROOT, "%.4g", bic).replaceAll("0+$", "").replaceAll("\\.$", ""));
    }

    @Test
    void experimentRunsOneExperimentIntoTheSameReport() throws Exception {
        GmmProcess.Result plugins = GmmProcess.run(dir, "plugins");
        List<String> names = experimentNames(plugins.stdout());
        assertThat(names).contains("segment-mnist");

        // On the module path, as the launcher runs it: XChart is an automatic module there.
        GmmProcess.Result r = GmmProcess.runOnModulePath(dir, "experiment", "segment-mnist", "--out", "one");
        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isZero();
        String page = Files.readString(dir.resolve("one/index.html"));
        List<String> images = imageSources(page);
        assertThat(images).isNotEmpty();
        for (String src : images) {
            assertIsPng(dir.resolve("one").resolve(src));
        }
        JsonNode results = JSON.readTree(dir.resolve("one/results.json").toFile());
        List<String> sections = new ArrayList<>();
        results.get("experiments").fieldNames().forEachRemaining(sections::add);
        assertThat(sections).containsExactly("segment-mnist");
        JsonNode numbers = results.get("experiments").get("segment-mnist").get("numbers");
        assertThat(numbers.size()).isPositive();
    }

    @Test
    void anUnknownExperimentIsAUsersMistakeThatListsTheNames() throws Exception {
        GmmProcess.Result r = GmmProcess.run(dir, "experiment", "no-such-experiment");
        assertThat(r.exitCode()).isEqualTo(2);
        List<String> lines = r.errorLines();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains("no-such-experiment", "segment-mnist");
        assertThat(Files.exists(dir.resolve("gmm-report-no-such-experiment"))).isFalse();
    }

    @Test
    void dataForAnExperimentThatOnlyGeneratesItsDataIsRefusedNotIgnored() throws Exception {
        GmmProcess.Result r = GmmProcess.run(dir, "experiment", "blobs", "--data", dir.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errorLines()).singleElement().asString()
                .contains("'blobs'", "drop --data", "odds", "segment-mnist").doesNotContain("overlap,");
        assertThat(Files.exists(dir.resolve("gmm-report-blobs"))).isFalse();
    }

    @Test
    void inspectDescribesIrisWithSnakeCaseKeys() throws Exception {
        GmmProcess.Result r = GmmProcess.run(dir, "inspect", "--dataset", "iris");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        JsonNode json = JSON.readTree(r.stdout());
        assertThat(json.get("n_samples").asInt()).isEqualTo(150);
        assertThat(json.get("n_features").asInt()).isEqualTo(4);
        assertThat(json.get("feature_names")).hasSize(4);
        assertThat(json.get("n_classes").asInt()).isEqualTo(3);
        JsonNode counts = json.get("label_counts");
        assertThat(counts.size()).isEqualTo(3);
        counts.forEach(c -> assertThat(c.asInt()).isEqualTo(50));
        // Fisher's Iris: sepal length has mean 5.8433 and ranges over [4.3, 7.9].
        JsonNode sepal = json.get("features").get(0);
        assertThat(sepal.get("mean").asDouble()).isCloseTo(5.843333, within(1e-5));
        assertThat(sepal.get("min").asDouble()).isEqualTo(4.3);
        assertThat(sepal.get("max").asDouble()).isEqualTo(7.9);
    }

    @Test
    void inspectOfADataSetThatNeedsAPathSaysSo() throws Exception {
        GmmProcess.Result unknown = GmmProcess.run(dir, "inspect", "--dataset", "nope");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.errorLines()).singleElement().asString().contains("nope", "iris");

        GmmProcess.Result missing = GmmProcess.run(dir, "inspect", "--dataset", "iris", "--path", "missing.csv");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.errorLines()).singleElement().asString().contains("missing.csv");
    }

    @Test
    void benchTimesTheSimdFloat32AndScalarKernels() throws Exception {
        GmmProcess.Result r = GmmProcess.run(dir, "bench", "--rows-scale", "0.01", "--iterations", "2", "--repeats",
                "1", "--threads", "1", "--json");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        JsonNode rows = JSON.readTree(r.stdout());
        List<String> seen = new ArrayList<>();
        for (JsonNode row : rows) {
            assertThat(row.path("error").isNull() || row.path("error").isMissingNode()).as(row.toString()).isTrue();
            assertThat(row.get("ms_per_iteration").asDouble()).as(row.toString()).isGreaterThanOrEqualTo(0);
            assertThat(row.get("iterations").asInt()).isEqualTo(2);
            assertThat(row.get("first_fit_ms").asDouble()).as(row.toString()).isPositive();
            seen.add(row.get("workload").asText() + " " + row.get("kernel").asText().replaceAll("-\\d+$", "") + " "
                    + row.get("storage").asText());
        }
        // The test JVM adds the Vector API, so the parent runs SIMD; the child JVM really ran the scalar kernel.
        assertThat(seen).containsExactlyInAnyOrder("W1 simd float64", "W1 simd float32", "W1 scalar float64",
                "W2 simd float64", "W2 simd float32", "W2 scalar float64");
        // Same data, same start, float64: the two kernels agree on the fitted lower bound.
        for (String w : List.of("W1", "W2")) {
            double simd = lowerBound(rows, w, "simd", "float64");
            double scalar = lowerBound(rows, w, "scalar", "float64");
            assertThat(simd).isCloseTo(scalar, within(1e-9 * Math.max(1, Math.abs(scalar))));
        }
    }

    private static double lowerBound(JsonNode rows, String workload, String kernel, String storage) {
        for (JsonNode row : rows) {
            if (row.get("workload").asText().equals(workload) && row.get("kernel").asText().startsWith(kernel)
                    && row.get("storage").asText().equals(storage)) {
                return row.get("lower_bound").asDouble();
            }
        }
        throw new AssertionError("no row " + workload + " " + kernel + " " + storage + " in " + rows);
    }

    private static List<String> imageSources(String page) {
        List<String> out = new ArrayList<>();
        Matcher m = IMG.matcher(page);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static void assertIsPng(Path file) throws Exception {
        assertThat(file).exists();
        byte[] head = Arrays.copyOf(Files.readAllBytes(file), PNG_SIGNATURE.length);
        assertThat(head).as(file + " is a PNG").isEqualTo(PNG_SIGNATURE);
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).as(file.toString()).isNotNull();
        assertThat(image.getWidth()).isPositive();
    }

    /** The experiment names in the output of {@code gmm plugins}. */
    private static List<String> experimentNames(String pluginsOutput) {
        List<String> names = new ArrayList<>();
        boolean inExperiments = false;
        for (String line : pluginsOutput.lines().toList()) {
            if (!line.startsWith(" ") && !line.isBlank()) {
                inExperiments = line.toLowerCase(java.util.Locale.ROOT).startsWith("experiment");
                continue;
            }
            if (inExperiments && !line.isBlank()) {
                names.add(line.trim().split("\\s+")[0]);
            }
        }
        return names;
    }
}
