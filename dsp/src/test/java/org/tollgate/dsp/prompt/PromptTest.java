package org.tollgate.dsp.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.dsp.g711.G711;
import org.tollgate.dsp.pcm.Pcm;
import org.tollgate.dsp.pcm.PcmSource;
import org.tollgate.dsp.testutil.Speech;
import org.tollgate.dsp.tone.CallProgressTone;
import org.tollgate.dsp.tone.Heard;
import org.tollgate.dsp.tone.ToneClassifier;
import org.tollgate.dsp.tone.ToneGenerator;

class PromptTest {
    private static String base(Path p) {
        return p.getFileName().toString().replace(".au", "");
    }

    @Test
    @DisplayName("Bundled prompts decode and play; the recogniser names each one heard through μ-law with silence around it")
    void recognisesEachBundledPrompt() throws Exception {
        List<Path> files = Speech.bundledPrompts();
        PromptRecognizer rec = new PromptRecognizer();
        for (Path p : files) {
            PromptAudio.Decoded.Ok ok = assertInstanceOf(PromptAudio.Decoded.Ok.class, PromptAudio.decode(base(p), Files.readAllBytes(p)));
            rec.register(ok.name(), ok.pcm());
        }
        for (Path p : files) {
            short[] pcm = ((PromptAudio.Decoded.Ok) PromptAudio.decode(base(p), Files.readAllBytes(p))).pcm();
            short[] played = PcmSource.drain(PcmSource.of(pcm), pcm.length);
            short[] heard = Pcm.concat(Pcm.silence(2400), G711.decodeUlaw(G711.encodeUlaw(Pcm.gain(played, -6))), Pcm.silence(800));
            assertEquals(Optional.of(base(p)), rec.recognise(heard), p.toString());
            assertEquals(Heard.VOICE, ToneClassifier.classify(heard), p.toString());
        }
        assertEquals(Optional.empty(), rec.recognise(ToneGenerator.render(CallProgressTone.BUSY, 5000)));
    }

    @Test
    @DisplayName("Undecodable prompt bytes are an Unplayable result")
    void unplayable() {
        assertInstanceOf(PromptAudio.Decoded.Unplayable.class, PromptAudio.decode("x", new byte[] {1, 2, 3}));
    }
}
