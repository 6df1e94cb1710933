package dev.gmm.imaging;

import dev.gmm.core.DataMatrix;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Converts images (anything ImageIO reads: PNG, JPEG, BMP) to a matrix of pixels and back.
 * A row is one pixel in raster order (y major, then x); its columns are R, G, B in [0, 1] (or one
 * grey value), optionally followed by x and y scaled to [0, 1] and multiplied by a weight, so a
 * clusterer can be told how much spatial closeness matters beside colour.
 */
public final class PixelMatrix {

    private PixelMatrix() {
    }

    /** How pixels become features: grey or RGB, and the weight of the (x, y) columns (0 = none). */
    public record Encoding(boolean grey, double positionWeight) {
        /** RGB without position columns. */
        public static final Encoding RGB = new Encoding(false, 0);
        /** Grey (luma) without position columns. */
        public static final Encoding GREY = new Encoding(true, 0);

        /** Checks that the position weight is finite and not negative. */
        public Encoding {
            if (!Double.isFinite(positionWeight) || positionWeight < 0) {
                throw new IllegalArgumentException("positionWeight = " + positionWeight
                        + ": use a finite weight >= 0 (0 leaves the pixel positions out)");
            }
        }

        /** Number of colour columns (1 or 3). */
        public int colourChannels() {
            return grey ? 1 : 3;
        }

        /** Total number of columns per pixel. */
        public int columns() {
            return colourChannels() + (positionWeight > 0 ? 2 : 0);
        }
    }

    /** The pixels of one image as a matrix, with the image's size and the encoding used. */
    public record Pixels(DataMatrix data, int width, int height, Encoding encoding) {
    }

