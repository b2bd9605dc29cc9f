package org.tollgate.dsp.dtmf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tollgate.dsp.g711.G711;
import org.tollgate.dsp.pcm.Pcm;
import org.tollgate.dsp.testutil.Speech;

/** Talk-off: speech must not produce digits (Q.24 and common practice). */
class DtmfTalkOffTest {

    @Test
    @DisplayName("Q.24 talk-off: espeak-ng speech (5 voices x 6 sentences, also louder and via μ-law) yields no digits")
    void espeakSpeechYieldsNoDigits(@TempDir Path tmp) {
        List<short[]> clips = Speech.espeakClips(tmp);
        assertEquals(Speech.VOICES.size() * Speech.SENTENCES.size(), clips.size());
        for (int i = 0; i < clips.size(); i++) {
            short[] clip = clips.get(i);
            int n = i;
            assertEquals("", DtmfTestAudio.digits(clip), () -> "clip " + n);
            assertEquals("", DtmfTestAudio.digits(Pcm.gain(clip, 6)), () -> "clip " + n + " +6 dB");
            assertEquals("", DtmfTestAudio.digits(G711.decodeUlaw(G711.encodeUlaw(clip))), () -> "clip " + n + " ulaw");
        }
    }

    @Test
    @DisplayName("Q.24 talk-off: the spoken prompts bundled in ivr-prompts yield no digits")
    void bundledPromptsYieldNoDigits() {
        List<Path> prompts = Speech.bundledPrompts();
        assertFalse(prompts.isEmpty());
        for (Path p : prompts) {
            assertEquals("", DtmfTestAudio.digits(Speech.read(p)), p.toString());
        }
    }

    @Test
    @DisplayName("Digits mixed into speech are still found (the talk-off guard does not mask real digits)")
    void digitsOverSpeechAreFound(@TempDir Path tmp) {
        short[] speech = Speech.espeakClips(tmp).get(0);
        short[] digits = DtmfGenerator.generate("159#");
        short[] mixed = new short[Math.max(speech.length, digits.length + 4000)];
        for (int i = 0; i < mixed.length; i++) {
            double s = i < speech.length ? speech[i] * 0.1 : 0; // speech at -20 dB under the digits
            double d = i >= 4000 && i - 4000 < digits.length ? digits[i - 4000] : 0;
            mixed[i] = Pcm.clip(s + d);
        }
        assertEquals("159#", DtmfTestAudio.digits(mixed));
    }
}
