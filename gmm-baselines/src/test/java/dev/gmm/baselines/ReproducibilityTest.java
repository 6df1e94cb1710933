package dev.gmm.baselines;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.app.spi.AnomalyDetector;
import dev.gmm.core.app.spi.Clusterer;
import dev.gmm.core.app.spi.FittedClusterer;
import dev.gmm.testsupport.OutlierBlobs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 §6: the same data, options and seed give the same model, bit for bit, whichever thread
 * fits it and whatever else runs at the same time. Smile's generator is one per thread and its
 * Gaussian generator is one per JVM, so the fits below run on the test thread, on a common-pool
 * worker, and four at once in a parallel stream (which also keeps the common pool busy).
 */
class ReproducibilityTest {

    private static final DataMatrix DATA = DataMatrix.of(OutlierBlobs.generate(300, 0.1, 21).points());

    private static double[] forestScores(long seed, int extensionLevel) {
        var options = new AnomalyDetector.Options(0.1, seed,
                Map.of("trees", "50", "extension_level", Integer.toString(extensionLevel)));
        return new IsolationForestDetector().fit(DATA, options).trainingScores();
    }

    private static <T> List<T> onEveryKindOfThread(java.util.function.Supplier<T> fit) {
        T onTestThread = fit.get();
        T onPoolWorker = CompletableFuture.supplyAsync(fit).join();
        List<T> concurrent = IntStream.range(0, 4).parallel().mapToObj(i -> fit.get()).toList();
        var all = new java.util.ArrayList<T>(List.of(onTestThread, onPoolWorker));
        all.addAll(concurrent);
        return all;
    }

    @ParameterizedTest(name = "extension level {0}")
    @ValueSource(ints = {0, 1})
    void theIsolationForestGivesTheSameScoresForTheSameSeedBitForBit(int extensionLevel) {
        List<double[]> runs = onEveryKindOfThread(() -> forestScores(7, extensionLevel));

        for (double[] run : runs.subList(1, runs.size())) {
            assertThat(run).containsExactly(runs.getFirst());
        }
    }

    @Test
    void anotherSeedGrowsAnotherForest() {
        assertThat(forestScores(8, 0)).isNotEqualTo(forestScores(7, 0));
    }

    @Test
    void kmeansGivesTheSameCentresForTheSameSeedBitForBit() {
        var options = new Clusterer.Options(3, 5, 4, Map.of());
        List<FittedClusterer> runs = onEveryKindOfThread(() -> new KMeansClusterer().fit(DATA, options));

        for (FittedClusterer run : runs.subList(1, runs.size())) {
            assertThat(run.centers()).isDeepEqualTo(runs.getFirst().centers());
            assertThat(run.labels()).containsExactly(runs.getFirst().labels());
        }
    }
}
