package dev.gmm.datasets;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.app.spi.Dataset;
import dev.gmm.core.app.spi.DatasetProvider;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * California Housing (DESIGN.md Decision 12) from either raw layout — {@code housing.csv} (header,
 * blanks in total_bedrooms, categorical ocean_proximity) or {@code cal_housing.data} (no header) —
 * into scikit-learn's 8 derived features and the target MedHouseVal (in $100,000). Blank
 * total_bedrooms cells are imputed with the column mean so both layouts give all 20,640 rows.
 */
public final class CaliforniaHousing implements DatasetProvider {
    /** sklearn's feature names, in its order. */
    public static final List<String> FEATURES = List.of("MedInc", "HouseAge", "AveRooms", "AveBedrms", "Population",
            "AveOccup", "Latitude", "Longitude");

    /** The features and the regression target. */
    public record Data(Dataset dataset, double[] medHouseVal) {
    }

    /** Created by {@link java.util.ServiceLoader}, which finds a provider by its public no-argument constructor. */
    public CaliforniaHousing() {
    }

    @Override
    public String name() {
        return "california-housing";
    }

    @Override
    public String description() {
        return "California Housing (housing.csv or cal_housing.data), sklearn's 8 features";
    }

    @Override
    public boolean requiresPath() {
        return true;
    }

    @Override
    public Dataset load(Path path) throws IOException {
        return read(path).dataset();
    }

    /** Reads a layout file, or a folder holding housing.csv or cal_housing.data. */
    public static Data read(Path path) throws IOException {
        if (path == null) {
            throw new IllegalArgumentException("data set california-housing is not bundled: give the path of "
                    + "housing.csv or cal_housing.data");
        }
        Path file = path;
        if (Files.isDirectory(path)) {
            file = null;
            for (String candidate : List.of("housing.csv", "cal_housing.data", "CaliforniaHousing/cal_housing.data")) {
                if (file == null && Files.exists(path.resolve(candidate))) {
                    file = path.resolve(candidate);
                }
            }
            if (file == null) {
                throw new IOException(path + " holds neither housing.csv nor cal_housing.data");
            }
        }
        List<String> lines = Csv.lines(file);
        if (lines.stream().allMatch(String::isBlank)) {
            throw new IOException(file + " is empty: expected housing.csv (with its header) or cal_housing.data");
        }
        boolean header = lines.getFirst().strip().startsWith("longitude");
        CsvOptions options = CsvOptions.defaults().withDelimiter(',')
                .withHeader(header ? CsvOptions.Header.YES : CsvOptions.Header.NO)
                .withMissing(CsvOptions.MissingValues.IMPUTE_MEAN)
                .withColumns(header
                        ? List.of("longitude", "latitude", "housing_median_age", "total_rooms", "total_bedrooms",
                        "population", "households", "median_income", "median_house_value")
                        : List.of("0", "1", "2", "3", "4", "5", "6", "7", "8"));
        DataMatrix raw = Csv.read(file, options).data();
        int n = raw.rows();
        double[] x = new double[n * 8];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double households = raw.get(i, 6);
            if (!(households > 0)) {
                throw new IOException(file + " data row " + (i + 1) + ": households = " + households
                        + "; it must be positive (the averages divide by it)");
            }
            double[] f = {raw.get(i, 7), raw.get(i, 2), raw.get(i, 3) / households, raw.get(i, 4) / households,
                    raw.get(i, 5), raw.get(i, 5) / households, raw.get(i, 1), raw.get(i, 0)};
            for (int j = 0; j < 8; j++) {
                if (!Double.isFinite(f[j])) {
                    throw new IOException(file + " data row " + (i + 1) + ": " + FEATURES.get(j) + " comes out as " + f[j]
                            + "; the row's values are out of range for California Housing");
                }
            }
            System.arraycopy(f, 0, x, i * 8, 8);
            y[i] = raw.get(i, 8) / 100_000.0;
        }
        Dataset d = new Dataset("california-housing", DataMatrix.wrap(x, n, 8), null, FEATURES, List.of());
        return new Data(d, y);
    }
}
