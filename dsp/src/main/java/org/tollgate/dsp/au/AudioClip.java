package org.tollgate.dsp.au;

import org.tollgate.dsp.pcm.Pcm;

/**
 * Decoded audio: mono 16-bit linear samples (multi-channel input is averaged), the file's sample rate
 * and encoding, and its annotation (the text after the {@code .au} header, or empty).
 */
public record AudioClip(int sampleRate, SampleEncoding encoding, short[] samples, String annotation) {

    /** The source encoding of the file's samples. */
    public enum SampleEncoding { ULAW, ALAW, LINEAR8, LINEAR16 }

    /** Duration in milliseconds. */
    public long durationMs() {
        return samples.length * 1000L / sampleRate;
    }

    /**
     * The samples at 8 kHz: unchanged when the file is already 8 kHz, otherwise resampled by linear
     * interpolation after a moving-average low-pass (adequate for speech prompts, not for hi-fi).
     */
    public short[] telephonySamples() {
        if (sampleRate == Pcm.SAMPLE_RATE) {
            return samples;
        }
        double ratio = (double) sampleRate / Pcm.SAMPLE_RATE;
        short[] src = samples;
        if (ratio > 1.0) {
            int taps = (int) Math.ceil(ratio);
            src = new short[samples.length];
            long acc = 0;
            for (int i = 0; i < samples.length; i++) {
                acc += samples[i];
                if (i >= taps) {
                    acc -= samples[i - taps];
                }
                src[i] = (short) (acc / Math.min(i + 1, taps));
            }
        }
        int n = (int) (samples.length / ratio);
        short[] out = new short[n];
        for (int i = 0; i < n; i++) {
            double pos = i * ratio;
            int j = (int) pos;
            double frac = pos - j;
            int next = Math.min(j + 1, src.length - 1);
            out[i] = Pcm.clip(src[j] * (1 - frac) + src[next] * frac);
        }
        return out;
    }
}
