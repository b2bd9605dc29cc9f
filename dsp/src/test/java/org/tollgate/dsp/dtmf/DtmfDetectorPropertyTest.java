package org.tollgate.dsp.dtmf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.dsp.pcm.Pcm;

class DtmfDetectorPropertyTest {
    private static final String KEYS = "0123456789*#ABCD";

    @Test
    @DisplayName("Property: any digit string with tones ≥ 40 ms, pauses ≥ 40 ms, levels −30..−4 dBm0 and twist within limits is detected exactly, in any frame size")
    void anyValidDigitStringIsDetected() {
        qt().withExamples(150).forAll(
                        strings().betweenCodePoints(0, KEYS.length() - 1).ofLengthBetween(1, 12),
                        integers().between(0, 81 * 81 - 1),
                        integers().between(-30, -4),
                        integers().between(-4, 8))
                .checkAssert((codes, timing, level, twist) -> {
                    int on = 40 + timing % 81;
                    int off = 40 + timing / 81;
                    int frame = (on * 7 + off * 13 + level * level) % 400 + 1;
                    StringBuilder digits = new StringBuilder();
                    for (char c : codes.toCharArray()) {
                        digits.append(KEYS.charAt(c));
                    }
                    // twist > 0: low group louder (normal), < 0: high group louder (reverse)
                    double low = twist >= 0 ? level : level + twist;
                    double high = twist >= 0 ? level - twist : level;
                    short[] pcm = Pcm.concat(Pcm.silence(frame), DtmfGenerator.generate(digits.toString(),
                            new DtmfGenerator.Settings(on, off, low, high)), Pcm.silence(800));
                    DtmfDetector det = new DtmfDetector();
                    List<DtmfEvent> events = new ArrayList<>();
                    for (int at = 0; at < pcm.length; at += frame) {
                        events.addAll(det.process(pcm, at, Math.min(frame, pcm.length - at)));
                    }
                    events.addAll(det.flush());
                    StringBuilder got = new StringBuilder();
                    events.stream().filter(e -> e instanceof DtmfEvent.DigitEnded).forEach(e -> got.append(e.digit()));
                    assertEquals(digits.toString(), got.toString());
                });
    }
}
