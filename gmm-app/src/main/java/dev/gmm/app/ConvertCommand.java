package dev.gmm.app;

import dev.gmm.app.internal.FileChecks;
import dev.gmm.app.internal.MappedInput;
import dev.gmm.core.DataMatrix;
import dev.gmm.core.Plugins;
import dev.gmm.core.app.spi.DatasetProvider;
import dev.gmm.datasets.CsvOptions;
import dev.gmm.datasets.CsvRowReader;
import dev.gmm.datasets.Npy;
import dev.gmm.datasets.NpyWriter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code gmm convert}: data to an .npy file that fit, predict and score then map instead of reading.
 * A CSV file (or standard input) is converted in one streaming pass, a line at a time, so memory does
 * not depend on its length and a CSV larger than the heap (or than RAM) converts; an .npy file is
 * re-encoded row by row (to float32, say); a data set of the loaders ({@code --dataset}) is loaded
 * and written. The output is written to a temporary file beside it and moved into place.
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Convert a CSV (streamed, any size), an .npy file or a data set to an .npy file for mapped fits.")
final class ConvertCommand implements Callable<Integer> {
    @ArgGroup(multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--data", description = "Numeric CSV (every column a feature), an .npy file, or - for standard input.")
        Path data;
        @Option(names = "--dataset", paramLabel = "NAME", description = "A data set of the loaders (see 'gmm plugins').")
        String dataset;
    }

    @Option(names = "--path", paramLabel = "P", description = "Where --dataset lives (for data sets not shipped with gmm).")
    Path path;
    @Option(names = "--header", description = "The CSV's first row names the columns (default: detected).")
    boolean header;
    @Option(names = "--no-header", description = "Every CSV row is data (default: detected).")
    boolean noHeader;
    @Option(names = "--float32", description = "Write float32 ('<f4') values instead of float64 ('<f8').")
    boolean float32;
    @Option(names = "--out", required = true, description = "The .npy file to write.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (header && noHeader) {
            throw new IllegalArgumentException("--header and --no-header contradict each other: pass one or neither");
        }
        if (!MappedInput.isNpy(out)) {
            throw new IllegalArgumentException("--out " + out + ": name the output with the .npy extension (it is a "
                    + "NumPy .npy file, and fit, predict and score recognise it by that)");
        }
        boolean stdin = source.data != null && source.data.toString().equals("-");
        FileChecks.requireOutputFile(out, "--out", stdin ? null : source.data);
        long rows = writeAtomically(out);
        System.out.println(String.format(Locale.ROOT, "convert: %d rows -> %s (%s)", rows, out,
                float32 ? "float32" : "float64"));
        return 0;
    }

    /** Writes to a temporary file in the output's folder, then moves it into place (Decision 21). */
    private long writeAtomically(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path temp = absolute.getParent().resolve("." + absolute.getFileName() + "."
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
        try {
            long rows = convertInto(temp);
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            return rows;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private long convertInto(Path temp) throws IOException {
        if (source.dataset != null) {
            DatasetProvider provider = Plugins.find(DatasetProvider.class, source.dataset);
            if (provider.requiresPath() && path == null) {
                throw new IllegalArgumentException("data set '" + source.dataset + "' is not shipped with gmm: give its "
                        + "location with --path");
            }
            DataMatrix x = provider.load(path).data();
            return copyRows(x, temp);
        }
        if (MappedInput.isNpy(source.data)) {
            try (MappedInput input = MappedInput.open(source.data, "--data")) {
                return input.use(x -> copyRows(x, temp));
            }
        }
        boolean stdin = source.data.toString().equals("-");
        if (!stdin) {
            FileChecks.requireInputFile(source.data, "--data");
        }
        CsvOptions.Header h = header ? CsvOptions.Header.YES : noHeader ? CsvOptions.Header.NO : CsvOptions.Header.AUTO;
        try (CsvRowReader rows = stdin ? CsvRowReader.open(System.in, "standard input", h)
                : CsvRowReader.open(source.data, h);
             NpyWriter writer = Npy.writer(temp, rows.cols(), float32)) {
            double[] row = new double[rows.cols()];
            while (rows.next(row)) {
                writer.writeRow(row);
            }
            if (writer.rows() == 0) {
                throw new IllegalArgumentException((stdin ? "standard input" : source.data.toString())
                        + " has a header but no data rows; expected at least one row of numbers");
            }
            return writer.rows();
        }
    }

    private long copyRows(DataMatrix x, Path temp) throws IOException {
        Npy.write(temp, x, float32);
        return x.rows();
    }
}
