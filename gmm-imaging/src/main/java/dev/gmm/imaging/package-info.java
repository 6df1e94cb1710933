/**
 * gmm-imaging: images as pixel matrices and their segmentation by mixture.
 *
 * <p>{@link dev.gmm.imaging.PixelMatrix} turns an image (PNG, JPEG, BMP through ImageIO) into one row
 * per pixel and back; {@link dev.gmm.imaging.Segmenter} clusters the rows with a GMM or any
 * {@code Clusterer} found by name (K-Means comes from gmm-baselines at run time, never as a
 * dependency) and returns a {@link dev.gmm.imaging.Segmentation}: the image recoloured by segment
 * means, a label map, a soft map and a {@link dev.gmm.imaging.SegmentationReport} (K, covariance,
 * BIC, MSE, PSNR, time).
 *
 * <p>The module also provides four {@code Experiment}s, found by name through {@code Plugins} and run
 * by {@code gmm experiment NAME}: {@code segment-image} (one image, a list of K), {@code segment-mnist}
 * (foreground/background of digits), {@code segment-cifar} (colour segmentation of 32x32 images) and
 * {@code cluster-digits} (whole digit images, PCA, K by BIC, best-map accuracy). Each runs on
 * generated images without data, or on the real files (an image; MNIST IDX; CIFAR-10 batches or PNG
 * folder) given as the context's data path. They are providers, not API: their classes live in the
 * module's non-exported {@code internal} package.
 *
 * <p>Bad input: a missing, corrupt, truncated or empty image file is an {@link java.io.IOException}
 * naming the file; an image without pixels, K below 1 or non-finite values an
 * {@link IllegalArgumentException}. K above the number of distinct colours is not an error: it is
 * capped at that number and the report's note says so (a mixture cannot have more distinct
 * components than distinct points).
 */
package dev.gmm.imaging;
