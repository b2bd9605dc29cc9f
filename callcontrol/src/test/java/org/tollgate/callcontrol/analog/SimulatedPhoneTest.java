package org.tollgate.callcontrol.analog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.callcontrol.leg.Tone;
import org.tollgate.callcontrol.time.ManualScheduler;
import org.tollgate.dsp.dtmf.DtmfDetector;
import org.tollgate.dsp.dtmf.DtmfEvent;
import org.tollgate.dsp.dtmf.DtmfGenerator;

class SimulatedPhoneTest {
    final ManualScheduler clock = new ManualScheduler();
    final List<short[]> microphone = new ArrayList<>();
    final List<Boolean> hooks = new ArrayList<>();
    final SimulatedPhone phone = new SimulatedPhone("0/1/0", clock);

    {
        phone.attach(new FxsPortListener() {
            @Override
            public void hook(boolean offHook) {
                hooks.add(offHook);
            }

            @Override
            public void flash() {
            }

            @Override
            public void audio(short[] pcm) {
                microphone.add(pcm);
            }
        });
    }

    @Test
    @DisplayName("the phone's ear recognises each call-progress tone from its rendered audio")
    void hearsTones() {
        phone.offHook();
        for (var c : List.of(new Object[] {Tone.DIAL, "dial tone"}, new Object[] {Tone.RINGBACK, "ringback"},
                new Object[] {Tone.BUSY, "busy"}, new Object[] {Tone.REORDER, "reorder"})) {
            phone.play(new Sound.ToneSound((Tone) c[0]));
            assertEquals(c[1], phone.hearing());
        }
    }

    @Test
    @DisplayName("a bundled prompt is heard as speech and reported by name; a missing one is reported missing")
    void hearsPrompts() {
        phone.offHook();
        String url = "flash:en_bacd_welcome.au";
        phone.play(new Sound.Prompt(url, PromptAudio.bundled().load(url)));
        assertEquals("prompt en_bacd_welcome", phone.hearing());
        String missing = "flash:no_such_prompt.au";
        phone.play(new Sound.Prompt(missing, PromptAudio.bundled().load(missing)));
        assertEquals("prompt no_such_prompt (missing)", phone.hearing());
    }

    @Test
    @DisplayName("dialled digits leave the phone as DTMF audio that the dsp detector decodes")
    void dialsInBand() {
        phone.offHook();
        phone.dial("786#");
        DtmfDetector d = new DtmfDetector();
        StringBuilder got = new StringBuilder();
        for (short[] f : microphone) {
            for (DtmfEvent e : d.process(f)) {
                if (e instanceof DtmfEvent.DigitStarted s) {
                    got.append(s.digit().symbol());
                }
            }
        }
        assertEquals("786#", got.toString());
        assertTrue(microphone.stream().allMatch(f -> f.length <= 160), "20 ms frames");
    }

    @Test
    @DisplayName("DTMF in the earpiece audio is heard as 'dtmf D'")
    void hearsDtmf() {
        phone.offHook();
        phone.audio(DtmfGenerator.generate("7"));
        assertEquals("dtmf 7", phone.hearing());
    }

    @Test
    @DisplayName("auto-answer 3: off-hook when the third ring starts, 12 s after the first (6 s ring cycle)")
    void autoAnswerCadence() {
        phone.autoAnswer(3);
        phone.ring(java.util.Optional.of(new FxsPortDriver.CallerId("1235", "Phone1")));
        assertEquals("ringing (caller-id 1235 Phone1)", phone.hearing());
        clock.advance(java.time.Duration.ofSeconds(11));
        assertTrue(hooks.isEmpty());
        clock.advance(java.time.Duration.ofSeconds(1));
        assertEquals(List.of(true), hooks);
        assertTrue(phone.isOffHook());
    }
}
