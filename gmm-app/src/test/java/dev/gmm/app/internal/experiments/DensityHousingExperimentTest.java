package dev.gmm.app.internal.experiments;

import dev.gmm.core.experiment.ExperimentResult;
import dev.gmm.datasets.CaliforniaHousing;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import static dev.gmm.app.internal.experiments.Results.number;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DensityHousingExperimentTest {
    static ExperimentResult result;

    @BeforeAll
    static void run() throws Exception {
        result = Results.runDefault(new DensityHousingExperiment());
    }

    @Test
    void withoutDataItSaysTheDataAreSynthetic() {
        assertThat(result.numbers().get("synthetic")).isEqualTo(true);
        assertThat(result.summary()).contains("SYNTHETIC");
        assertThat(result.findings().getFirst()).contains("SYNTHETIC");
    }

    @Test
    void theCorrelationMatrixNamesTheEightFeatures() {
        var h = Results.heatmap(result, "Correlation");
        assertThat(h.rowLabels()).containsExactlyElementsOf(CaliforniaHousing.FEATURES);
        assertThat(number(result, "corr_medinc_averooms")).isGreaterThan(0.5);
    }

    @Test
    void theLogDensityGridPeaksAtTheLargestMetropolitanArea() {
        var grid = Results.heatmap(result, "Log density");
        assertThat(grid.values()).hasDimensions(DensityHousingExperiment.GRID, DensityHousingExperiment.GRID);
        int bestRow = 0;
        int bestCol = 0;
        for (int r = 0; r < grid.values().length; r++) {
            for (int c = 0; c < grid.values()[r].length; c++) {
                assertThat(grid.values()[r][c]).isFinite();
                if (grid.values()[r][c] > grid.values()[bestRow][bestCol]) {
                    bestRow = r;
                    bestCol = c;
                }
            }
        }
        // The stand-in's densest area is Los Angeles (34.05 N, 118.25 W); north is the first row.
        assertThat(Double.parseDouble(grid.rowLabels().get(bestRow).replace("latitude ", ""))).isCloseTo(34.05, within(0.6));
        assertThat(Double.parseDouble(grid.columnLabels().get(bestCol).replace("longitude ", ""))).isCloseTo(-118.25, within(0.6));
        assertThat(Double.parseDouble(grid.rowLabels().getFirst().replace("latitude ", "")))
                .isGreaterThan(Double.parseDouble(grid.rowLabels().getLast().replace("latitude ", "")));
    }

    @Test
    void bicChoosesSeveralComponentsForTheMetropolitanAreas() {
        assertThat(number(result, "geo_n_components")).isBetween(5.0, 10.0);
        assertThat(number(result, "features_n_components")).isGreaterThan(1);
        assertThat(Results.chart(result, "Block groups").ellipses()).hasSize((int) number(result, "geo_n_components"));
    }

    @Test
    void withDataItReadsTheRealLayoutThroughTheDatasetsLoader(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("housing.csv");
        StringBuilder text = new StringBuilder("longitude,latitude,housing_median_age,total_rooms,total_bedrooms,"
                + "population,households,median_income,median_house_value,ocean_proximity\n");
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 400; i++) {
            boolean south = i % 2 == 0;
            double households = 200 + r.nextInt(600);
            text.append(String.format(Locale.ROOT, "%.2f,%.2f,%d,%.0f,%.0f,%.0f,%.0f,%.4f,%.0f,%s%n",
                    (south ? -118.2 : -122.2) + 0.3 * r.nextGaussian(), (south ? 34.0 : 37.7) + 0.3 * r.nextGaussian(),
                    5 + r.nextInt(45), households * (4 + r.nextDouble() * 3), households * (1 + r.nextDouble() * 0.2),
                    households * (2 + r.nextDouble() * 2), households, 1 + 8 * r.nextDouble(),
                    100000 + 300000 * r.nextDouble(), "NEAR BAY"));
        }
        Files.writeString(csv, text);
        ExperimentResult real = Results.run(new DensityHousingExperiment(), csv, Map.of("max-k-geo", "4", "max-k", "3"));
        assertThat(real.numbers().get("synthetic")).isEqualTo(false);
        assertThat(number(real, "n_samples")).isEqualTo(400);
        assertThat(real.summary()).doesNotContain("SYNTHETIC");
        // Two well-separated cities: BIC needs at least two components over longitude/latitude.
        assertThat(number(real, "geo_n_components")).isGreaterThanOrEqualTo(2);
        double[][] means = Results.table(real, "Longitude/latitude components").rows().stream()
                .map(row -> new double[] {((Number) row.get(2)).doubleValue(), ((Number) row.get(3)).doubleValue()})
                .toArray(double[][]::new);
        assertThat(Arrays.stream(means).anyMatch(m -> Math.abs(m[0] + 118.2) < 0.3 && Math.abs(m[1] - 34.0) < 0.3))
                .isTrue();
        assertThat(Results.findingStarting(real, "The study mapped")).contains("Reproduced");
        assertThat(Results.findingStarting(result, "The study mapped")).contains("Not testable on the stand-in");
    }
}
