package org.tollgate.dsp.au;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.tollgate.dsp.g711.G711;
import org.tollgate.dsp.pcm.Pcm;

/** Writes 8 kHz mono {@code .au} files (μ-law or 16-bit linear) with an optional annotation. */
public final class AuWriter {
    private AuWriter() {}

    /** An 8 kHz mono μ-law {@code .au} file of {@code pcm}, with no annotation. */
    public static byte[] ulaw(short[] pcm) {
        return ulaw(pcm, "");
    }

    /** An 8 kHz mono μ-law {@code .au} file of {@code pcm} with {@code annotation} in the header. */
    public static byte[] ulaw(short[] pcm, String annotation) {
        return write(G711.encodeUlaw(pcm), 1, annotation);
    }

    /** An 8 kHz mono 16-bit big-endian linear {@code .au} file of {@code pcm}. */
    public static byte[] linear16(short[] pcm, String annotation) {
        ByteBuffer data = ByteBuffer.allocate(pcm.length * 2);
        for (short s : pcm) {
            data.putShort(s);
        }
        return write(data.array(), 3, annotation);
    }

    private static byte[] write(byte[] data, int encoding, String annotation) {
        byte[] ann = annotation.getBytes(StandardCharsets.ISO_8859_1);
        // the annotation is NUL-terminated and padded to a multiple of 8 bytes (at least 4, as sox does)
        int annLen = Math.max(4, (ann.length + 1 + 7) / 8 * 8);
        int offset = 24 + annLen;
        ByteBuffer b = ByteBuffer.allocate(offset + data.length);
        b.putInt(AuReader.MAGIC).putInt(offset).putInt(data.length).putInt(encoding)
                .putInt(Pcm.SAMPLE_RATE).putInt(1);
        b.put(ann);
        b.position(offset);
        b.put(data);
        return b.array();
    }
}
