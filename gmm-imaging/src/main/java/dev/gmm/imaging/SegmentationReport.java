package dev.gmm.imaging;

/**
 * The numbers of one segmentation.
 *
 * @param method         the clusterer's registry name ("gmm", "kmeans", ...)
 * @param requestedK     the number of segments asked for
 * @param k              the number used: {@code min(requestedK, distinct colours)}
 * @param covarianceType the GMM covariance type, or "-" for other methods
 * @param bic            the GMM's BIC on the pixel matrix, NaN for other methods
 * @param mse            mean squared error of the recoloured image against the original (colour in [0, 1])
 * @param psnr           peak signal-to-noise ratio in dB (peak 1); infinite when mse is 0
 * @param millis         wall time of the fit and the recolouring
 * @param iterations     EM iterations of the GMM's fit (of its best start), 0 for other methods
 * @param note           why K was capped, or empty
 */
public record SegmentationReport(String method, int requestedK, int k, String covarianceType, double bic,
                                 double mse, double psnr, double millis, int iterations, String note) {
}
