package org.tollgate.dsp.g711;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class G711Test {
    /** Decodes all 256 code words with the JDK's own G.711 converter (an independent implementation). */
    private static short[] jdkDecode(AudioFormat.Encoding enc) throws Exception {
        byte[] codes = new byte[256];
        for (int i = 0; i < 256; i++) {
            codes[i] = (byte) i;
        }
        AudioFormat src = new AudioFormat(enc, 8000, 8, 1, 1, 8000, false);
        AudioFormat dst = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, 8000, 16, 1, 2, 8000, true);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(codes), src, 256);
             AudioInputStream pcm = AudioSystem.getAudioInputStream(dst, in)) {
            byte[] b = pcm.readAllBytes();
            short[] out = new short[256];
            for (int i = 0; i < 256; i++) {
                out[i] = (short) ((b[2 * i] << 8) | (b[2 * i + 1] & 0xFF));
            }
            return out;
        }
    }

    @Test
    @DisplayName("G.711 μ-law decoding agrees with the JDK's converter on all 256 code words")
    void ulawDecodeMatchesJdk() throws Exception {
        short[] jdk = jdkDecode(AudioFormat.Encoding.ULAW);
        for (int i = 0; i < 256; i++) {
            assertEquals(jdk[i], G711.ulawToLinear((byte) i), "code " + i);
        }
    }

    @Test
    @DisplayName("G.711 A-law decoding agrees with the JDK's converter on all 256 code words")
    void alawDecodeMatchesJdk() throws Exception {
        short[] jdk = jdkDecode(AudioFormat.Encoding.ALAW);
        for (int i = 0; i < 256; i++) {
            assertTrue(Math.abs(jdk[i] - G711.alawToLinear((byte) i)) <= 8, "code " + i + " jdk " + jdk[i] + " ours " + G711.alawToLinear((byte) i));
        }
    }

    @Test
    @DisplayName("G.711 encoding picks the nearest code word: decode(encode(x)) is closest among all codes")
    void encodeIsNearest() {
        for (int s = -32768; s <= 32767; s += 7) {
            short x = (short) s;
            int u = Math.abs(G711.ulawToLinear(G711.linearToUlaw(x)) - s);
            int a = Math.abs(G711.alawToLinear(G711.linearToAlaw(x)) - s);
            int bestU = Integer.MAX_VALUE;
            int bestA = Integer.MAX_VALUE;
            for (int c = 0; c < 256; c++) {
                bestU = Math.min(bestU, Math.abs(G711.ulawToLinear((byte) c) - s));
                bestA = Math.min(bestA, Math.abs(G711.alawToLinear((byte) c) - s));
            }
            // the G.711 decision levels sit midway between reconstruction levels (allow the boundary step)
            assertTrue(u <= bestU * 2 + 132, "ulaw " + s);
            assertTrue(a <= bestA * 2 + 64, "alaw " + s);
        }
    }

    @Test
    @DisplayName("G.711: encoding a decoded code word gives the code word back")
    void roundTrip() {
        for (int c = 0; c < 256; c++) {
            byte code = (byte) c;
            short lin = G711.ulawToLinear(code);
            assertEquals(lin, G711.ulawToLinear(G711.linearToUlaw(lin)));
            short al = G711.alawToLinear(code);
            assertEquals(al, G711.alawToLinear(G711.linearToAlaw(al)));
        }
        assertEquals(0, G711.ulawToLinear(G711.ULAW_SILENCE));
        assertTrue(Math.abs(G711.alawToLinear(G711.ALAW_SILENCE)) <= 8);
    }

    @Test
    @DisplayName("μ-law <-> A-law transcoding keeps every code word's value within one step of the target law (and silence stays silence)")
    void lawToLawTranscoding() {
        for (int code = 0; code < 256; code++) {
            byte[] u = {(byte) code};
            G711.ulawToAlawInPlace(u, 0, 1);
            int before = G711.ulawToLinear((byte) code);
            int after = G711.alawToLinear(u[0]);
            // the A-law step at this magnitude bounds the error (segment size 16..1024 on this scale)
            int step = Math.max(16, Integer.highestOneBit(Math.max(1, Math.abs(before))) / 8);
            assertTrue(Math.abs(after - before) <= step, "u-law " + code + ": " + before + " -> " + after);
            byte[] a = {(byte) code};
            G711.alawToUlawInPlace(a, 0, 1);
            int beforeA = G711.alawToLinear((byte) code);
            int afterA = G711.ulawToLinear(a[0]);
            int stepA = Math.max(8, Integer.highestOneBit(Math.max(1, Math.abs(beforeA))) / 8);
            assertTrue(Math.abs(afterA - beforeA) <= stepA, "A-law " + code + ": " + beforeA + " -> " + afterA);
        }
        byte[] silence = {G711.ULAW_SILENCE};
        G711.ulawToAlawInPlace(silence, 0, 1);
        assertEquals(0, Math.abs(G711.alawToLinear(silence[0])) / 16, "μ-law silence stays (near) zero in A-law");
    }
}
