package org.tollgate.dsp.tone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tollgate.dsp.dtmf.DtmfDetector;
import org.tollgate.dsp.dtmf.DtmfEvent;
import org.tollgate.dsp.g711.G711;
import org.tollgate.dsp.pcm.Pcm;
import org.tollgate.dsp.testutil.Speech;

class ToneTest {
    @Test
    @DisplayName("Each North American call-progress tone is recognised by the classifier (also through μ-law)")
    void classifierRecognisesEveryTone() {
        assertEquals(Heard.DIAL_TONE, ToneClassifier.classify(ToneGenerator.render(CallProgressTone.DIAL, 1000)));
        assertEquals(Heard.RINGBACK, ToneClassifier.classify(ToneGenerator.render(CallProgressTone.RINGBACK, 3000)));
        assertEquals(Heard.RINGBACK, ToneClassifier.classify(ToneGenerator.render(CallProgressTone.RINGBACK, 5000)));
        assertEquals(Heard.BUSY, ToneClassifier.classify(ToneGenerator.render(CallProgressTone.BUSY, 2000)));
        assertEquals(Heard.REORDER, ToneClassifier.classify(ToneGenerator.render(CallProgressTone.REORDER, 2000)));
        assertEquals(Heard.CONGESTION, ToneClassifier.classify(ToneGenerator.render(CallProgressTone.CONGESTION, 2000)));
        for (CallProgressTone t : CallProgressTone.values()) {
            short[] pcm = G711.decodeUlaw(G711.encodeUlaw(ToneGenerator.render(t, 3000)));
            assertEquals(t.name().replace("DIAL", "DIAL_TONE"), ToneClassifier.classify(pcm).name(), t.name());
        }
    }

    @Test
    @DisplayName("Tone generator follows the cadence: busy is 500 ms on then 500 ms off at -24 dBm0 per tone")
    void cadenceAndLevel() {
        short[] busy = ToneGenerator.render(CallProgressTone.BUSY, 1000);
        short[] on = java.util.Arrays.copyOfRange(busy, 0, 4000);
        short[] off = java.util.Arrays.copyOfRange(busy, 4000, 8000);
        assertEquals(0.0, Pcm.meanPower(off));
        double expected = 2 * Pcm.sinePower(-24);
        assertTrue(Math.abs(Pcm.meanPower(on) / expected - 1) < 0.02);
    }

    @Test
    @DisplayName("Silence and speech are not taken for tones; call-progress tones produce no DTMF digits")
    void silenceSpeechAndNoDigits(@TempDir Path tmp) {
        assertEquals(Heard.SILENCE, ToneClassifier.classify(new short[8000]));
        assertEquals(Heard.VOICE, ToneClassifier.classify(Speech.espeakClips(tmp).get(2)));
        for (CallProgressTone t : CallProgressTone.values()) {
            DtmfDetector det = new DtmfDetector();
            short[] pcm = ToneGenerator.render(t, 6000);
            java.util.List<DtmfEvent> ev = new java.util.ArrayList<>(det.process(pcm));
            ev.addAll(det.flush());
            assertEquals(java.util.List.of(), ev, t.name());
        }
    }
}
