// The 1-megapixel timing of issue 8: a GMM with K = 8 full covariances, k-means start, fitted to
// convergence (sklearn's defaults: tol 1e-3, max 100 iterations) on the RGB pixels of a ~1 MP photo.
//
//   prepare SRC.jpg OUTDIR  resizes SRC (bicubic, aspect kept) to about 1,000,000 pixels and writes
//                           OUTDIR/flower-1mp.png and OUTDIR/flower-1mp-f64.bin (N x 3 float64, little endian,
//                           RGB in [0, 1]) so scikit-learn fits exactly the same numbers (sklearn_1mp.py)
//   time PNG [--warm] [--repeat N] [--threads T]
//                           fits and prints time, iterations and time per EM iteration; --warm fits once
//                           first so the timed fits run in a warm JVM (Decision 14)
//
//   java --add-modules jdk.incubator.vector -cp "$(gmm-imaging/scripts/classpath.sh)" \
//        gmm-imaging/scripts/OneMegapixelTiming.java time /work/imaging-results/flower-1mp.png --warm --repeat 3

import dev.gmm.core.DataMatrix;
import dev.gmm.core.GaussianMixture;
import dev.gmm.core.GaussianMixtureModel;
import dev.gmm.core.Plugins;
import dev.gmm.imaging.PixelMatrix;

import javax.imageio.ImageIO;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.DataOutputStream;
import java.io.BufferedOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

void main(String[] args) throws Exception {
    if (args[0].equals("prepare")) {
        prepare(Path.of(args[1]), Path.of(args[2]));
        return;
    }
    Path png = Path.of(args[1]);
    boolean warm = false;
    int repeat = 1;
    int threads = 0;
    for (int i = 2; i < args.length; i++) {
        switch (args[i]) {
            case "--warm" -> warm = true;
            case "--repeat" -> repeat = Integer.parseInt(args[++i]);
            case "--threads" -> threads = Integer.parseInt(args[++i]);
            default -> throw new IllegalArgumentException("unknown argument " + args[i]);
        }
    }
    long t0 = System.nanoTime();
    PixelMatrix.Pixels pixels = PixelMatrix.read(png, PixelMatrix.Encoding.RGB);
    DataMatrix data = pixels.data();
    System.out.printf("%s: %d x %d = %d pixels, D = %d, kernel %s, %d processors, read in %.0f ms%n", png,
            pixels.width(), pixels.height(), data.rows(), data.cols(), Plugins.kernelName(),
            Runtime.getRuntime().availableProcessors(), (System.nanoTime() - t0) / 1e6);
    if (warm) {
        fit(data, threads, "warm-up");
    }
    for (int r = 0; r < repeat; r++) {
        fit(data, threads, (warm ? "warm" : "cold") + " fit " + (r + 1));
    }
}

/** CPU time of the whole process (all threads), which a loaded machine distorts less than wall time. */
long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
            .getOperatingSystemMXBean()).getProcessCpuTime();
}

void fit(DataMatrix data, int threads, String label) {
    long[] firstIteration = {0, 0};
    long cpuStart = cpuNanos();
    long start = System.nanoTime();
    GaussianMixture.Builder b = GaussianMixture.builder().components(8).covarianceType("full").initMethod("kmeans")
            .seed(0).listener((init, iteration, lowerBound, change) -> {
                if (iteration == 1) {
                    firstIteration[0] = System.nanoTime();
                    firstIteration[1] = cpuNanos();
                }
                return true;
            });
    if (threads > 0) {
        b.threads(threads);
    }
    GaussianMixtureModel model = b.build().fit(data);
    long end = System.nanoTime();
    long cpuEnd = cpuNanos();
    double cpu = (cpuEnd - cpuStart) / 1e9;
    double cpuPerIteration = iterationsOf(model) > 1 ? (cpuEnd - firstIteration[1]) / 1e9 / (iterationsOf(model) - 1)
            : Double.NaN;
    int iterations = model.report().iterations();
    double total = (end - start) / 1e9;
    double startAndFirst = (firstIteration[0] - start) / 1e9;
    double perIteration = iterations > 1 ? (end - firstIteration[0]) / 1e9 / (iterations - 1) : Double.NaN;
    System.out.printf("%s: %.3f s total (process CPU %.3f s), %d iterations, converged %s, k-means start + first"
                    + " iteration %.3f s, %.1f ms per later EM iteration (CPU %.1f ms), lower bound %.6f%n", label, total,
            cpu, iterations, model.report().converged(), startAndFirst, perIteration * 1e3, cpuPerIteration * 1e3,
            model.report().lowerBound());
}

int iterationsOf(GaussianMixtureModel model) {
    return model.report().iterations();
}

void prepare(Path source, Path outDir) throws Exception {
    BufferedImage src = ImageIO.read(source.toFile());
    double scale = Math.sqrt(1_000_000.0 / (src.getWidth() * (double) src.getHeight()));
    int w = (int) Math.round(src.getWidth() * scale);
    int h = (int) Math.round(src.getHeight() * scale);
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    var g = out.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    g.drawImage(src, 0, 0, w, h, null);
    g.dispose();
    Files.createDirectories(outDir);
    Path png = outDir.resolve("flower-1mp.png");
    ImageIO.write(out, "png", png.toFile());
    // the float64 file holds exactly the values the Java side fits (PixelMatrix's RGB / 255)
    DataMatrix data = PixelMatrix.read(png, PixelMatrix.Encoding.RGB).data();
    ByteBuffer buf = ByteBuffer.allocate(data.rows() * 3 * 8).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < data.rows(); i++) {
        for (int c = 0; c < 3; c++) {
            buf.putDouble(data.get(i, c));
        }
    }
    Files.write(outDir.resolve("flower-1mp-f64.bin"), buf.array());
    System.out.println("wrote " + png + " (" + w + " x " + h + " = " + (w * h) + " pixels) and flower-1mp-f64.bin");
}
