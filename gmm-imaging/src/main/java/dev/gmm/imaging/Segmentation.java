package dev.gmm.imaging;

/**
 * A segmented image: everything as packed ARGB or per-pixel arrays in raster order.
 *
 * @param width      image width
 * @param height     image height
 * @param recoloured each pixel replaced by its segment's mean colour
 * @param labels     segment of each pixel
 * @param palette    one display colour per segment
 * @param labelMap   the labels painted with the palette
 * @param softMap    the largest responsibility of each pixel, in [1/K, 1] (1 for hard clusterers)
 * @param report     K, covariance, BIC, MSE, PSNR, time
 */
public record Segmentation(int width, int height, int[] recoloured, int[] labels, int[] palette, int[] labelMap,
                           double[] softMap, SegmentationReport report) {
}
