package dev.gmm.app.internal;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.GaussianMixture;
import dev.gmm.core.GaussianMixtureModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The model JSON reads back bit-exact and refuses what it cannot read with a clear message. */
class ModelFilesTest {
    @TempDir
    Path dir;

    private static DataMatrix data() {
        Random rnd = new Random(11);
        double[][] rows = new double[80][3];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < 3; j++) {
                rows[i][j] = (i % 2 == 0 ? 2 : -2) + rnd.nextGaussian() / 3;
            }
        }
        return DataMatrix.of(rows);
    }

    @Test
    void everyCovarianceTypeReadsBackBitExact() throws IOException {
        for (String type : new String[] {"full", "tied", "diag", "spherical"}) {
            GaussianMixtureModel model = GaussianMixture.builder().components(2).covarianceType(type).seed(1).build()
                    .fit(data());
            Path file = dir.resolve(type + ".json");
            ModelFiles.write(model, file);
            GaussianMixtureModel back = ModelFiles.read(file);
            assertThat(back.covarianceType()).isEqualTo(type);
            assertThat(back.weights()).as(type).containsExactly(model.weights());
            assertThat(back.means()).as(type).isDeepEqualTo(model.means());
            assertThat(back.covariances()).as(type).isEqualTo(model.covariances());
            assertThat(back.regCovar()).isEqualTo(model.regCovar());
            assertThat(back.report().iterations()).isEqualTo(model.report().iterations());
            assertThat(back.report().lowerBound()).isEqualTo(model.report().lowerBound());
        }
    }

    @Test
    void aNewerFormatVersionIsAClearError() throws IOException {
        Path file = dir.resolve("future.json");
        Files.writeString(file, "{\"format_version\": 99, \"covariance_type\": \"full\"}");
        assertThatThrownBy(() -> ModelFiles.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("format_version 99").hasMessageContaining("upgrade");
    }

    @Test
    void aMissingFieldIsNamed() throws IOException {
        Path file = dir.resolve("partial.json");
        Files.writeString(file, "{\"format_version\": 1, \"covariance_type\": \"full\", \"weights\": [1.0]}");
        assertThatThrownBy(() -> ModelFiles.read(file)).isInstanceOf(IOException.class).hasMessageContaining("'means'");
    }

    @Test
    void aStartObjectGivesWeightsMeansAndPrecisionsInTheirShapes() throws IOException {
        Path file = dir.resolve("start.json");
        Files.writeString(file, "{\"weights\": [0.5, 0.5], \"means\": [[0, 1], [2, 3]], \"precisions\": [[1, 2], [3, 4]]}");
        ModelFiles.Start start = ModelFiles.readStart(file);
        assertThat(start).isInstanceOfSatisfying(ModelFiles.Start.Parameters.class, p -> {
            assertThat(p.weights()).containsExactly(0.5, 0.5);
            assertThat(p.means()[1]).containsExactly(2, 3);
            assertThat(p.precisions().shape()).containsExactly(2, 2);
        });
    }
}
