package org.tollgate.dsp.dtmf;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.tollgate.dsp.pcm.Pcm;

/** Test audio and a one-call detector run. */
final class DtmfTestAudio {
    static final String ALL_DIGITS = "123A456B789C*0#D";

    private DtmfTestAudio() {}

    /** All events of a fresh default detector over {@code pcm}, fed in 160-sample frames, then flushed. */
    static List<DtmfEvent> events(short[] pcm) {
        DtmfDetector det = new DtmfDetector();
        List<DtmfEvent> out = new ArrayList<>();
        for (int off = 0; off < pcm.length; off += 160) {
            out.addAll(det.process(pcm, off, Math.min(160, pcm.length - off)));
        }
        out.addAll(det.flush());
        return out;
    }

    /** The digits of the ended events, as a string. */
    static String digits(short[] pcm) {
        StringBuilder sb = new StringBuilder();
        for (DtmfEvent e : events(pcm)) {
            if (e instanceof DtmfEvent.DigitEnded ended) {
                sb.append(ended.digit().symbol());
            }
        }
        return sb.toString();
    }

    /** {@code lead} samples of silence, the audio, and 100 ms of trailing silence. */
    static short[] padded(int lead, short[] audio) {
        return Pcm.concat(Pcm.silence(lead), audio, Pcm.silence(800));
    }

    /** Adds white Gaussian noise of mean power {@code noisePower} (deterministic by seed). */
    static short[] withNoise(short[] pcm, double noisePower, long seed) {
        Random r = new Random(seed);
        double sd = Math.sqrt(noisePower);
        short[] out = new short[pcm.length];
        for (int i = 0; i < pcm.length; i++) {
            out[i] = Pcm.clip(pcm[i] + r.nextGaussian() * sd);
        }
        return out;
    }
}
