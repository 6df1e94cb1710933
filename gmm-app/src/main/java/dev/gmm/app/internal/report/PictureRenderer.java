package dev.gmm.app.internal.report;

import dev.gmm.core.experiment.ExperimentResult.Picture;

import java.awt.image.BufferedImage;

/**
 * Turns a picture's ARGB pixels into an image, enlarged by whole pixels (nearest neighbour) so that a
 * 28×28 digit or a 32×32 thumbnail is visible on a page without being blurred.
 */
final class PictureRenderer {
    /** Small pictures are enlarged until their longer side reaches at least this. */
    static final int MIN_DISPLAY_SIDE = 160;
    private static final int MAX_SCALE = 8;

    private PictureRenderer() {
    }

    static BufferedImage render(Picture picture) {
        if (picture.width() <= 0 || picture.height() <= 0) {
            throw new IllegalArgumentException("picture '" + picture.title() + "' has no pixels ("
                    + picture.width() + "x" + picture.height() + ")");
        }
        int scale = scale(picture.width(), picture.height());
        int w = picture.width() * scale;
        int h = picture.height() * scale;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        int[] argb = picture.argb();
        for (int y = 0; y < h; y++) {
            int row = (y / scale) * picture.width();
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, argb[row + x / scale]);
            }
        }
        return image;
    }

    static int scale(int width, int height) {
        int side = Math.max(1, Math.max(width, height));
        return Math.clamp((MIN_DISPLAY_SIDE + side - 1) / side, 1, MAX_SCALE);
    }
}
