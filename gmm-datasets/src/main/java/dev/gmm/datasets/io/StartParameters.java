package dev.gmm.datasets.io;

import dev.gmm.core.ShapedArray;

/**
 * Starting parameters for EM (sklearn {@code weights_init}, {@code means_init}, {@code precisions_init}).
 *
 * @param weights    K mixture weights
 * @param means      K × D means
 * @param precisions precision matrices in the covariance type's sklearn shape
 *                   (full K×D×D, tied D×D, diag K×D, spherical K)
 */
public record StartParameters(double[] weights, double[][] means, ShapedArray precisions) {
}
