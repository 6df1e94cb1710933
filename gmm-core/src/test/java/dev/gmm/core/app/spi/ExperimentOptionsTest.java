package dev.gmm.core.app.spi;

import dev.gmm.core.experiment.ExperimentResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Typed experiment options: what each type accepts, and the message for each kind of mistake. */
class ExperimentOptionsTest {
    static final ExperimentOption<Integer> N = ExperimentOption.positiveInt("n", 300, "points per data set");
    static final ExperimentOption<Integer> OFFSET = ExperimentOption.integer("offset", -2, "a shift");
    static final ExperimentOption<List<Integer>> K = ExperimentOption.intList("k", "2,8", "numbers of components");
    static final ExperimentOption<Double> LOW = ExperimentOption.real("low", 0.05, "share of anomalies")
            .accepting(v -> v > 0 && v <= 0.5, "a share in (0, 0.5]");
    static final ExperimentOption<String> COVARIANCE = ExperimentOption.string("covariance", "full", "covariance type");
    static final ExperimentOption<String> INTENSITY = ExperimentOption.choice("intensity", "2", "which recordings",
            "1", "2", "all");
    static final ExperimentOption<Integer> POOL = ExperimentOption.positiveInt("pool", "2 for MNIST, 4 generated",
            "pooling block");

    /** An experiment that declares every kind of option and does nothing. */
    static final Experiment DEMO = new Experiment() {
        @Override
        public String name() {
            return "demo-options";
        }

        @Override
        public List<ExperimentOption<?>> options() {
            return List.of(N, OFFSET, K, LOW, COVARIANCE, INTENSITY, POOL);
        }

        @Override
        public ExperimentResult run(ExperimentContext context) {
            throw new UnsupportedOperationException();
        }
    };

    private static ExperimentOptions read(Map<String, String> given) {
        return new ExperimentContext(null, null, 0, null, given).read(DEMO);
    }

