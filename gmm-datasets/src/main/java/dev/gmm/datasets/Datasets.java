package dev.gmm.datasets;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.app.spi.Dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The data sets bundled with gmm. */
public final class Datasets {
    private static final List<String> IRIS_FEATURES =
            List.of("sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)");
    private static final List<String> IRIS_CLASSES = List.of("setosa", "versicolor", "virginica");

    private Datasets() {
    }

    /** Fisher's Iris: 150 flowers, 4 measurements, 3 species (as scikit-learn's load_iris). */
    public static Dataset iris() {
        List<String> rows = resourceLines("iris.csv");
        List<String> labelLines = resourceLines("iris.labels.csv");
        double[][] x = new double[rows.size()][];
        int[] labels = new int[rows.size()];
        for (int i = 0; i < x.length; i++) {
            String[] cells = rows.get(i).split(",");
            x[i] = new double[cells.length];
            for (int j = 0; j < cells.length; j++) {
                x[i][j] = Double.parseDouble(cells[j].strip());
            }
            labels[i] = Integer.parseInt(labelLines.get(i).strip());
        }
        return new Dataset("iris", DataMatrix.of(x), labels, IRIS_FEATURES, IRIS_CLASSES);
    }

    private static List<String> resourceLines(String name) {
        try (InputStream in = Datasets.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("bundled resource dev/gmm/datasets/" + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read bundled resource " + name, e);
        }
    }
}
