package dev.gmm.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmm.audio.spi.FeatureExtractor;
import dev.gmm.core.Plugins;
import dev.gmm.core.ProgressListener;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad WAV files fail with a message naming the file; a folder skips and reports them. */
class BadInputTest {

    /** A minimal WAV with the given format tag, bits, channels and raw data; dataSize may lie. */
    static byte[] wav(int tag, int bits, int channels, byte[] data, int dataSizeInHeader, boolean oddChunk) {
        int extra = oddChunk ? 8 + 3 + 1 : 0;
        ByteBuffer b = ByteBuffer.allocate(12 + 24 + extra + 8 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x46464952).putInt(b.capacity() - 8).putInt(0x45564157);
        b.putInt(0x20746d66).putInt(16).putShort((short) tag).putShort((short) channels).putInt(8000)
                .putInt(8000 * channels * bits / 8).putShort((short) (channels * bits / 8)).putShort((short) bits);
        if (oddChunk) {
            b.putInt(0x5453494c).putInt(3).put(new byte[] {1, 2, 3}).put((byte) 0); // "LIST", 3 bytes + pad
        }
        b.putInt(0x61746164).putInt(dataSizeInHeader).put(data);
        return b.array();
    }

    static byte[] pcm16(short... s) {
        ByteBuffer b = ByteBuffer.allocate(s.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short v : s) b.putShort(v);
        return b.array();
    }

    @Test
    void decodesPcm16StereoAsFloatMeanAndSkipsOddChunks() throws IOException {
        AudioSignal s = WavReader.decode("t.wav", wav(1, 16, 2, pcm16((short) 16384, (short) 0, (short) -32768, (short) -32768), 8, true));
        assertThat(s.samples()).containsExactly(0.25f, -1.0f);
        assertThat(s.sampleRate()).isEqualTo(8000);
    }

    @Test
    void notAWavFileIsRejectedByName(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("notes.wav");
        Files.writeString(f, "this is plain text, not RIFF audio");
        assertThatThrownBy(() -> WavReader.read(f)).isInstanceOf(IOException.class)
                .hasMessageContaining("notes.wav").hasMessageContaining("not a WAV");
    }

    @Test
    void truncatedDataChunkIsRejected() {
        assertThatThrownBy(() -> WavReader.decode("cut.wav", wav(1, 16, 1, pcm16((short) 1, (short) 2), 400, false)))
                .isInstanceOf(IOException.class).hasMessageContaining("cut.wav").hasMessageContaining("truncated");
    }

    @Test
    void adpcmAndMuLawAreUnsupportedEncodings() {
        assertThatThrownBy(() -> WavReader.decode("adpcm.wav", wav(2, 4, 1, new byte[8], 8, false)))
                .isInstanceOf(IOException.class).hasMessageContaining("adpcm.wav").hasMessageContaining("ADPCM");
        assertThatThrownBy(() -> WavReader.decode("ulaw.wav", wav(7, 8, 1, new byte[8], 8, false)))
                .isInstanceOf(IOException.class).hasMessageContaining("ulaw.wav").hasMessageContaining("mu-law");
    }

    @Test
    void zeroSamplesAreRejected() {
        assertThatThrownBy(() -> WavReader.decode("empty.wav", wav(1, 16, 1, new byte[0], 0, false)))
                .isInstanceOf(IOException.class).hasMessageContaining("empty.wav").hasMessageContaining("zero samples");
    }

    @Test
    void speech27IsFoundThroughTheServiceLoader() {
        assertThat(ServiceLoader.load(FeatureExtractor.class).stream().map(p -> p.get().name()))
                .contains("speech27");
    }

    @Test
    void featureExtractorsAreAKindOfTheCoresRegistry() {
        assertThat(Plugins.kinds()).contains(FeatureExtractor.class);
        assertThat(Plugins.everything().get(FeatureExtractor.class)).extracting(p -> p.name()).contains("speech27");
        assertThat(Plugins.find(FeatureExtractor.class, "speech27")).isSameAs(FeatureExtractors.find("speech27"));
        assertThat(Plugins.kindName(FeatureExtractor.class)).isEqualTo("feature extractor");
        assertThatThrownBy(() -> FeatureExtractors.find("speech28")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no feature extractor named 'speech28': choose one of [").hasMessageContaining("speech27");
    }

    @Test
    void aFolderSkipsAndReportsBadFiles(@TempDir Path dir) throws IOException {
        Path wavs = LibrosaFixturesTest.ROOT.resolve("wav");
        Files.copy(wavs.resolve("sine_440_660_22050_s16_mono.wav"), dir.resolve("a.wav"));
        Files.copy(wavs.resolve("edge_short_1000samples_22050_s16_mono.wav"), dir.resolve("b.wav"));
        Files.writeString(dir.resolve("c.wav"), "garbage");
        Files.write(dir.resolve("d.wav"), wav(7, 8, 1, new byte[8], 8, false));
        AtomicLong advanced = new AtomicLong();
        ProgressListener counting = new ProgressListener() {
            @Override public void start(String task, long total) { assertThat(total).isEqualTo(4); }
            @Override public void advance(long n) { advanced.addAndGet(n); }
            @Override public void finish() { }
        };
        FeatureExtractor speech = ServiceLoader.load(FeatureExtractor.class).stream().map(ServiceLoader.Provider::get)
                .filter(e -> e.name().equals("speech27")).findFirst().orElseThrow();
        FeatureTable t = FeatureTable.extractFolder(dir, speech, counting);
        assertThat(advanced).hasValue(4);
        assertThat(t.files()).containsExactly(dir.resolve("a.wav"), dir.resolve("b.wav"));
        assertThat(t.features().rows()).isEqualTo(2);
        assertThat(t.features().cols()).isEqualTo(27);
        assertThat(t.featureNames()).hasSize(27).startsWith("energy", "zcr_mean", "chroma_C");
        assertThat(t.skipped()).extracting(FeatureTable.Skipped::file).containsExactly(dir.resolve("c.wav"), dir.resolve("d.wav"));
        assertThat(t.skipped().get(1).reason()).contains("mu-law");
        assertThat(t.summary()).isEqualTo("2 files featurized, 2 skipped");
    }
}