    private static String error(Map<String, String> given) {
        try {
            read(given);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error for " + given);
    }

    @Test
    void withNothingGivenEveryOptionHasItsDefault() {
        ExperimentOptions o = read(Map.of());
        assertThat(o.get(N)).isEqualTo(300);
        assertThat(o.get(OFFSET)).isEqualTo(-2);
        assertThat(o.get(K)).containsExactly(2, 8);
        assertThat(o.get(LOW)).isEqualTo(0.05);
        assertThat(o.get(COVARIANCE)).isEqualTo("full");
        assertThat(o.get(INTENSITY)).isEqualTo("2");
        assertThat(o.given(N)).isFalse();
        assertThat(o.orElse(POOL, 4)).isEqualTo(4);
    }

    @Test
    void goodValuesAreParsedToTheirTypes() {
        ExperimentOptions o = read(Map.of("n", " 50 ", "offset", "-7", "k", "2,4..6", "low", "1e-1",
                "covariance", "diag", "intensity", "all", "pool", "3"));
        assertThat(o.get(N)).isEqualTo(50);
        assertThat(o.given(N)).isTrue();
        assertThat(o.get(OFFSET)).isEqualTo(-7);
        assertThat(o.get(K)).containsExactly(2, 4, 5, 6);
        assertThat(o.get(LOW)).isEqualTo(0.1);
        assertThat(o.get(COVARIANCE)).isEqualTo("diag");
        assertThat(o.get(INTENSITY)).isEqualTo("all");
        assertThat(o.orElse(POOL, 4)).isEqualTo(3);
    }

    @Test
    void aRangeIsAListFromLowToHighInclusive() {
        assertThat(read(Map.of("k", "2..8")).get(K)).containsExactly(2, 3, 4, 5, 6, 7, 8);
        assertThat(read(Map.of("k", "5")).get(K)).containsExactly(5);
    }

    @Test
    void aListWhereOneIntegerIsExpectedIsAnErrorNotItsFirstItem() {
        assertThat(error(Map.of("n", "5,9")))
                .isEqualTo("option n=5,9: \"5,9\" is not one whole number; use a whole number >= 1 (default 300)");
    }

    @Test
    void eachBadValueIsRefusedNamingTheKeyTheValueAndWhatIsExpected() {
        assertThat(error(Map.of("n", "ten")))
                .isEqualTo("option n=ten: \"ten\" is not a whole number; use a whole number >= 1 (default 300)");
        assertThat(error(Map.of("n", "0")))
                .isEqualTo("option n=0: \"0\" is not a whole number >= 1; use a whole number >= 1 (default 300)");
        assertThat(error(Map.of("offset", "1.5")))
                .isEqualTo("option offset=1.5: \"1.5\" is not a whole number; use a whole number (default -2)");
        assertThat(error(Map.of("k", "2,x")))
                .startsWith("option k=2,x: \"x\" is not a whole number; use comma-separated whole numbers >= 1");
        assertThat(error(Map.of("k", "9..3")))
                .startsWith("option k=9..3: the range \"9..3\" is empty (write LOW..HIGH with LOW <= HIGH)");
        assertThat(error(Map.of("k", "0,2"))).startsWith("option k=0,2: 0 is below 1");
        assertThat(error(Map.of("k", ""))).startsWith("option k=: the list is empty");
        assertThat(error(Map.of("low", "0.7")))
                .isEqualTo("option low=0.7: \"0.7\" is not a share in (0, 0.5]; use a share in (0, 0.5] (default 0.05)");
        assertThat(error(Map.of("low", "abc"))).startsWith("option low=abc: \"abc\" is not a number");
        assertThat(error(Map.of("low", "NaN"))).startsWith("option low=NaN: \"NaN\" is not finite");
        assertThat(error(Map.of("covariance", " "))).startsWith("option covariance=: the value is empty");
        assertThat(error(Map.of("intensity", "3")))
                .isEqualTo("option intensity=3: \"3\" is not one of them; use one of 1, 2, all (default 2)");
        assertThat(error(Map.of("pool", "-1"))).startsWith("option pool=-1: ")
                .endsWith("(default 2 for MNIST, 4 generated)");
    }

    @Test
    void anUnknownKeyIsRefusedListingTheKeysTheExperimentKnows() {
        assertThat(error(Map.of("nn", "5"))).isEqualTo("experiment 'demo-options' has no option 'nn'; its options: "
                + "n (default 300): points per data set; offset (default -2): a shift; k (default 2,8): numbers of "
                + "components; low (default 0.05): share of anomalies; covariance (default full): covariance type; "
                + "intensity (default 2): which recordings; pool (default 2 for MNIST, 4 generated): pooling block");
    }

    @Test
    void anExperimentWithoutOptionsRefusesEveryKey() {
        Experiment none = new Experiment() {
            @Override
            public String name() {
                return "plain";
            }

            @Override
            public ExperimentResult run(ExperimentContext context) {
                throw new UnsupportedOperationException();
            }
        };
        assertThatThrownBy(() -> new ExperimentContext(null, null, 0, null, Map.of("n", "1")).read(none))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("experiment 'plain' has no option 'n'; it takes no options");
    }

    @Test
    void aCustomFormCarriesTheParsersReason() {
        ExperimentOption<int[]> pair = ExperimentOption.custom("pair", "1:2", "two numbers", "A:B such as 1:2", t -> {
            String[] p = t.split(":");
            if (p.length != 2) {
                throw new IllegalArgumentException("it has " + p.length + " fields");
            }
            return new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1])};
        });
        Experiment e = new Experiment() {
            @Override
            public String name() {
                return "pairs";
            }

            @Override
            public List<ExperimentOption<?>> options() {
                return List.of(pair);
            }

            @Override
            public ExperimentResult run(ExperimentContext context) {
                throw new UnsupportedOperationException();
            }
        };
        assertThat(new ExperimentContext(null, null, 0, null, Map.of()).read(e).get(pair)).containsExactly(1, 2);
        assertThatThrownBy(() -> new ExperimentContext(null, null, 0, null, Map.of("pair", "1:2:3")).read(e))
                .hasMessage("option pair=1:2:3: it has 3 fields; use A:B such as 1:2 (default 1:2)");
    }

    @Test
    void readingAnOptionTheExperimentDidNotDeclareIsAProgrammingError() {
        ExperimentOptions o = read(Map.of());
        assertThatThrownBy(() -> o.get(ExperimentOption.positiveInt("n", 300, "another n")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("declared");
        assertThatThrownBy(() -> o.get(POOL)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("orElse");
    }
}
