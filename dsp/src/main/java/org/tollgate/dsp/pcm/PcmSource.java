package org.tollgate.dsp.pcm;

/**
 * A pull source of 8 kHz linear PCM: tones, prompts, generated digits. Sources are read by one thread
 * at a time (the RTP pacer or an analog-port writer).
 */
public interface PcmSource {
    /**
     * Fills up to {@code len} samples into {@code buf[off]}; returns how many were written, or −1 when the
     * source has ended (infinite sources never end).
     */
    int read(short[] buf, int off, int len);

    /** A finite source over a fixed buffer. */
    static PcmSource of(short[] pcm) {
        return new PcmSource() {
            private int pos;

            @Override
            public int read(short[] buf, int off, int len) {
                if (pos >= pcm.length) {
                    return -1;
                }
                int n = Math.min(len, pcm.length - pos);
                System.arraycopy(pcm, pos, buf, off, n);
                pos += n;
                return n;
            }
        };
    }

    /** Reads the whole (finite) source, or at most {@code maxSamples}. */
    static short[] drain(PcmSource src, int maxSamples) {
        short[] out = new short[maxSamples];
        int n = 0;
        while (n < maxSamples) {
            int r = src.read(out, n, Math.min(Pcm.FRAME_SAMPLES, maxSamples - n));
            if (r < 0) {
                break;
            }
            n += r;
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
