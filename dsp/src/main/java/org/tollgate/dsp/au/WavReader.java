package org.tollgate.dsp.au;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.tollgate.dsp.g711.G711;

/**
 * Reads RIFF/WAVE files: format 1 (PCM, 8-bit unsigned or 16-bit), 6 (A-law), 7 (μ-law) and
 * WAVE_FORMAT_EXTENSIBLE with one of those sub-formats; unknown chunks are skipped. At most
 * {@value AuReader#MAX_CHANNELS} channels (averaged to mono).
 */
public final class WavReader {
    private WavReader() {}

    /** True when {@code file} starts like a WAVE file. */
    public static boolean isWav(byte[] file) {
        return file.length >= 12 && file[0] == 'R' && file[1] == 'I' && file[2] == 'F' && file[3] == 'F'
                && file[8] == 'W' && file[9] == 'A' && file[10] == 'V' && file[11] == 'E';
    }

    /** Decodes a whole WAVE file. */
    public static AudioFileResult read(byte[] file) {
        if (!isWav(file)) {
            return new AudioFileResult.Invalid("not a RIFF/WAVE file", 0);
        }
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int pos = 12;
        int format = -1;
        int channels = 0;
        int rate = 0;
        int bits = 0;
        while (pos + 8 <= file.length) {
            String id = new String(file, pos, 4, java.nio.charset.StandardCharsets.US_ASCII);
            long size = Integer.toUnsignedLong(b.getInt(pos + 4));
            int body = pos + 8;
            if (id.equals("fmt ")) {
                if (size < 16 || body + 16 > file.length) {
                    return new AudioFileResult.Invalid("fmt chunk too short", pos);
                }
                format = b.getShort(body) & 0xFFFF;
                channels = b.getShort(body + 2) & 0xFFFF;
                rate = b.getInt(body + 4);
                bits = b.getShort(body + 14) & 0xFFFF;
                if (format == 0xFFFE && size >= 40 && body + 26 <= file.length) {
                    format = b.getShort(body + 24) & 0xFFFF;
                }
            } else if (id.equals("data")) {
                if (format < 0) {
                    return new AudioFileResult.Invalid("data chunk before fmt chunk", pos);
                }
                if (channels < 1 || channels > AuReader.MAX_CHANNELS || rate < 1000 || rate > 192_000) {
                    return new AudioFileResult.Invalid("unsupported channels/rate " + channels + "/" + rate, pos);
                }
                int len = (int) Math.min(size, file.length - body);
                return decode(file, body, len, format, bits, channels, rate);
            }
            pos = (int) Math.min(file.length, body + size + (size & 1));
        }
        return new AudioFileResult.Invalid("no data chunk", pos);
    }

    private static AudioFileResult decode(byte[] f, int start, int len, int format, int bits, int ch, int rate) {
        int bytesPer = format == 1 ? bits / 8 : 1;
        if (!((format == 1 && (bits == 8 || bits == 16)) || ((format == 6 || format == 7) && bits == 8))) {
            return new AudioFileResult.Invalid("unsupported WAVE format " + format + " with " + bits + " bits", 20);
        }
        int frames = len / (bytesPer * ch);
        short[] out = new short[frames];
        for (int i = 0; i < frames; i++) {
            int sum = 0;
            for (int c = 0; c < ch; c++) {
                int p = start + (i * ch + c) * bytesPer;
                sum += switch (format) {
                    case 6 -> G711.alawToLinear(f[p]);
                    case 7 -> G711.ulawToLinear(f[p]);
                    default -> bits == 8 ? ((f[p] & 0xFF) - 128) << 8 : (short) ((f[p] & 0xFF) | (f[p + 1] << 8));
                };
            }
            out[i] = (short) (sum / ch);
        }
        AudioClip.SampleEncoding enc = switch (format) {
            case 6 -> AudioClip.SampleEncoding.ALAW;
            case 7 -> AudioClip.SampleEncoding.ULAW;
            default -> bits == 8 ? AudioClip.SampleEncoding.LINEAR8 : AudioClip.SampleEncoding.LINEAR16;
        };
        return new AudioFileResult.Ok(new AudioClip(rate, enc, out, ""));
    }
}
