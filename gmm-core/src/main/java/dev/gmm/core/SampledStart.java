package dev.gmm.core;

import java.util.SplittableRandom;

/**
 * The start of a fit computed on a seeded sample of the rows, for data too large for the
 * initializers: the k-means start keeps a label and a distance per row (12 bytes a row, 1.2 GB for
 * 100M rows) besides its passes, which a mapped file larger than the heap cannot afford. A uniform
 * sample of at most {@code sampleRows} rows (drawn in row order, so a mapped file is read forward) is
 * copied onto the heap, the configuration's initializer runs on it (with its nInit starts, the best
 * start's lower bound on the sample choosing among them), and the result comes back as a
 * configuration with explicit weights, means and precisions: fitting it on the whole data runs EM from
 * that start, identically on any storage.
 *
 * <pre>{@code
 * GaussianMixture config = ...;
 * GaussianMixtureModel model = SampledStart.of(config, mapped, SampledStart.DEFAULT_SAMPLE_ROWS).fit(mapped);
 * }</pre>
 *
 * How close this comes to the start on every row is measured in the README ("Out of core").
 */
public final class SampledStart {
    /** The default sample size: 1,000,000 rows (128 MB of doubles at 16 features). */
    public static final int DEFAULT_SAMPLE_ROWS = 1_000_000;

    private SampledStart() {
    }

    /**
     * {@code config} with its start computed on a seeded sample of {@code data}; {@code config} itself
     * when it already gives weights, means and precisions. The sample is all the rows when there are
     * no more than {@code sampleRows} (the start then equals the one {@code config.fit(data)} computes
     * from the same seed, up to the rounding of passing precisions instead of covariances).
     *
     * @throws IllegalArgumentException when {@code sampleRows} is smaller than the number of components
     */
    public static GaussianMixture of(GaussianMixture config, DataMatrix data, int sampleRows) {
        if (config.weightsInit() != null && config.meansInit() != null && config.precisionsInit() != null) {
            return config;
        }
        if (sampleRows < config.components()) {
            throw new IllegalArgumentException("sampleRows = " + sampleRows + " is fewer than the " + config.components()
                    + " components: sample at least one row per component (default " + DEFAULT_SAMPLE_ROWS + ")");
        }
        DataMatrix sample = data.selectRows(sampleIndices(data.rows(), sampleRows, config.seed()));
        GaussianMixtureModel start = config.toBuilder().maxIter(0).listener(null).build().fit(sample);
        return config.toBuilder().nInit(1)
                .weightsInit(config.weightsInit() != null ? config.weightsInit() : start.weights())
                .meansInit(config.meansInit() != null ? config.meansInit() : start.means())
                .precisionsInit(config.precisionsInit() != null ? config.precisionsInit() : start.precisions())
                .build();
    }

    /**
     * {@code min(rows, size)} distinct row indices in increasing order, each subset equally likely
     * (Knuth's selection sampling, Algorithm S: one pass, no memory beyond the result).
     */
    static int[] sampleIndices(int rows, int size, long seed) {
        int m = Math.min(rows, size);
        int[] out = new int[m];
        SplittableRandom random = new SplittableRandom(seed);
        int chosen = 0;
        for (int i = 0; i < rows && chosen < m; i++) {
            if ((rows - i) * random.nextDouble() < m - chosen) {
                out[chosen++] = i;
            }
        }
        return out;
    }
}
