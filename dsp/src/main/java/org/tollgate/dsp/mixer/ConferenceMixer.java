package org.tollgate.dsp.mixer;

import java.util.Objects;

/**
 * The N-party conference mixer: linear PCM sum with saturation. For one frame time, given each
 * party's input frame (8 kHz, 16-bit signed linear, any length, a missing/short frame counts as
 * silence), {@link #mix(short[][])} returns one output frame per party holding the sum of every
 * <em>other</em> party's samples ("minus itself", so nobody hears their own echo), clipped to
 * {@code [-32768, 32767]}.
 *
 * <p>The total is summed once in {@code int} and each party's own sample subtracted, so a frame
 * costs O(N × samples) rather than O(N² × samples). Stateless and thread-safe.
 *
 * <p>Limits: at most {@link #MAX_PARTIES} parties (default 32, the IOS software conference limit
 * of {@code max-conferences} × 8 parties is far below it).
 */
public final class ConferenceMixer {
    /** Upper bound on parties per mix (sums stay far inside {@code int}). */
    public static final int MAX_PARTIES = 32;

    private ConferenceMixer() {
    }

    /**
     * Mixes one frame time.
     *
     * @param inputs one frame per party ({@code null} or shorter frames are padded with silence)
     * @return one frame per party, each as long as the longest input, holding the others' sum
     */
    public static short[][] mix(short[][] inputs) {
        Objects.requireNonNull(inputs, "inputs");
        if (inputs.length > MAX_PARTIES) {
            throw new IllegalArgumentException("at most " + MAX_PARTIES + " parties, got " + inputs.length);
        }
        int len = 0;
        for (short[] in : inputs) {
            if (in != null) {
                len = Math.max(len, in.length);
            }
        }
        int[] total = new int[len];
        for (short[] in : inputs) {
            if (in != null) {
                for (int i = 0; i < in.length; i++) {
                    total[i] += in[i];
                }
            }
        }
        short[][] out = new short[inputs.length][len];
        for (int p = 0; p < inputs.length; p++) {
            short[] own = inputs[p];
            short[] o = out[p];
            for (int i = 0; i < len; i++) {
                int v = total[i] - (own != null && i < own.length ? own[i] : 0);
                o[i] = clip(v);
            }
        }
        return out;
    }

    /** Saturates {@code v} to the 16-bit range. */
    public static short clip(int v) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
    }
}
