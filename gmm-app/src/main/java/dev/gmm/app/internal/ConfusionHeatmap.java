package dev.gmm.app.internal;

import dev.gmm.core.experiment.ExperimentResult.Heatmap;
import dev.gmm.metrics.BestMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** A class × cluster confusion matrix as a heat map, shared by the demo's Iris section and the experiments. */
public final class ConfusionHeatmap {
    private ConfusionHeatmap() {
    }

    /**
     * Rows: the classes; columns: the clusters ordered by the class the best map gave them (unmatched
     * clusters last), each named "cluster j → class", so matches lie on the diagonal.
     */
    public static Heatmap of(String title, BestMap map, List<String> classNames) {
        long[][] c = map.confusion();
        int clusters = c[0].length;
        int[] toClass = map.clusterToClass();
        Integer[] order = new Integer[clusters];
        for (int j = 0; j < clusters; j++) {
            order[j] = j;
        }
        Arrays.sort(order, Comparator.comparingInt(
                j -> j < toClass.length && toClass[j] >= 0 ? toClass[j] : Integer.MAX_VALUE));
        double[][] values = new double[c.length][clusters];
        List<String> columns = new ArrayList<>();
        for (int col = 0; col < clusters; col++) {
            int j = order[col];
            for (int i = 0; i < c.length; i++) {
                values[i][col] = c[i][j];
            }
            int cls = j < toClass.length ? toClass[j] : -1;
            columns.add("cluster " + j + (cls >= 0 && cls < classNames.size() ? " → " + classNames.get(cls) : ""));
        }
        return new Heatmap(title, classNames, columns, values);
    }
}
