// Runs one gmm-imaging experiment outside the app and prints its numbers, findings and tables, saving its
// pictures as PNG. For the closing note's real-data runs (the app has no `experiment` command yet).
//
//   java --add-modules jdk.incubator.vector -cp "$CP" gmm-imaging/scripts/RunExperiment.java \
//        NAME DATA|- OUTDIR [--warm] [key=value ...]
//
// $CP: gmm-imaging/target/classes plus the jars of gmm-core, gmm-datasets (and Jackson), gmm-metrics and, for
// K-Means beside the GMM, gmm-baselines with Smile (see run-closing-note.sh). --warm runs the experiment once
// first, so the reported times are those of a warm JVM.

import dev.gmm.core.Plugins;
import dev.gmm.core.app.spi.Experiment;
import dev.gmm.core.app.spi.ExperimentContext;
import dev.gmm.core.experiment.ExperimentResult;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;

void main(String[] args) throws Exception {
    String name = args[0];
    Path data = args[1].equals("-") ? null : Path.of(args[1]);
    Path out = Path.of(args[2]);
    boolean warm = false;
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 3; i < args.length; i++) {
        if (args[i].equals("--warm")) {
            warm = true;
        } else {
            String[] kv = args[i].split("=", 2);
            options.put(kv[0], kv[1]);
        }
    }
    Files.createDirectories(out);
    Experiment experiment = Plugins.find(Experiment.class, name);
    ExperimentContext context = new ExperimentContext(data, out, 0, null, options);
    System.out.println("kernel: " + Plugins.kernelName() + ", clusterers: "
            + Plugins.names(dev.gmm.core.app.spi.Clusterer.class));
    if (warm) {
        experiment.run(context);
    }
    long start = System.nanoTime();
    ExperimentResult r = experiment.run(context);
    System.out.printf("%s (%s) in %.1f s%n", r.name(), r.title(), (System.nanoTime() - start) / 1e9);
    System.out.println(r.summary());
    r.findings().forEach(f -> System.out.println("  - " + f));
    r.numbers().forEach((k, v) -> System.out.println("  " + k + " = " + v));
    for (ExperimentResult.Table t : r.tables()) {
        System.out.println("## " + t.title());
        System.out.println(String.join("\t", t.columns()));
        int shown = 0;
        for (var row : t.rows()) {
            if (shown++ == 40) {
                System.out.println("... " + (t.rows().size() - 40) + " more rows");
                break;
            }
            System.out.println(String.join("\t", row.stream().map(c -> c instanceof Double d
                    ? String.format("%.6g", d) : String.valueOf(c)).toList()));
        }
    }
    for (ExperimentResult.Heatmap h : r.heatmaps()) {
        System.out.println("## " + h.title());
        System.out.println("\t" + String.join("\t", h.columnLabels()));
        for (int i = 0; i < h.values().length; i++) {
            StringBuilder line = new StringBuilder(h.rowLabels().get(i));
            for (double v : h.values()[i]) {
                line.append('\t').append((long) v);
            }
            System.out.println(line);
        }
    }
    int index = 0;
    for (ExperimentResult.Picture p : r.pictures()) {
        BufferedImage image = new BufferedImage(p.width(), p.height(), BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, p.width(), p.height(), p.argb(), 0, p.width());
        String file = String.format("%s-%02d-%s.png", name, index++, p.title().replaceAll("[^A-Za-z0-9=._-]+", "_"));
        ImageIO.write(image, "png", out.resolve(file).toFile());
    }
    System.out.println(r.pictures().size() + " pictures written to " + out);
}
