package dev.gmm.app.internal;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.GaussianMixture;
import dev.gmm.core.GaussianMixtureModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What --init-from means: a model file warm-starts, a start object gives explicit start parameters. */
class ModelFilesTest {
    @TempDir
    Path dir;

    @Test
    void aModelFileIsAWarmStart() throws IOException {
        GaussianMixtureModel model = GaussianMixture.builder().components(2).build()
                .fit(DataMatrix.of(new double[][] {{0, 0}, {0, 1}, {5, 5}, {5, 6}, {1, 0}, {6, 5}}));
        Path file = dir.resolve("m.json");
        ModelFiles.write(dev.gmm.datasets.io.SavedModel.withoutNames(model), file);
        assertThat(ModelFiles.readStart(file, "full")).isInstanceOfSatisfying(ModelFiles.Start.Model.class,
                m -> assertThat(m.model().means()).isDeepEqualTo(model.means()));
    }

    @Test
    void aStartObjectTakesTheCovarianceTypeOfTheCommandWhenKEqualsD() throws IOException {
        Path file = dir.resolve("start.json");
        Files.writeString(file, "{\"weights\": [0.5, 0.5], \"means\": [[0, 1], [2, 3]], \"precisions\": [[1, 2], [3, 4]]}");
        assertThat(ModelFiles.readStart(file, "diag")).isInstanceOfSatisfying(ModelFiles.Start.Parameters.class, p -> {
            assertThat(p.weights()).containsExactly(0.5, 0.5);
            assertThat(p.means()[1]).containsExactly(2, 3);
            assertThat(p.precisions().shape()).containsExactly(2, 2);
        });
    }

    @Test
    void somethingElseIsAClearError() throws IOException {
        Path file = dir.resolve("x.json");
        Files.writeString(file, "[1, 2]");
        assertThatThrownBy(() -> ModelFiles.readStart(file, "full")).isInstanceOf(IOException.class)
                .hasMessageContaining("is neither a model file, a start object").hasMessageContaining("responsibilities");
    }
}
