package dev.gmm.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gmm.app.internal.ConsoleProgress;
import dev.gmm.app.internal.FileChecks;
import dev.gmm.app.internal.ModelFiles;
import dev.gmm.audio.FeatureExtractors;
import dev.gmm.audio.FeatureTable;
import dev.gmm.audio.WavReader;
import dev.gmm.audio.spi.FeatureExtractor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code gmm features}: the speech features of one WAV file (JSON) or of a folder of them (CSV). */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = "The 27 speech features (librosa 0.10.2 recipe): JSON for a file, CSV for a directory.")
final class FeaturesCommand implements Callable<Integer> {
    @Option(names = "--audio", required = true, description = "A WAV file or a directory searched for *.wav.")
    Path audio;
    @Option(names = "--extractor", defaultValue = "speech27", description = "Feature extractor (default speech27).")
    String extractor;
    @Option(names = "--out", description = "Output file (default: stdout).")
    Path out;

    @Override
    public Integer call() throws Exception {
        FeatureExtractor fx = FeatureExtractors.find(extractor);
        FileChecks.requireOutputFile(out, "--out", audio);
        if (!Files.exists(audio)) {
            throw new java.io.FileNotFoundException(audio + " does not exist: pass a WAV file or a directory of them");
        }
        if (Files.isDirectory(audio)) {
            FeatureTable table = FeatureTable.extractFolder(audio, fx, ConsoleProgress.forConsole());
            StringBuilder csv = new StringBuilder("file");
            for (String name : table.featureNames()) {
                csv.append(',').append(name);
            }
            csv.append('\n');
            List<Path> files = table.files();
            for (int i = 0; i < files.size(); i++) {
                csv.append(audio.relativize(files.get(i)));
                for (int j = 0; j < table.features().cols(); j++) {
                    csv.append(',').append(table.features().get(i, j));
                }
                csv.append('\n');
            }
            Output.write(out, csv.toString());
            for (FeatureTable.Skipped s : table.skipped()) {
                System.err.println("skipped " + s.file() + ": " + s.reason());
            }
            System.err.println(table.summary());
            return 0;
        }
        double[] values = fx.extract(WavReader.read(audio));
        ObjectNode json = ModelFiles.JSON.createObjectNode();
        json.put("file", audio.toString());
        json.put("extractor", fx.name());
        ObjectNode features = json.putObject("features");
        List<String> names = fx.featureNames();
        for (int j = 0; j < values.length; j++) {
            features.put(names.get(j), values[j]);
        }
        Output.write(out, ModelFiles.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json)
                + System.lineSeparator());
        return 0;
    }
}
