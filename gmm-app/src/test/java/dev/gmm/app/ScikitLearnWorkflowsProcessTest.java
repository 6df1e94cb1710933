package dev.gmm.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gmm.testsupport.SharedFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The workflows a scikit-learn user expects of the command line (issue 21), through the real CLI:
 * per-row densities, sampled labels, a complete model grid, string labels, scaling stored in the
 * model, gmm features fed to gmm fit, a fit plot, and suggestions for typos.
 */
class ScikitLearnWorkflowsProcessTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FAITHFUL_ROWS = 272;

    @TempDir
    Path dir;

    @Test
    void scorePerRowWritesScikitLearnsScoreSamplesOneLinePerInputRow() throws Exception {
        JsonNode fixture = JSON.readTree(SharedFixtures.text("sklearn-em", "iris-full.json"));
        JsonNode run = fixture.get("runs").get(2);
        assertThat(run.get("max_iter").asInt()).isEqualTo(10);
        JSON.writeValue(dir.resolve("start.json").toFile(), fixture.get("start"));
        List<String> iris = SharedFixtures.text("sklearn-em", "iris.csv").lines().toList();
        Files.write(dir.resolve("iris.csv"), iris);
        assertOk(GmmProcess.run(dir, "fit", "--data", "iris.csv", "--components", "3", "--init-from", "start.json",
                "--tol", "0", "--max-iter", "10", "--out", "m.json"));
        // Row 4 (0-based 3) loses a cell: --missing drop leaves its line empty, the others stay in place.
        List<String> holed = new ArrayList<>(iris);
        holed.set(3, holed.get(3).replaceFirst("^[^,]*", ""));
        Files.write(dir.resolve("holed.csv"), holed);

        GmmProcess.Result r = GmmProcess.run(dir, "score", "--model", "m.json", "--data", "holed.csv", "--per-row",
                "--missing", "drop");

        assertOk(r);
        List<String> lines = r.stdout().lines().toList();
        assertThat(lines).hasSize(1 + 150);
        assertThat(lines.getFirst()).isEqualTo("score_samples");
        assertThat(lines.get(1 + 3)).isEmpty();
        JsonNode expected = run.get("score_samples_head");
        for (int i = 0; i < expected.size(); i++) {
            if (i != 3) {
                double e = expected.get(i).asDouble();
                assertThat(Double.parseDouble(lines.get(1 + i))).as("row %d", i).isCloseTo(e, within(1e-8 * Math.abs(e)));
            }
        }
        // The summary is the mean of the rows.
        GmmProcess.Result summary = GmmProcess.run(dir, "score", "--model", "m.json", "--data", "iris.csv");
        GmmProcess.Result all = GmmProcess.run(dir, "score", "--model", "m.json", "--data", "iris.csv", "--per-row");
        double mean = all.stdout().lines().skip(1).mapToDouble(Double::parseDouble).average().orElseThrow();
        assertThat(mean).isCloseTo(JSON.readTree(summary.stdout()).get("mean_log_likelihood").asDouble(), within(1e-12));
    }

    @Test
    void sampleWritesTheComponentOfEveryRow() throws Exception {
        faithful();
        assertOk(GmmProcess.run(dir, "fit", "--data", "faithful.csv", "--columns", "eruptions,waiting",
                "--components", "2", "--out", "m.json"));
        JsonNode model = JSON.readTree(dir.resolve("m.json").toFile());

        assertOk(GmmProcess.run(dir, "sample", "--model", "m.json", "--n", "2000", "--seed", "3", "--out", "s.csv"));

        List<String> lines = Files.readAllLines(dir.resolve("s.csv"));
        assertThat(lines.getFirst()).isEqualTo("eruptions,waiting,component");
        assertThat(lines).hasSize(2001);
        // Each component's rows scatter around its own mean: within 4 standard errors in waiting.
        for (int k = 0; k < 2; k++) {
            String label = Integer.toString(k);
            double[] waiting = lines.stream().skip(1).map(l -> l.split(",")).filter(c -> c[2].equals(label))
                    .mapToDouble(c -> Double.parseDouble(c[1])).toArray();
            double sd = Math.sqrt(model.get("covariances").get(k).get(1).get(1).asDouble());
            double expectedCount = 2000 * model.get("weights").get(k).asDouble();
            assertThat((double) waiting.length).isCloseTo(expectedCount, within(4 * Math.sqrt(expectedCount)));
            assertThat(java.util.Arrays.stream(waiting).average().orElseThrow())
                    .isCloseTo(model.get("means").get(k).get(1).asDouble(), within(4 * sd / Math.sqrt(waiting.length)));
        }
        // The file feeds back by name: predict picks the model's columns and ignores "component".
        GmmProcess.Result predicted = GmmProcess.run(dir, "predict", "--model", "m.json", "--data", "s.csv");
        assertOk(predicted);
        List<String> labels = predicted.stdout().lines().toList();
        long agree = 0;
        for (int i = 0; i < labels.size(); i++) {
            agree += labels.get(i).equals(lines.get(i + 1).split(",")[2]) ? 1 : 0;
        }
        assertThat(agree).isGreaterThan(1900); // Old Faithful's two components barely overlap
    }

    @Test
    void selectTakesNInitInitAndRegCovar() throws Exception {
        faithful();
        GmmProcess.Result r = GmmProcess.run(dir, "select", "--data", "faithful.csv", "--columns", "eruptions,waiting",
                "--components", "2..3", "--covariance", "full", "--init", "k-means++,random", "--n-init", "2",
                "--reg-covar", "1e-4,1e-2");

        assertOk(r);
        JsonNode ranked = JSON.readTree(r.stdout()).get("ranked");
        assertThat(ranked).hasSize(2 * 2 * 2);
        List<String> grid = new ArrayList<>();
        ranked.forEach(c -> {
            assertThat(c.get("n_init").asInt()).isEqualTo(2);
            grid.add(c.get("n_components").asInt() + " " + c.get("init_params").asText() + " " + c.get("reg_covar").asDouble());
        });
        assertThat(grid).containsExactlyInAnyOrder("2 k-means++ 1.0E-4", "2 k-means++ 0.01", "2 random 1.0E-4",
                "2 random 0.01", "3 k-means++ 1.0E-4", "3 k-means++ 0.01", "3 random 1.0E-4", "3 random 0.01");
    }

    @Test
    void aGridTheDataCannotFitIsRefusedBeforeAnyFitNamingTheLargestK() throws Exception {
        faithful();
        GmmProcess.Result r = GmmProcess.run(dir, "select", "--data", "faithful.csv", "--columns", "eruptions,waiting",
                "--components", "1..400");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errorLines()).hasSize(1);
        assertThat(r.errorLines().getFirst()).contains("400", FAITHFUL_ROWS + " rows",
                "the largest K these data allow is " + FAITHFUL_ROWS);
        assertThat(r.stdout()).isEmpty();
    }

    @Test
    void evaluateTakesStringLabelsAndGivesTheScoresOfTheirIntegerCodes() throws Exception {
        JsonNode c;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/metrics.json")) {
            c = java.util.stream.StreamSupport.stream(JSON.readTree(in).get("cases").spliterator(), false)
                    .filter(n -> n.get("name").asText().equals("iris_gmm3")).findFirst().orElseThrow();
        }
        String[] species = {"setosa", "versicolor", "virginica"};
        StringBuilder truth = new StringBuilder();
        c.get("labels_true").forEach(v -> truth.append(species[v.asInt()]).append('\n'));
        StringBuilder pred = new StringBuilder();
        // Predicted labels as floats ("2.0") are the same labels as "2".
        c.get("labels_pred").forEach(v -> pred.append(v.asInt()).append(v.asInt() == 2 ? ".0" : "").append('\n'));
        Files.writeString(dir.resolve("true.csv"), truth);
        Files.writeString(dir.resolve("pred.csv"), pred);

        GmmProcess.Result r = GmmProcess.run(dir, "evaluate", "--labels-pred", "pred.csv", "--labels-true", "true.csv");

        assertOk(r);
        JsonNode out = JSON.readTree(r.stdout());
        assertThat(out.get("adjusted_rand_score").asDouble()).isCloseTo(c.get("adjusted_rand").asDouble(), within(1e-9));
        assertThat(out.get("normalized_mutual_info_score").asDouble())
                .isCloseTo(c.get("normalized_mutual_info").asDouble(), within(1e-9));
        assertThat(out.get("best_map_accuracy").asDouble()).isCloseTo(c.get("best_map_accuracy").asDouble(), within(1e-12));
    }

    @Test
    void standardizeIsStoredInTheModelAndAppliedByPredictScoreAndSample() throws Exception {
        faithful();
        String[] fit = {"fit", "--data", "faithful.csv", "--columns", "eruptions,waiting", "--components", "2",
                "--tol", "1e-10", "--max-iter", "1000"};
        assertOk(GmmProcess.run(dir, concat(fit, "--out", "plain.json")));
        assertOk(GmmProcess.run(dir, concat(fit, "--standardize", "--out", "scaled.json")));
        assertOk(GmmProcess.run(dir, concat(fit, "--min-max", "--out", "minmax.json")));

        JsonNode scaled = JSON.readTree(dir.resolve("scaled.json").toFile());
        assertThat(scaled.get("format_version").asInt()).isEqualTo(2);
        assertThat(scaled.get("scaler").get("kind").asText()).isEqualTo("standardize");
        double[] waiting = column("faithful.csv", 2);
        double mean = java.util.Arrays.stream(waiting).average().orElseThrow();
        assertThat(scaled.get("scaler").get("offset").get(1).asDouble()).isCloseTo(mean, within(1e-12));
        // The mixture itself lives in scaled units: its means are near 0, not near 70 minutes.
        assertThat(Math.abs(scaled.get("means").get(0).get(1).asDouble())).isLessThan(2);
        JsonNode minmax = JSON.readTree(dir.resolve("minmax.json").toFile());
        assertThat(minmax.get("scaler").get("offset").get(1).asDouble())
                .isEqualTo(java.util.Arrays.stream(waiting).min().orElseThrow());

        // A full-covariance mixture does not care about an affine rescaling: the same clusters, and
        // (densities in the data's units) the same log-likelihood as the unscaled fit.
        assertThat(labels("scaled.json")).isEqualTo(labels("plain.json"));
        double plainScore = score("plain.json");
        assertThat(score("scaled.json")).isCloseTo(plainScore, within(1e-6));
        assertThat(score("minmax.json")).isCloseTo(plainScore, within(1e-6));

        // Samples come back in minutes, not in standard deviations.
        assertOk(GmmProcess.run(dir, "sample", "--model", "scaled.json", "--n", "4000", "--out", "s.csv"));
        double sampledMean = Files.readAllLines(dir.resolve("s.csv")).stream().skip(1)
                .mapToDouble(l -> Double.parseDouble(l.split(",")[1])).average().orElseThrow();
        double sd = Math.sqrt(java.util.Arrays.stream(waiting).map(w -> (w - mean) * (w - mean)).sum() / waiting.length);
        assertThat(sampledMean).isCloseTo(mean, within(4 * sd / Math.sqrt(4000)));
    }

    @Test
    void featuresOutputFeedsFitThroughAPipeOrAFileWithDrop() throws Exception {
        Path audio = Files.createDirectories(dir.resolve("audio"));
        double[] tones = {220, 233, 247, 440, 466, 494, 880, 932};
        for (int i = 0; i < tones.length; i++) {
            FeaturesCommandTest.writeTone(audio.resolve("t" + i + ".wav"), tones[i]);
        }
        assertOk(GmmProcess.run(dir, "features", "--audio", "audio", "--out", "features.csv"));
        List<String> header = List.of(Files.readAllLines(dir.resolve("features.csv")).getFirst().split(","));
        assertThat(header.getFirst()).isEqualTo("file");

        GmmProcess.Result piped = GmmProcess.runWithInput(dir, dir.resolve("features.csv"), "fit", "--data", "-",
                "--drop", "file", "--components", "2", "--covariance", "diag", "--out", "piped.json");
        GmmProcess.Result fromFile = GmmProcess.run(dir, "fit", "--data", "features.csv", "--drop", "file",
                "--components", "2", "--covariance", "diag", "--out", "file.json");

        assertOk(piped);
        assertOk(fromFile);
        JsonNode model = JSON.readTree(dir.resolve("piped.json").toFile());
        assertThat(model.get("n_features").asInt()).isEqualTo(27);
        List<String> names = new ArrayList<>();
        model.get("feature_names_in").forEach(n -> names.add(n.asText()));
        assertThat(names).isEqualTo(header.subList(1, header.size()));
        assertThat(model.get("means")).isEqualTo(JSON.readTree(dir.resolve("file.json").toFile()).get("means"));
        // Predict on the same CSV: the model's 27 columns are found by name, "file" is ignored.
        GmmProcess.Result predicted = GmmProcess.run(dir, "predict", "--model", "piped.json", "--data", "features.csv");
        assertOk(predicted);
        assertThat(predicted.stdout().lines()).hasSize(tones.length);
    }

    @Test
    void fitPlotDrawsThePointsAndTheEllipses() throws Exception {
        faithful();
        GmmProcess.Result r = GmmProcess.run(dir, "fit", "--data", "faithful.csv", "--columns", "eruptions,waiting",
                "--components", "2", "--plot", "fit.png", "--out", "m.json");
        Files.write(dir.resolve("iris.csv"), SharedFixtures.text("sklearn-em", "iris.csv").lines().toList());
        GmmProcess.Result wide = GmmProcess.run(dir, "fit", "--data", "iris.csv", "--components", "3",
                "--standardize", "--plot", "iris.png", "--out", "iris.json");

        assertOk(r);
        assertOk(wide);
        assertThat(r.stdout()).contains("plot fit.png");
        for (String png : List.of("fit.png", "iris.png")) {
            BufferedImage image = ImageIO.read(dir.resolve(png).toFile());
            assertThat(image).as(png).isNotNull();
            // The ellipses are drawn in dark grey (#333333): a plot without them has none of it.
            assertThat(countPixels(image, 0x333333)).as(png + " ellipse pixels").isGreaterThan(200);
        }
    }

    @Test
    void aMistypedOptionOrCommandGetsTheNearestNameInOneLine() throws Exception {
        GmmProcess.Result option = GmmProcess.run(dir, "fit", "--data", "x.csv", "--n_init", "3", "--components", "2",
                "--out", "m.json");
        GmmProcess.Result command = GmmProcess.run(dir, "fitt", "--data", "x.csv");

        assertUsageError(option,
                "gmm: unknown option '--n_init'; did you mean --n-init? (gmm fit --help lists every option)");
        assertUsageError(command,
                "gmm: unknown command 'fitt'; did you mean fit? (gmm --help lists every command)");
    }

    @Test
    void aMisspeltRequiredOptionIsNamedRatherThanReportedMissing() throws Exception {
        // picocli alone says "Missing required option: '--data=<data>'", which hides the slip.
        GmmProcess.Result fit = GmmProcess.run(dir, "fit", "--dat", "x.csv", "--components", "3", "--out", "m.json");
        GmmProcess.Result sample = GmmProcess.run(dir, "sample", "--modle=m.json", "--n", "5", "--out", "s.csv");
        GmmProcess.Result inspect = GmmProcess.run(dir, "inspect", "--data-set", "iris");

        assertUsageError(fit,
                "gmm: unknown option '--dat'; did you mean --data? (gmm fit --help lists every option)");
        assertUsageError(sample,
                "gmm: unknown option '--modle'; did you mean --model? (gmm sample --help lists every option)");
        assertUsageError(inspect,
                "gmm: unknown option '--data-set'; did you mean --dataset? (gmm inspect --help lists every option)");
    }

    @Test
    void aMissingRequiredOptionWithNoNearSlipIsStillReportedMissing() throws Exception {
        GmmProcess.Result r = GmmProcess.run(dir, "fit", "--filename", "x.csv", "--components", "3", "--out", "m.json");

        assertUsageError(r,
                "gmm: Missing required option: '--data=<data>'");
    }

    /** A user's mistake: exit code 2 and exactly this one line on stderr. */
    private static void assertUsageError(GmmProcess.Result r, String line) {
        assertThat(r.exitCode()).as(r.stderr()).isEqualTo(2);
        assertThat(r.errorLines()).containsExactly(line);
    }

    private static long countPixels(BufferedImage image, int rgb) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                n += (image.getRGB(x, y) & 0xffffff) == rgb ? 1 : 0;
            }
        }
        return n;
    }

    private List<String> labels(String model) throws Exception {
        GmmProcess.Result r = GmmProcess.run(dir, "predict", "--model", model, "--data", "faithful.csv");
        assertOk(r);
        // Component numbers may be permuted between fits: compare which rows share a component.
        List<String> lines = r.stdout().lines().toList();
        String first = lines.getFirst();
        return lines.stream().map(l -> l.equals(first) ? "same as row 1" : "other").toList();
    }

    private double score(String model) throws Exception {
        GmmProcess.Result r = GmmProcess.run(dir, "score", "--model", model, "--data", "faithful.csv");
        assertOk(r);
        return JSON.readTree(r.stdout()).get("mean_log_likelihood").asDouble();
    }

    private double[] column(String file, int index) throws Exception {
        return Files.readAllLines(dir.resolve(file)).stream().skip(1)
                .mapToDouble(l -> Double.parseDouble(l.split(",")[index])).toArray();
    }

    private void faithful() throws Exception {
        Files.write(dir.resolve("faithful.csv"), resourceLines("/faithful/faithful.csv"));
    }

    private static String[] concat(String[] head, String... tail) {
        String[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    private static void assertOk(GmmProcess.Result r) {
        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isZero();
    }

    private static List<String> resourceLines(String name) throws Exception {
        try (InputStream in = ScikitLearnWorkflowsProcessTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        }
    }
}
