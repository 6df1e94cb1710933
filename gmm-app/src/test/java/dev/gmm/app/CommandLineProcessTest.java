package dev.gmm.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The real CLI, launched as a process: fit, then predict, score and sample with the model it wrote. */
class CommandLineProcessTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** Two well separated 2-D clusters of 60 points each, with a header line. */
    private Path twoClusters() throws Exception {
        Random rnd = new Random(7);
        StringBuilder sb = new StringBuilder("a,b\n");
        for (int i = 0; i < 120; i++) {
            double centre = i < 60 ? -5 : 5;
            sb.append(centre + rnd.nextGaussian()).append(',').append(centre + rnd.nextGaussian()).append('\n');
        }
        Path csv = dir.resolve("x.csv");
        Files.writeString(csv, sb);
        return csv;
    }

    @Test
    void fitPredictScoreAndSampleWorkTogether() throws Exception {
        twoClusters();
        GmmProcess.Result fit = GmmProcess.run(dir, "fit", "--data", "x.csv", "--components", "2",
                "--covariance", "diag", "--seed", "3", "--out", "m.json");
        assertThat(fit.exitCode()).as(fit.stderr()).isZero();
        assertThat(fit.stdout().lines().toList()).singleElement().asString()
                .contains("iterations", "converged=true", "lower bound", "BIC");
        JsonNode model = JSON.readTree(dir.resolve("m.json").toFile());
        assertThat(model.get("format_version").asInt()).isEqualTo(1);
        assertThat(model.get("covariance_type").asText()).isEqualTo("diag");
        assertThat(model.get("weights").get(0).asDouble()).isCloseTo(0.5, within(1e-9));

        GmmProcess.Result predict = GmmProcess.run(dir, "predict", "--model", "m.json", "--data", "x.csv",
                "--out", "labels.csv");
        assertThat(predict.exitCode()).as(predict.stderr()).isZero();
        List<String> labels = Files.readAllLines(dir.resolve("labels.csv"));
        assertThat(labels).hasSize(120);
        assertThat(labels.subList(0, 60)).containsOnly(labels.get(0));
        assertThat(labels.subList(60, 120)).containsOnly(labels.get(60)).doesNotContain(labels.get(0));

        GmmProcess.Result proba = GmmProcess.run(dir, "predict", "--model", "m.json", "--data", "x.csv", "--proba");
        assertThat(proba.exitCode()).as(proba.stderr()).isZero();
        List<String> rows = proba.stdout().lines().toList();
        assertThat(rows).hasSize(121);
        assertThat(rows.get(0)).isEqualTo("component_0,component_1");
        double sum = 0;
        for (String p : rows.get(1).split(",")) {
            sum += Double.parseDouble(p);
        }
        assertThat(sum).isCloseTo(1.0, within(1e-12));

        GmmProcess.Result score = GmmProcess.run(dir, "score", "--model", "m.json", "--data", "x.csv");
        assertThat(score.exitCode()).as(score.stderr()).isZero();
        JsonNode s = JSON.readTree(score.stdout());
        assertThat(s.get("n_samples").asInt()).isEqualTo(120);
        // diag with K=2, D=2: 1 weight + 4 means + 4 variances = 9 parameters; aic = -2 n ll + 2 p.
        double ll = s.get("mean_log_likelihood").asDouble();
        assertThat(s.get("aic").asDouble()).isCloseTo(-2 * 120 * ll + 2 * 9, within(1e-9));
        assertThat(s.get("bic").asDouble()).isCloseTo(-2 * 120 * ll + 9 * Math.log(120), within(1e-9));

        GmmProcess.Result sample = GmmProcess.run(dir, "sample", "--model", "m.json", "--n", "50", "--seed", "1",
                "--out", "s.csv");
        assertThat(sample.exitCode()).as(sample.stderr()).isZero();
        List<String> drawn = Files.readAllLines(dir.resolve("s.csv"));
        assertThat(drawn).hasSize(51);
        // Two features, then the component each row came from.
        assertThat(drawn.get(0)).isEqualTo("a,b,component");
        assertThat(drawn.get(1).split(",")).hasSize(3);
    }

    @Test
    void columnsPicksTheFeaturesOfAFileWithAnIdAndALabelColumn() throws Exception {
        twoClusters();
        List<String> rows = Files.readAllLines(dir.resolve("x.csv"));
        StringBuilder wide = new StringBuilder("id,a,b,species\n");
        for (int i = 1; i < rows.size(); i++) {
            wide.append(i).append(',').append(rows.get(i)).append(',').append(i <= 60 ? 1 : 2).append('\n');
        }
        Files.writeString(dir.resolve("wide.csv"), wide);
        GmmProcess.Result plain = GmmProcess.run(dir, "fit", "--data", "x.csv", "--components", "2", "--out", "plain.json");
        GmmProcess.Result chosen = GmmProcess.run(dir, "fit", "--data", "wide.csv", "--columns", "a,2",
                "--components", "2", "--out", "chosen.json");
        assertThat(chosen.exitCode()).as(chosen.stderr()).isZero();
        assertThat(chosen.stdout()).isEqualTo(plain.stdout().replace("plain.json", "chosen.json"));
        assertThat(JSON.readTree(dir.resolve("chosen.json").toFile()).get("means"))
                .isEqualTo(JSON.readTree(dir.resolve("plain.json").toFile()).get("means"));

        GmmProcess.Result score = GmmProcess.run(dir, "score", "--model", "chosen.json", "--data", "wide.csv",
                "--columns", "a,b");
        assertThat(score.exitCode()).as(score.stderr()).isZero();
        GmmProcess.Result unknown = GmmProcess.run(dir, "score", "--model", "chosen.json", "--data", "wide.csv",
                "--columns", "a,nope");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.errorLines()).singleElement().asString().contains("nope", "[id, a, b, species]");
    }

    @Test
    void aMissingFileEndsWithExitCodeTwoAndOneLine() throws Exception {
        GmmProcess.Result r = GmmProcess.run(dir, "fit", "--data", "missing.csv", "--components", "2", "--out", "m.json");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errorLines()).singleElement().asString().contains("missing.csv");
        assertThat(r.stdout()).isEmpty();
    }

    @Test
    void aMalformedCsvNamesTheLineAndField() throws Exception {
        Files.writeString(dir.resolve("bad.csv"), "a,b\n1,2\n3,oops\n");
        GmmProcess.Result r = GmmProcess.run(dir, "fit", "--data", "bad.csv", "--components", "1", "--out", "m.json");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errorLines()).singleElement().asString().contains("bad.csv line 3 column 2", "\"oops\" is not a number");
    }

    @Test
    void aBadFlagEndsWithExitCodeTwoAndVerboseAddsTheStackTrace() throws Exception {
        twoClusters();
        GmmProcess.Result r = GmmProcess.run(dir, "fit", "--data", "x.csv", "--components", "2",
                "--covariance", "bogus", "--out", "m.json");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errorLines()).singleElement().asString().contains("bogus", "full");

        GmmProcess.Result verbose = GmmProcess.run(dir, "fit", "--data", "x.csv", "--components", "2",
                "--covariance", "bogus", "--out", "m.json", "--verbose");
        assertThat(verbose.exitCode()).isEqualTo(2);
        assertThat(verbose.errorLines()).hasSizeGreaterThan(2).last().asString().contains("bogus");
        assertThat(verbose.stderr()).contains("IllegalArgumentException");
    }

    @Test
    void everyCommandTakesHelp() throws Exception {
        for (String command : List.of("fit", "predict", "score", "sample", "plugins")) {
            GmmProcess.Result r = GmmProcess.run(dir, command, "--help");
            assertThat(r.exitCode()).as(command).isZero();
            assertThat(r.stdout()).as(command).contains("Usage: gmm " + command);
        }
    }

    @Test
    void pluginsListsTheCoreProvidersWithTheirModule() throws Exception {
        GmmProcess.Result r = GmmProcess.run(dir, "plugins");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("covariance model:", "initializer:", "k-means++", "spherical");
    }
}
