package org.tollgate.dsp.tone;

import org.tollgate.dsp.pcm.Pcm;
import org.tollgate.dsp.pcm.PcmSource;

/**
 * An endless single-frequency sine at a fixed level: a test tone a simulated phone sends into a
 * conference (for example 600, 1000 and 1400 Hz, one per party) so that what each party hears can
 * be taken apart with {@link ToneMeter}. Phase-continuous across reads; never ends.
 */
public final class SineSource implements PcmSource {
    private final double step;
    private final double peak;
    private long n;

    /**
     * @param hz   frequency, 1 .. 3999 Hz (below the 8 kHz Nyquist limit)
     * @param dbm0 level in dBm0 (for example -10; 0 dBm0 peaks at {@value Pcm#ZERO_DBM0_PEAK})
     */
    public SineSource(double hz, double dbm0) {
        if (!(hz > 0 && hz < Pcm.SAMPLE_RATE / 2.0)) {
            throw new IllegalArgumentException("frequency must be in (0, 4000) Hz: " + hz);
        }
        this.step = 2 * Math.PI * hz / Pcm.SAMPLE_RATE;
        this.peak = Pcm.sinePeak(dbm0);
    }

    @Override
    public int read(short[] buf, int off, int len) {
        for (int i = 0; i < len; i++) {
            buf[off + i] = Pcm.clip(peak * Math.sin(step * n++));
        }
        return len;
    }
}
