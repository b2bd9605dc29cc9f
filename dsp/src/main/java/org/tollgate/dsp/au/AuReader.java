package org.tollgate.dsp.au;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.tollgate.dsp.g711.G711;

/**
 * Reads Sun/NeXT {@code .au} audio: big-endian header {@code .snd}, data offset, data size (or
 * {@code 0xFFFFFFFF} for "to end of file"), encoding, sample rate, channels, then an optional annotation
 * up to the data offset.
 *
 * <p>Supported encodings: 1 (8-bit G.711 μ-law), 2 (8-bit linear), 3 (16-bit linear), 27 (8-bit G.711
 * A-law). Any data offset ≥ 24 is honoured. Limits: at most {@value #MAX_CHANNELS} channels, sample
 * rates 1000..192000 Hz; a data size larger than the file is truncated to the file (sox and others
 * write such files when interrupted).
 */
public final class AuReader {
    /** The {@code .snd} magic number. */
    public static final int MAGIC = 0x2e736e64;
    /** Largest channel count accepted. */
    public static final int MAX_CHANNELS = 8;

    private AuReader() {}

    /** Decodes a whole {@code .au} file. */
    public static AudioFileResult read(byte[] file) {
        if (file.length < 24) {
            return new AudioFileResult.Invalid("shorter than the 24-byte .au header", file.length);
        }
        ByteBuffer b = ByteBuffer.wrap(file);
        if (b.getInt(0) != MAGIC) {
            return new AudioFileResult.Invalid("not an .au file (no .snd magic)", 0);
        }
        long offset = Integer.toUnsignedLong(b.getInt(4));
        long size = Integer.toUnsignedLong(b.getInt(8));
        int encoding = b.getInt(12);
        int rate = b.getInt(16);
        int channels = b.getInt(20);
        if (offset < 24 || offset > file.length) {
            return new AudioFileResult.Invalid("data offset " + offset + " outside the file", 4);
        }
        if (rate < 1000 || rate > 192_000) {
            return new AudioFileResult.Invalid("unsupported sample rate " + rate, 16);
        }
        if (channels < 1 || channels > MAX_CHANNELS) {
            return new AudioFileResult.Invalid("unsupported channel count " + channels, 20);
        }
        int start = (int) offset;
        long available = file.length - offset;
        int len = (int) (size == 0xFFFF_FFFFL ? available : Math.min(size, available));
        String annotation = annotation(file, 24, start);
        return switch (encoding) {
            case 1 -> ok(rate, AudioClip.SampleEncoding.ULAW, decode8(file, start, len, channels, true), annotation);
            case 27 -> ok(rate, AudioClip.SampleEncoding.ALAW, decode8(file, start, len, channels, false), annotation);
            case 2 -> ok(rate, AudioClip.SampleEncoding.LINEAR8, linear8(file, start, len, channels), annotation);
            case 3 -> ok(rate, AudioClip.SampleEncoding.LINEAR16, linear16(file, start, len, channels), annotation);
            default -> new AudioFileResult.Invalid("unsupported .au encoding " + encoding, 12);
        };
    }

    private static AudioFileResult ok(int rate, AudioClip.SampleEncoding enc, short[] pcm, String annotation) {
        return new AudioFileResult.Ok(new AudioClip(rate, enc, pcm, annotation));
    }

    private static String annotation(byte[] file, int from, int to) {
        int end = from;
        while (end < to && file[end] != 0) {
            end++;
        }
        return new String(file, from, end - from, StandardCharsets.ISO_8859_1);
    }

    private static short[] decode8(byte[] f, int start, int len, int ch, boolean ulaw) {
        int frames = len / ch;
        short[] out = new short[frames];
        for (int i = 0; i < frames; i++) {
            int sum = 0;
            for (int c = 0; c < ch; c++) {
                byte code = f[start + i * ch + c];
                sum += ulaw ? G711.ulawToLinear(code) : G711.alawToLinear(code);
            }
            out[i] = (short) (sum / ch);
        }
        return out;
    }

    private static short[] linear8(byte[] f, int start, int len, int ch) {
        int frames = len / ch;
        short[] out = new short[frames];
        for (int i = 0; i < frames; i++) {
            int sum = 0;
            for (int c = 0; c < ch; c++) {
                sum += f[start + i * ch + c] << 8;
            }
            out[i] = (short) (sum / ch);
        }
        return out;
    }

    private static short[] linear16(byte[] f, int start, int len, int ch) {
        int frames = len / (2 * ch);
        short[] out = new short[frames];
        for (int i = 0; i < frames; i++) {
            int sum = 0;
            for (int c = 0; c < ch; c++) {
                int p = start + 2 * (i * ch + c);
                sum += (short) ((f[p] << 8) | (f[p + 1] & 0xFF));
            }
            out[i] = (short) (sum / ch);
        }
        return out;
    }
}
