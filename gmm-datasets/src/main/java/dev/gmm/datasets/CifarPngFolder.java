package dev.gmm.datasets;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.app.spi.Dataset;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * CIFAR-10 as a folder of 32 × 32 PNG images with a labels CSV (Kaggle's layout), read into the
 * same rows as the binary batches (see {@link Cifar10#readPngFolder(Path)}).
 */
final class CifarPngFolder {
    private CifarPngFolder() {
    }

    /**
     * A header such as Kaggle's {@code id,label}: no cell is a number and the first is not an image
     * file name. Anything else on the first line is data, so a mistyped class there is an error
     * naming the line rather than a row silently dropped as if it were a header.
     */
    private static boolean isHeader(String[] cells) {
        for (String cell : cells) {
            if (Csv.isNumber(cell.strip())) {
                return false;
            }
        }
        return !cells[0].strip().toLowerCase().endsWith(".png");
    }

    /** The images listed by {@code csv}, in its order, as rows named by {@code features}. */
    static Dataset read(Path folder, Path csv, List<String> features) throws IOException {
        List<String> lines = Csv.lines(csv);
        List<String> files = new ArrayList<>();
        List<Integer> labelList = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        boolean seenLine = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != 2) {
                throw new IOException(csv + " line " + (i + 1) + ": expected 2 cells (image, class), found "
                        + cells.length + " in \"" + line + "\"");
            }
            int label = classIndex(cells[1].strip());
            boolean firstLine = !seenLine;
            seenLine = true;
            if (label < 0 && firstLine && isHeader(cells)) {
                continue;
            }
            if (label < 0) {
                throw new IOException(csv + " line " + (i + 1) + ": class \"" + cells[1].strip() + "\" is neither one of "
                        + Cifar10.CLASSES + " nor an index 0..9");
            }
            String file = cells[0].strip();
            files.add(file.toLowerCase().endsWith(".png") ? file : file + ".png");
            labelList.add(label);
            lineNumbers.add(i + 1);
        }
        if (files.isEmpty()) {
            throw new IOException(csv + " lists no images: expected lines of name.png,class");
        }
        int n = files.size();
        float[] px = new float[n * Cifar10.PIXELS];
        int[] labels = new int[n];
        for (int r = 0; r < n; r++) {
            labels[r] = labelList.get(r);
            Path img = folder.resolve(files.get(r));
            BufferedImage image = readImage(img, csv + " line " + lineNumbers.get(r));
            if (image.getWidth() != 32 || image.getHeight() != 32) {
                throw new IOException(img + " (" + csv + " line " + lineNumbers.get(r) + ") is " + image.getWidth()
                        + " x " + image.getHeight() + "; CIFAR-10 images are 32 x 32");
            }
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    int rgb = image.getRGB(x, y);
                    int o = r * Cifar10.PIXELS + y * 32 + x;
                    px[o] = (rgb >> 16) & 0xFF;
                    px[o + 1024] = (rgb >> 8) & 0xFF;
                    px[o + 2048] = rgb & 0xFF;
                }
            }
        }
        return new Dataset("cifar10", DataMatrix.wrapFloat(px, n, Cifar10.PIXELS), labels, features, Cifar10.CLASSES);
    }

    private static int classIndex(String cell) {
        int byName = Cifar10.CLASSES.indexOf(cell);
        if (byName >= 0) {
            return byName;
        }
        return cell.matches("\\d") ? Integer.parseInt(cell) : -1;
    }

    /** ImageIO reports some corrupt images with runtime exceptions; they become an IOException naming the file. */
    private static BufferedImage readImage(Path img, String listedAt) throws IOException {
        if (!Files.isRegularFile(img)) {
            throw new IOException(img + " (listed at " + listedAt + ") does not exist");
        }
        BufferedImage image;
        try {
            image = ImageIO.read(img.toFile());
        } catch (IOException | RuntimeException e) {
            throw new IOException(img + " (listed at " + listedAt + ") is not a readable image: " + e.getMessage(), e);
        }
        if (image == null) {
            throw new IOException(img + " (listed at " + listedAt + ") is not in an image format Java reads; "
                    + "expected a PNG");
        }
        return image;
    }
}
