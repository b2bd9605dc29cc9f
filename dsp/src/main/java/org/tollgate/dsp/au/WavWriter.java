package org.tollgate.dsp.au;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.tollgate.dsp.pcm.Pcm;

/** Writes 8 kHz mono 16-bit PCM WAVE files. */
public final class WavWriter {
    private WavWriter() {}

    /** A canonical 44-byte-header WAVE file of {@code pcm} at 8 kHz. */
    public static byte[] pcm16(short[] pcm) {
        int data = pcm.length * 2;
        ByteBuffer b = ByteBuffer.allocate(44 + data).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {'R', 'I', 'F', 'F'}).putInt(36 + data).put(new byte[] {'W', 'A', 'V', 'E'});
        b.put(new byte[] {'f', 'm', 't', ' '}).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(Pcm.SAMPLE_RATE).putInt(Pcm.SAMPLE_RATE * 2).putShort((short) 2).putShort((short) 16);
        b.put(new byte[] {'d', 'a', 't', 'a'}).putInt(data);
        for (short s : pcm) {
            b.putShort(s);
        }
        return b.array();
    }
}