    /**
     * Reads an image file.
     *
     * @throws IOException naming the file when it is missing, not an image ImageIO can decode, truncated or
 *                     damaged (the decoder warned, as JPEG's does for a premature end), or empty
     */
    public static BufferedImage read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("image " + file + ": no such file; check the path");
        }
        BufferedImage image;
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException("image " + file + ": not a format ImageIO can decode (or empty file);"
                        + " use a PNG, JPEG or BMP file");
            }
            ImageReader reader = readers.next();
            // decoders report a truncated or damaged stream (e.g. "Premature end of JPEG file") as a
            // warning and return a partly grey image; a segmentation of that would be silently wrong
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            try {
                reader.setInput(in, true, true);
                image = reader.read(0);
            } finally {
                reader.dispose();
            }
            if (!warnings.isEmpty()) {
                throw new IOException("image " + file + ": truncated or damaged (" + String.join("; ", warnings)
                        + "); use a complete PNG, JPEG or BMP file");
            }
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("image " + file)) {
                throw e;
            }
            throw new IOException("image " + file + ": corrupt or unreadable (" + e.getMessage()
                    + "); use a valid PNG, JPEG or BMP file", e);
        } catch (RuntimeException e) {
            throw new IOException("image " + file + ": corrupt or unreadable (" + e
                    + "); use a valid PNG, JPEG or BMP file", e);
        }
        if (image.getWidth() < 1 || image.getHeight() < 1) {
            throw new IOException("image " + file + ": empty (" + image.getWidth() + "x" + image.getHeight()
                    + "); use an image with at least one pixel");
        }
        return image;
    }

    /** Reads an image file and converts it with {@link #fromImage}. */
    public static Pixels read(Path file, Encoding encoding) throws IOException {
        return fromImage(read(file), encoding);
    }

    /** Converts an image to one row per pixel. */
    public static Pixels fromImage(BufferedImage image, Encoding encoding) {
        if (image == null) {
            throw new IllegalArgumentException("image is null: pass a decoded BufferedImage");
        }
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        return fromArgb(argb, w, h, encoding);
    }

    /** Converts packed ARGB pixels (raster order) to one row per pixel. */
    public static Pixels fromArgb(int[] argb, int width, int height, Encoding encoding) {
        if (width < 1 || height < 1 || argb.length != (long) width * height) {
            throw new IllegalArgumentException("image of " + width + "x" + height + " with " + argb.length
                    + " pixels: an image needs at least one pixel and width*height pixels");
        }
        int cols = encoding.columns();
        double[] v = new double[argb.length * cols];
        double wx = width > 1 ? 1.0 / (width - 1) : 0;
        double wy = height > 1 ? 1.0 / (height - 1) : 0;
        for (int i = 0, o = 0; i < argb.length; i++, o += cols) {
            int p = argb[i];
            double r = ((p >> 16) & 0xff) / 255.0;
            double g = ((p >> 8) & 0xff) / 255.0;
            double b = (p & 0xff) / 255.0;
            int c = 0;
            if (encoding.grey()) {
                v[o + c++] = 0.299 * r + 0.587 * g + 0.114 * b;
            } else {
                v[o + c++] = r;
                v[o + c++] = g;
                v[o + c++] = b;
            }
            if (encoding.positionWeight() > 0) {
                v[o + c++] = encoding.positionWeight() * (i % width) * wx;
                v[o + c] = encoding.positionWeight() * (i / width) * wy;
            }
        }
        return new Pixels(DataMatrix.wrap(v, argb.length, cols), width, height, encoding);
    }

    /**
     * Turns a pixel matrix back into packed ARGB (opaque). Only the colour columns are read (1 = grey,
     * otherwise the first 3); values are clamped to [0, 1].
     */
    public static int[] toArgb(DataMatrix data, int width, int height, int colourChannels) {
        if ((long) width * height != data.rows()) {
            throw new IllegalArgumentException("data has " + data.rows() + " rows for a " + width + "x" + height
                    + " image: pass width*height rows");
        }
        if (colourChannels != 1 && colourChannels != 3 || data.cols() < colourChannels) {
            throw new IllegalArgumentException("colourChannels = " + colourChannels + " with " + data.cols()
                    + " columns: use 1 (grey) or 3 (RGB) and at least that many columns");
        }
        int[] out = new int[data.rows()];
        for (int i = 0; i < out.length; i++) {
            if (colourChannels == 1) {
                int g = toByte(data.get(i, 0));
                out[i] = 0xff000000 | g << 16 | g << 8 | g;
            } else {
                out[i] = 0xff000000 | toByte(data.get(i, 0)) << 16 | toByte(data.get(i, 1)) << 8
                        | toByte(data.get(i, 2));
            }
        }
        return out;
    }

    /** Turns a pixel matrix back into an image (see {@link #toArgb}). */
    public static BufferedImage toImage(DataMatrix data, int width, int height, int colourChannels) {
        return fromArgb(toArgb(data, width, height, colourChannels), width, height);
    }

    /** Wraps packed ARGB pixels in an RGB image. */
    public static BufferedImage fromArgb(int[] argb, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, width, height, argb, 0, width);
        return image;
    }

    /** Paints a label map: pixel i gets {@code palette[labels[i] % palette.length]}. */
    public static int[] labelsToArgb(int[] labels, int[] palette) {
        if (palette.length == 0) {
            throw new IllegalArgumentException("palette is empty: pass at least one colour");
        }
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = 0xff000000 | palette[Math.floorMod(labels[i], palette.length)];
        }
        return out;
    }

    /** A palette of {@code k} well-separated colours (evenly spaced hues). */
    public static int[] palette(int k) {
        int[] p = new int[k];
        for (int i = 0; i < k; i++) {
            p[i] = java.awt.Color.HSBtoRGB((float) i / k, 0.75f, i % 2 == 0 ? 0.95f : 0.7f) & 0xffffff;
        }
        return p;
    }

    private static int toByte(double v) {
        if (!(v > 0)) {
            return 0;
        }
        return v >= 1 ? 255 : (int) Math.round(v * 255);
    }
}
