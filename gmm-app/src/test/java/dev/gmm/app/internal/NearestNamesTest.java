package dev.gmm.app.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** "Did you mean ...?" offers the nearest known names only, and nothing when none is near. */
class NearestNamesTest {
    private static final List<String> FIT_OPTIONS = List.of("--data", "--out", "--n-init", "--init", "--components",
            "--covariance", "--columns", "--seed");

    @Test
    void snakeCaseOrOtherCaseFindsTheKebabCaseName() {
        assertThat(NearestNames.of("--n_init", FIT_OPTIONS)).containsExactly("--n-init");
        assertThat(NearestNames.of("--SEED", FIT_OPTIONS)).containsExactly("--seed");
    }

    @Test
    void onlyTheNearestNamesAreOffered() {
        // --out is two edits from --dat, --data one: one suggestion, not two.
        assertThat(NearestNames.of("--dat", FIT_OPTIONS)).containsExactly("--data");
        assertThat(NearestNames.of("--componets", FIT_OPTIONS)).containsExactly("--components");
    }

    @Test
    void aNameThreeEditsFromEveryKnownOneGetsNoSuggestion() {
        assertThat(NearestNames.of("--filename", FIT_OPTIONS)).isEmpty();
        assertThat(NearestNames.of("--x", List.of())).isEmpty();
    }
}
