package dev.gmm.core.app.spi;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.spi.NamedProvider;

import java.util.Map;

/**
 * An anomaly detector ("gmm-density", "isolation-forest", ...): fits on training data, scores rows
 * (higher means more anomalous) and flags the top {@code contamination} share of the training scores.
 */
public interface AnomalyDetector extends NamedProvider {

    /** Fits the detector to training data; the fitted detector scores rows and flags the training outliers. */
    FittedDetector fit(DataMatrix data, Options options);

    /**
     * What a detector is asked to do.
     *
     * @param contamination the expected share of anomalies, in (0, 0.5]
     * @param seed          the seed of every random choice
     * @param extra         method-specific settings by name
     */
    record Options(double contamination, long seed, Map<String, String> extra) {
        /** Checks the contamination and copies the extra settings. */
        public Options {
            if (!(contamination > 0 && contamination <= 0.5)) {
                throw new IllegalArgumentException("contamination = " + contamination
                        + ": it must be in (0, 0.5], the expected share of anomalies");
            }
            extra = Map.copyOf(extra);
        }
    }
}
