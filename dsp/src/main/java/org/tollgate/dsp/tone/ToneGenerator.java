package org.tollgate.dsp.tone;

import java.util.List;
import org.tollgate.dsp.pcm.Pcm;
import org.tollgate.dsp.pcm.PcmSource;

/**
 * An endless, phase-continuous {@link PcmSource} of a {@link CallProgressTone} with its cadence, for an
 * analog port or (μ-law encoded) an RTP stream. Stop it by no longer reading.
 */
public final class ToneGenerator implements PcmSource {
    private final CallProgressTone tone;
    private final double w1;
    private final double w2;
    private final double a1;
    private final double a2;
    private final int[] cadence;
    private final int period;
    private long n;

    /** A generator for {@code tone} at its standard level. */
    public ToneGenerator(CallProgressTone tone) {
        this.tone = tone;
        this.w1 = 2 * Math.PI * tone.lowHz() / Pcm.SAMPLE_RATE;
        this.w2 = 2 * Math.PI * tone.highHz() / Pcm.SAMPLE_RATE;
        this.a1 = Pcm.sinePeak(tone.dbm0());
        this.a2 = Pcm.sinePeak(tone.dbm0());
        List<Integer> c = tone.cadenceMs();
        this.cadence = new int[c.size()];
        int p = 0;
        for (int i = 0; i < c.size(); i++) {
            cadence[i] = Pcm.samples(c.get(i));
            p += cadence[i];
        }
        this.period = p;
    }

    /** The tone generated. */
    public CallProgressTone tone() {
        return tone;
    }

    @Override
    public int read(short[] buf, int off, int len) {
        for (int i = 0; i < len; i++, n++) {
            buf[off + i] = on(n) ? Pcm.clip(a1 * Math.sin(w1 * n) + a2 * Math.sin(w2 * n)) : 0;
        }
        return len;
    }

    private boolean on(long sample) {
        if (period == 0) {
            return true;
        }
        long t = sample % period;
        for (int i = 0; i < cadence.length; i++) {
            if (t < cadence[i]) {
                return i % 2 == 0;
            }
            t -= cadence[i];
        }
        return false;
    }

    /** {@code ms} of {@code tone} from its start (convenience for tests and fixed-length plays). */
    public static short[] render(CallProgressTone tone, int ms) {
        short[] out = new short[Pcm.samples(ms)];
        new ToneGenerator(tone).read(out, 0, out.length);
        return out;
    }
}
