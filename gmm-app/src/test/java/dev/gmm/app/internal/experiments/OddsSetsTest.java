package dev.gmm.app.internal.experiments;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class OddsSetsTest {

    @Test
    void theTruthFollowsTheOutlierValuesNotTheOrderTheyFirstAppearIn(@TempDir Path dir) throws Exception {
        // pima.csv starts with an outlier: the label codes are assigned in order of appearance, the truth must not be.
        Path file = dir.resolve("first-is-outlier.csv");
        Files.writeString(file, "x0,x1,outlier\n9,9,1\n0,0,0\n1,0,0.0\n0,1,0\n8,8,1.0\n");
        var set = OddsSets.readOne(file);
        assertThat(set.name()).isEqualTo("first-is-outlier");
        assertThat(set.outlier()).containsExactly(1, 0, 0, 0, 1);
        assertThat(set.outlierShare()).isEqualTo(0.4);
        assertThat(set.data().data().cols()).isEqualTo(2);
    }

    @Test
    void generatedStandInsHaveTheirStatedOutlierShares() {
        var sets = OddsSets.generated(0);
        assertThat(sets).extracting(OddsSets.OddsSet::name)
                .containsExactly("generated-2d-5pct", "generated-6d-5pct", "generated-6d-25pct");
        assertThat(sets).extracting(OddsSets.OddsSet::outlierShare).containsExactly(0.05, 0.05, 0.25);
    }
}
