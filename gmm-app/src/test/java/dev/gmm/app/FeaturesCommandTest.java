package dev.gmm.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code gmm features}: JSON for one WAV, CSV for a folder, bad files skipped and counted. */
class FeaturesCommandTest {
    @TempDir
    Path dir;

    /** A 0.5 s mono 16-bit PCM tone. */
    static void writeTone(Path file, double hz) throws Exception {
        int rate = 16000;
        int n = rate / 2;
        ByteBuffer b = ByteBuffer.allocate(44 + 2 * n).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + 2 * n).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate).putInt(2 * rate)
                .putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes()).putInt(2 * n);
        for (int i = 0; i < n; i++) {
            b.putShort((short) (8000 * Math.sin(2 * Math.PI * hz * i / rate)));
        }
        Files.write(file, b.array());
    }

    @Test
    void oneFileGivesTheTwentySevenFeaturesAsJson() throws Exception {
        writeTone(dir.resolve("a.wav"), 440);
        assertThat(Main.run("features", "--audio", dir.resolve("a.wav").toString(), "--out",
                dir.resolve("a.json").toString())).isZero();
        JsonNode json = new ObjectMapper().readTree(dir.resolve("a.json").toFile());
        assertThat(json.get("features").size()).isEqualTo(27);
        // a 440 Hz tone: chroma A dominates
        assertThat(json.get("features").get("chroma_A").asDouble()).isGreaterThan(json.get("features").get("chroma_C").asDouble());
    }

    @Test
    void aFolderGivesOneCsvRowPerGoodFileAndSkipsBadOnes() throws Exception {
        writeTone(dir.resolve("a.wav"), 440);
        writeTone(dir.resolve("b.wav"), 262);
        Files.writeString(dir.resolve("broken.wav"), "not audio");
        assertThat(Main.run("features", "--audio", dir.toString(), "--out", dir.resolve("f.csv").toString())).isZero();
        List<String> lines = Files.readAllLines(dir.resolve("f.csv"));
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).split(",")).hasSize(28);
    }

    @Test
    void aMissingFileIsAUserError() {
        assertThat(Main.run("features", "--audio", dir.resolve("missing.wav").toString())).isEqualTo(Main.USAGE_ERROR);
    }
}
