package dev.gmm.spark.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWriter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Saving and loading a stage: {@code metadata/part-00000} in Spark's own layout (class, uid, sparkVersion,
 * paramMap of JSON-encoded values), so a {@code Pipeline} holding the stage saves and loads as usual, and
 * for a model {@code model.json}, gmm's model file, which {@code gmm predict --model PATH/model.json} reads
 * as it is. Files go through Hadoop's FileSystem, so any path Spark can write (HDFS, S3, local) works.
 */
public final class ParamsFiles {
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String MODEL_FILE = "model.json";

    private ParamsFiles() {
    }

    /** A writer of the stage's params, and of {@code modelJson} as model.json when not null. */
    public static MLWriter writer(Params stage, String modelJson) {
        return new MLWriter() {
            @Override
            public void saveImpl(String path) {
                ObjectNode meta = JSON.createObjectNode();
                meta.put("class", stage.getClass().getName());
                meta.put("timestamp", System.currentTimeMillis());
                meta.put("sparkVersion", sc().version());
                meta.put("uid", stage.uid());
                // as Spark's DefaultParamsWriter: what the user set, and the defaults of the writing version
                ObjectNode set = meta.putObject("paramMap");
                ObjectNode defaults = meta.putObject("defaultParamMap");
                for (Param<?> param : stage.params()) {
                    @SuppressWarnings("unchecked")
                    Param<Object> p = (Param<Object>) param;
                    if (stage.isSet(p)) {
                        set.set(p.name(), parse(p.jsonEncode(stage.getOrDefault(p))));
                    } else if (stage.hasDefault(p)) {
                        defaults.set(p.name(), parse(p.jsonEncode(stage.getOrDefault(p))));
                    }
                }
                Configuration conf = sc().hadoopConfiguration();
                write(new Path(new Path(path, "metadata"), "part-00000"), meta.toString(), conf);
                if (modelJson != null) {
                    write(new Path(path, MODEL_FILE), modelJson, conf);
                }
            }
        };
    }

    /** A reader that creates the stage from its uid and model.json (null for an estimator), then sets its params. */
    public static <T extends Params> MLReader<T> reader(BiFunction<String, String, T> create) {
        return new MLReader<>() {
            @Override
            public T load(String path) {
                Configuration conf = sparkSession().sparkContext().hadoopConfiguration();
                JsonNode meta = parse(read(new Path(new Path(path, "metadata"), "part-00000"), conf));
                Path model = new Path(path, MODEL_FILE);
                String modelJson = exists(model, conf) ? read(model, conf) : null;
                T stage = create.apply(meta.get("uid").asText(), modelJson);
                Iterator<Map.Entry<String, JsonNode>> params = meta.get("paramMap").fields();
                while (params.hasNext()) {
                    Map.Entry<String, JsonNode> e = params.next();
                    if (stage.hasParam(e.getKey())) {
                        Param<Object> p = stage.getParam(e.getKey());
                        stage.set(p, p.jsonDecode(e.getValue().toString()));
                    }
                }
                return stage;
            }
        };
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
    }

    private static void write(Path file, String text, Configuration conf) {
        try (FSDataOutputStream out = file.getFileSystem(conf).create(file, true)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean exists(Path file, Configuration conf) {
        try {
            return file.getFileSystem(conf).exists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file, Configuration conf) {
        try (InputStream in = FileSystem.get(file.toUri(), conf).open(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (is it a saved gmm-spark stage?): "
                    + e.getMessage(), e);
        }
    }
}
