package dev.gmm.spark.internal;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.GaussianMixtureModel;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Scores one partition's rows in batches through the core model (its kernel, not a per-row call):
 * each row comes back with the prediction, probability Vector and log-density appended, as enabled.
 */
public record RowScoring(ModelParts parts, FeatureColumns columns, boolean prediction, boolean probability,
                         boolean logDensity) implements Serializable {
    private static final int BATCH = 4096;

    public Iterator<Row> score(Iterator<Row> rows) {
        GaussianMixtureModel model = parts.toModel();
        return new Iterator<>() {
            private final List<Row> out = new ArrayList<>();
            private int next;

            @Override
            public boolean hasNext() {
                if (next == out.size() && rows.hasNext()) {
                    fill();
                }
                return next < out.size();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return out.get(next++);
            }

            private void fill() {
                out.clear();
                next = 0;
                List<Row> batch = new ArrayList<>(BATCH);
                int d = model.features();
                double[] values = new double[BATCH * d];
                while (rows.hasNext() && batch.size() < BATCH) {
                    Row row = rows.next();
                    Object x = columns.read(row);
                    if (x instanceof String problem) {
                        throw new IllegalArgumentException("cannot score a row: " + problem);
                    }
                    double[] features = (double[]) x;
                    if (features.length != d) {
                        throw new IllegalArgumentException("a row has " + features.length + " features but the model "
                                + d + ": score rows like the ones it was fitted on");
                    }
                    System.arraycopy(features, 0, values, batch.size() * d, d);
                    batch.add(row);
                }
                DataMatrix data = DataMatrix.wrap(java.util.Arrays.copyOf(values, batch.size() * d), batch.size(), d);
                double[][] logProba = prediction || probability ? model.predictLogProba(data) : null;
                double[] density = logDensity ? model.scoreSamples(data) : null;
                for (int i = 0; i < batch.size(); i++) {
                    Row row = batch.get(i);
                    List<Object> fields = new ArrayList<>(row.size() + 3);
                    for (int j = 0; j < row.size(); j++) {
                        fields.add(row.get(j));
                    }
                    if (prediction) {
                        fields.add(argmax(logProba[i]));
                    }
                    if (probability) {
                        double[] p = new double[logProba[i].length];
                        for (int c = 0; c < p.length; c++) {
                            p[c] = Math.exp(logProba[i][c]);
                        }
                        fields.add(Vectors.dense(p));
                    }
                    if (logDensity) {
                        fields.add(density[i]);
                    }
                    out.add(RowFactory.create(fields.toArray()));
                }
            }
        };
    }

    /** The first most probable component, as the core's predict picks it. */
    private static int argmax(double[] v) {
        int best = 0;
        for (int c = 1; c < v.length; c++) {
            if (v[c] > v[best]) {
                best = c;
            }
        }
        return best;
    }
}
