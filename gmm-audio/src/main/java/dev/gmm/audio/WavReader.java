package dev.gmm.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Decodes RIFF/WAVE files the way libsndfile does for librosa: PCM 16/24/32-bit (divided by
 * 2^(bits-1)), IEEE float 32, WAVE_FORMAT_EXTENSIBLE (real format from the SubFormat GUID), any
 * channel count down-mixed to mono by a float32 mean. Unknown chunks are skipped, odd-sized chunks
 * are followed by a pad byte.
 */
public final class WavReader {
    private static final int PCM = 1;
    private static final int IEEE_FLOAT = 3;
    private static final int EXTENSIBLE = 0xFFFE;

    private WavReader() {
    }

    /**
     * Reads a WAV file into a mono signal.
     *
     * @throws IOException when the file is not a WAV, is truncated, uses an unsupported encoding or
     *                     holds zero samples; the message names the file
     */
    public static AudioSignal read(Path file) throws IOException {
        return decode(file.toString(), Files.readAllBytes(file));
    }

    /** Decodes WAV bytes; {@code name} is used in error messages. */
    public static AudioSignal decode(String name, byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 12 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) {
            throw new IOException(name + " is not a WAV file (no RIFF/WAVE header); convert it to WAV first");
        }
        int tag = -1, channels = 0, rate = 0, blockAlign = 0, bits = 0;
        int dataOffset = -1, dataSize = 0;
        long pos = 12;
        while (pos + 8 <= bytes.length) {
            int id = b.getInt((int) pos);
            long size = Integer.toUnsignedLong(b.getInt((int) pos + 4));
            int body = (int) pos + 8;
            if (id == 0x20746d66) { // "fmt "
                if (size < 16 || body + 16 > bytes.length) {
                    throw new IOException(name + ": fmt chunk at byte " + pos + " is too short (" + size + " bytes)");
                }
                tag = Short.toUnsignedInt(b.getShort(body));
                channels = Short.toUnsignedInt(b.getShort(body + 2));
                rate = b.getInt(body + 4);
                blockAlign = Short.toUnsignedInt(b.getShort(body + 12));
                bits = Short.toUnsignedInt(b.getShort(body + 14));
                if (tag == EXTENSIBLE) {
                    if (size < 26 || body + 26 > bytes.length) {
                        throw new IOException(name + ": WAVE_FORMAT_EXTENSIBLE fmt chunk lacks its SubFormat GUID");
                    }
                    tag = Short.toUnsignedInt(b.getShort(body + 24));
                }
            } else if (id == 0x61746164) { // "data"
                if (body + size > bytes.length) {
                    throw new IOException(name + ": data chunk is truncated: header says " + size + " bytes, file has "
                            + (bytes.length - body) + "; re-export or repair the file");
                }
                dataOffset = body;
                dataSize = (int) size;
            }
            pos = body + size + (size & 1);
        }
        if (tag < 0) {
            throw new IOException(name + ": no fmt chunk; not a valid WAV file");
        }
        if (dataOffset < 0) {
            throw new IOException(name + ": no data chunk; not a valid WAV file");
        }
        if (!((tag == PCM && (bits == 16 || bits == 24 || bits == 32)) || (tag == IEEE_FLOAT && bits == 32))) {
            throw new IOException(name + ": unsupported WAV encoding " + encodingName(tag) + " with " + bits
                    + " bits; supported are PCM 16/24/32-bit and IEEE float 32 (convert with e.g. sox)");
        }
        if (channels < 1 || rate <= 0 || blockAlign != channels * (bits / 8)) {
            throw new IOException(name + ": inconsistent fmt chunk (channels " + channels + ", rate " + rate
                    + ", block align " + blockAlign + ", bits " + bits + ")");
        }
        int frames = dataSize / blockAlign;
        if (frames == 0) {
            throw new IOException(name + ": the WAV file holds zero samples");
        }
        float[] mono = new float[frames];
        int bytesPer = bits / 8;
        for (int i = 0; i < frames; i++) {
            int at = dataOffset + i * blockAlign;
            float sum = sample(b, at, tag, bits);
            for (int c = 1; c < channels; c++) {
                sum += sample(b, at + c * bytesPer, tag, bits); // float32 accumulation, as numpy's mean
            }
            mono[i] = channels == 1 ? sum : sum / channels;
        }
        return new AudioSignal(name, mono, rate);
    }

    private static float sample(ByteBuffer b, int at, int tag, int bits) {
        if (tag == IEEE_FLOAT) {
            return b.getFloat(at);
        }
        return switch (bits) {
            case 16 -> (float) (b.getShort(at) / 32768.0);
            case 24 -> {
                int v = (b.get(at) & 0xFF) | ((b.get(at + 1) & 0xFF) << 8) | (b.get(at + 2) << 16);
                yield (float) (v / 8388608.0);
            }
            default -> (float) (b.getInt(at) / 2147483648.0);
        };
    }

    private static String encodingName(int tag) {
        return switch (tag) {
            case 1 -> "PCM";
            case 2 -> "MS ADPCM (format tag 2)";
            case 3 -> "IEEE float";
            case 6 -> "A-law (format tag 6)";
            case 7 -> "mu-law (format tag 7)";
            case 0x11 -> "IMA ADPCM (format tag 0x11)";
            default -> "format tag 0x" + Integer.toHexString(tag);
        };
    }
}
