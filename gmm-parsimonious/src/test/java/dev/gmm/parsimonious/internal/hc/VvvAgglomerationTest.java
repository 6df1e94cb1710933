package dev.gmm.parsimonious.internal.hc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmm.core.linalg.SymmetricEigen;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class VvvAgglomerationTest {

    /**
     * The criterion written out literally, from mclust's {@code hcvvv}/{@code vvvtij}: clusters as lists
     * of rows, every pair's merged scatter recomputed from its rows, det through eigenvalues; merge the
     * cheapest pair until K are left. Slow (n⁴·D³) and obviously right.
     */
    static Set<Set<Integer>> literal(double[][] z, int k) {
        int n = z.length;
        int d = z[0].length;
        double alpha = totalScatterTrace(z) / ((double) n * d);
        List<List<Integer>> clusters = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            clusters.add(new ArrayList<>(List.of(i)));
        }
        while (clusters.size() > k) {
            double best = Double.POSITIVE_INFINITY;
            int bi = -1;
            int bj = -1;
            for (int i = 0; i < clusters.size(); i++) {
                for (int j = i + 1; j < clusters.size(); j++) {
                    List<Integer> union = new ArrayList<>(clusters.get(i));
                    union.addAll(clusters.get(j));
                    boolean singletons = clusters.get(i).size() == 1 && clusters.get(j).size() == 1;
                    double c = term(z, union, alpha, singletons) - term(z, clusters.get(i), alpha, false)
                            - term(z, clusters.get(j), alpha, false);
                    if (c < best) {
                        best = c;
                        bi = i;
                        bj = j;
                    }
                }
            }
            clusters.get(bi).addAll(clusters.remove(bj));
        }
        Set<Set<Integer>> out = new HashSet<>();
        clusters.forEach(c -> out.add(new HashSet<>(c)));
        return out;
    }

    private static double term(double[][] z, List<Integer> rows, double alpha, boolean pairOfSingletons) {
        int d = z[0].length;
        int l = rows.size();
        double[] mean = new double[d];
        for (int r : rows) {
            for (int a = 0; a < d; a++) {
                mean[a] += z[r][a] / l;
            }
        }
        double[] w = new double[d * d];
        for (int r : rows) {
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    w[a * d + b] += (z[r][a] - mean[a]) * (z[r][b] - mean[b]);
                }
            }
        }
        double trace = 0;
        for (int a = 0; a < d; a++) {
            trace += w[a * d + a];
        }
        if (l <= d || pairOfSingletons) {
            return l * Math.log((trace + alpha) / l);
        }
        double det = 1;
        for (double v : SymmetricEigen.of(w, d).values()) {
            det *= v / l;
        }
        return l * Math.log(det + (trace + alpha) / l);
    }

    private static double totalScatterTrace(double[][] z) {
        double t = 0;
        for (int a = 0; a < z[0].length; a++) {
            double mean = 0;
            for (double[] row : z) {
                mean += row[a] / z.length;
            }
            for (double[] row : z) {
                t += (row[a] - mean) * (row[a] - mean);
            }
        }
        return t;
    }

    static Set<Set<Integer>> partition(int[] labels) {
        List<Set<Integer>> groups = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            while (groups.size() <= labels[i]) {
                groups.add(new HashSet<>());
            }
            groups.get(labels[i]).add(i);
        }
        return new HashSet<>(groups);
    }

    private static double[][] blobs(long seed, int perBlob, double[][] centres, double spread) {
        Random random = new Random(seed);
        double[][] z = new double[perBlob * centres.length][];
        for (int i = 0; i < z.length; i++) {
            double[] c = centres[i % centres.length];
            z[i] = new double[c.length];
            for (int a = 0; a < c.length; a++) {
                z[i][a] = c[a] + spread * random.nextGaussian() * (a + 1);
            }
        }
        return z;
    }

    @Test
    void every_cut_equals_the_literal_criterion_on_random_overlapping_clusters() {
        double[][] centres = {{0, 0, 0}, {2, 1, 0}, {0, 3, 1}};
        for (long seed = 1; seed <= 4; seed++) {
            double[][] z = blobs(seed, 12, centres, 0.8);
            for (int k : new int[] {1, 2, 3, 5, 9}) {
                assertThat(partition(VvvAgglomeration.cut(z, k))).as("seed %d, K %d", seed, k)
                        .isEqualTo(literal(z, k));
            }
        }
    }

    @Test
    void three_separated_clusters_of_different_shapes_and_orientations_are_the_cut_at_three() {
        // a thin diagonal streak, a round cloud and a wide flat band, far apart
        Random random = new Random(3);
        double[][] z = new double[90][];
        for (int i = 0; i < 90; i++) {
            double t = random.nextGaussian();
            double e = random.nextGaussian();
            z[i] = switch (i % 3) {
                case 0 -> new double[] {2 * t + 0.05 * e, 2 * t - 0.05 * e};
                case 1 -> new double[] {20 + 0.5 * t, 0.5 * e};
                default -> new double[] {3 * t, -20 + 0.1 * e};
            };
        }
        Set<Set<Integer>> expected = new HashSet<>();
        for (int c = 0; c < 3; c++) {
            Set<Integer> rows = new HashSet<>();
            for (int i = c; i < 90; i += 3) {
                rows.add(i);
            }
            expected.add(rows);
        }

        assertThat(partition(VvvAgglomeration.cut(z, 3))).isEqualTo(expected).isEqualTo(literal(z, 3));
    }

    @Test
    void labels_are_numbered_by_first_row_and_a_cut_at_n_keeps_every_row_alone() {
        double[][] z = blobs(9, 5, new double[][] {{10, 10}, {0, 0}}, 0.1);
        int[] two = VvvAgglomeration.cut(z, 2);
        assertThat(two).containsExactly(0, 1, 0, 1, 0, 1, 0, 1, 0, 1);
        assertThat(VvvAgglomeration.cut(z, z.length)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThatThrownBy(() -> VvvAgglomeration.cut(z, 11)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot cut 10 rows into 11 clusters");
    }
}
