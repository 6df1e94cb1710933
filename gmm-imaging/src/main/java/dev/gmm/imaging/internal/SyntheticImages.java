package dev.gmm.imaging.internal;

import java.util.Random;

/**
 * Generated test images, so demos and tests need no download: shapes over a colour gradient with
 * Gaussian noise, and a plain two-region image with known ground truth.
 */
public final class SyntheticImages {

    private SyntheticImages() {
    }

    /**
     * A two-colour image: a disc of colour {@code inside} on a background of colour {@code outside}
     * (packed RGB), without noise. Pixel i is inside the disc iff {@link #discMask} says so.
     */
    public static int[] twoColourDisc(int width, int height, int inside, int outside) {
        boolean[] mask = discMask(width, height);
        int[] argb = new int[width * height];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = 0xff000000 | (mask[i] ? inside : outside);
        }
        return argb;
    }

    /** The ground truth of {@link #twoColourDisc}: a centred disc of radius min(w, h) / 3. */
    public static boolean[] discMask(int width, int height) {
        boolean[] mask = new boolean[width * height];
        double cx = (width - 1) / 2.0;
        double cy = (height - 1) / 2.0;
        double r = Math.min(width, height) / 3.0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                mask[y * width + x] = (x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r;
            }
        }
        return mask;
    }

    /**
     * A "photo": a diagonal background gradient, a red disc, a green rectangle and a blue triangle
     * with their own gradients, plus Gaussian noise of standard deviation {@code noise} (0..1 scale).
     */
    public static int[] shapes(int width, int height, double noise, long seed) {
        Random rnd = new Random(seed);
        int[] argb = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double u = x / (double) Math.max(1, width - 1);
                double v = y / (double) Math.max(1, height - 1);
                double r = 0.55 + 0.3 * u;
                double g = 0.6 + 0.2 * v;
                double b = 0.85 - 0.2 * u;
                double dx = u - 0.3;
                double dy = v - 0.35;
                if (dx * dx + dy * dy < 0.04) {
                    r = 0.85 - 0.2 * v;
                    g = 0.15;
                    b = 0.15 + 0.1 * u;
                } else if (u > 0.55 && u < 0.9 && v > 0.15 && v < 0.45) {
                    r = 0.1;
                    g = 0.55 + 0.25 * u;
                    b = 0.2;
                } else if (v > 0.6 && v < 0.95 && Math.abs(u - 0.6) < (v - 0.6) * 0.8) {
                    r = 0.15;
                    g = 0.2;
                    b = 0.5 + 0.3 * v;
                }
                argb[y * width + x] = 0xff000000 | channel(r, noise, rnd) << 16 | channel(g, noise, rnd) << 8
                        | channel(b, noise, rnd);
            }
        }
        return argb;
    }

    private static int channel(double value, double noise, Random rnd) {
        double v = value + noise * rnd.nextGaussian();
        return (int) Math.round(Math.max(0, Math.min(1, v)) * 255);
    }
}
