package org.tollgate.dsp.g711;

import net.sf.fmj.media.codec.audio.alaw.ALawDecoderUtil;
import net.sf.fmj.media.codec.audio.alaw.ALawEncoderUtil;
import net.sf.fmj.media.codec.audio.ulaw.MuLawDecoderUtil;
import net.sf.fmj.media.codec.audio.ulaw.MuLawEncoderUtil;

/**
 * ITU-T G.711 μ-law (PCMU, RTP payload type 0) and A-law (PCMA, payload type 8) companding between
 * 8-bit code words and 16-bit linear PCM.
 *
 * <p>The code tables are built once, at class initialisation, from the G.711 utilities of fmj (the
 * media framework libjitsi ships with: {@code MuLawEncoderUtil}, {@code MuLawDecoderUtil},
 * {@code ALawEncoderUtil}, {@code ALawDecoderUtil}); after that every conversion is one array lookup.
 * Linear samples use the 16-bit scale in which the largest μ-law code decodes to ±32124 and the largest
 * A-law code to ±32256.
 */
public final class G711 {
    /** Code word of μ-law silence (positive zero). */
    public static final byte ULAW_SILENCE = (byte) 0xFF;
    /** Code word of A-law silence (positive zero). */
    public static final byte ALAW_SILENCE = (byte) 0xD5;

    private static final short[] ULAW_TO_LINEAR = new short[256];
    private static final short[] ALAW_TO_LINEAR = new short[256];
    private static final byte[] LINEAR_TO_ULAW = new byte[65536];
    private static final byte[] LINEAR_TO_ALAW = new byte[65536];
    private static final byte[] ULAW_TO_ALAW = new byte[256];
    private static final byte[] ALAW_TO_ULAW = new byte[256];

    static {
        for (int code = 0; code < 256; code++) {
            ULAW_TO_LINEAR[code] = MuLawDecoderUtil.muLawDecode((byte) code);
            ALAW_TO_LINEAR[code] = ALawDecoderUtil.aLawDecode((byte) code);
        }
        for (int s = Short.MIN_VALUE; s <= Short.MAX_VALUE; s++) {
            LINEAR_TO_ULAW[s & 0xFFFF] = MuLawEncoderUtil.muLawEncode((short) s);
            LINEAR_TO_ALAW[s & 0xFFFF] = ALawEncoderUtil.aLawEncode((short) s);
        }
        for (int code = 0; code < 256; code++) {
            ULAW_TO_ALAW[code] = LINEAR_TO_ALAW[ULAW_TO_LINEAR[code] & 0xFFFF];
            ALAW_TO_ULAW[code] = LINEAR_TO_ULAW[ALAW_TO_LINEAR[code] & 0xFFFF];
        }
    }

    /**
     * Converts μ-law code words to A-law in place ({@code buf[off..off+len)}), through the linear
     * value (decode, then encode: one table lookup per sample). This is the "transcoding" of a relay
     * between a PCMU and a PCMA leg; it adds at most one quantisation step of the target law.
     */
    public static void ulawToAlawInPlace(byte[] buf, int off, int len) {
        for (int i = off; i < off + len; i++) {
            buf[i] = ULAW_TO_ALAW[buf[i] & 0xFF];
        }
    }

    /** Converts A-law code words to μ-law in place (see {@link #ulawToAlawInPlace}). */
    public static void alawToUlawInPlace(byte[] buf, int off, int len) {
        for (int i = off; i < off + len; i++) {
            buf[i] = ALAW_TO_ULAW[buf[i] & 0xFF];
        }
    }

    private G711() {}

    /** Decodes one μ-law code word to a linear sample. */
    public static short ulawToLinear(byte ulaw) {
        return ULAW_TO_LINEAR[ulaw & 0xFF];
    }

    /** Encodes one linear sample to a μ-law code word. */
    public static byte linearToUlaw(short sample) {
        return LINEAR_TO_ULAW[sample & 0xFFFF];
    }

    /** Decodes one A-law code word to a linear sample. */
    public static short alawToLinear(byte alaw) {
        return ALAW_TO_LINEAR[alaw & 0xFF];
    }

    /** Encodes one linear sample to an A-law code word. */
    public static byte linearToAlaw(short sample) {
        return LINEAR_TO_ALAW[sample & 0xFFFF];
    }

    /** Decodes {@code len} μ-law bytes from {@code in[inOff]} into {@code out[outOff]}. */
    public static void ulawToLinear(byte[] in, int inOff, short[] out, int outOff, int len) {
        for (int i = 0; i < len; i++) {
            out[outOff + i] = ULAW_TO_LINEAR[in[inOff + i] & 0xFF];
        }
    }

    /** Encodes {@code len} linear samples from {@code in[inOff]} into μ-law bytes at {@code out[outOff]}. */
    public static void linearToUlaw(short[] in, int inOff, byte[] out, int outOff, int len) {
        for (int i = 0; i < len; i++) {
            out[outOff + i] = LINEAR_TO_ULAW[in[inOff + i] & 0xFFFF];
        }
    }

    /** Decodes {@code len} A-law bytes from {@code in[inOff]} into {@code out[outOff]}. */
    public static void alawToLinear(byte[] in, int inOff, short[] out, int outOff, int len) {
        for (int i = 0; i < len; i++) {
            out[outOff + i] = ALAW_TO_LINEAR[in[inOff + i] & 0xFF];
        }
    }

    /** Encodes {@code len} linear samples from {@code in[inOff]} into A-law bytes at {@code out[outOff]}. */
    public static void linearToAlaw(short[] in, int inOff, byte[] out, int outOff, int len) {
        for (int i = 0; i < len; i++) {
            out[outOff + i] = LINEAR_TO_ALAW[in[inOff + i] & 0xFFFF];
        }
    }

    /** Whole-array μ-law decode. */
    public static short[] decodeUlaw(byte[] ulaw) {
        short[] out = new short[ulaw.length];
        ulawToLinear(ulaw, 0, out, 0, ulaw.length);
        return out;
    }

    /** Whole-array μ-law encode. */
    public static byte[] encodeUlaw(short[] pcm) {
        byte[] out = new byte[pcm.length];
        linearToUlaw(pcm, 0, out, 0, pcm.length);
        return out;
    }

    /** Whole-array A-law decode. */
    public static short[] decodeAlaw(byte[] alaw) {
        short[] out = new short[alaw.length];
        alawToLinear(alaw, 0, out, 0, alaw.length);
        return out;
    }

    /** Whole-array A-law encode. */
    public static byte[] encodeAlaw(short[] pcm) {
        byte[] out = new byte[pcm.length];
        linearToAlaw(pcm, 0, out, 0, pcm.length);
        return out;
    }
}
