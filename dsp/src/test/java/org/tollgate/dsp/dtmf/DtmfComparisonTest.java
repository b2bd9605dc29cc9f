package org.tollgate.dsp.dtmf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tollgate.dsp.pcm.Pcm;
import org.tollgate.dsp.testutil.Programs;
import org.tollgate.dsp.testutil.Speech;

/**
 * Side-by-side comparison with two established detectors from Debian packages on the same audio:
 * spandsp's {@code dtmf_rx} (libspandsp-dev, through a small C program compiled here with gcc) and
 * multimon-ng. The table goes to {@code target/dtmf-comparison.md} (copied into docs/benchmarks.md).
 */
class DtmfComparisonTest {
    private static final String DIGITS = DtmfTestAudio.ALL_DIGITS;

    private record Case(String name, String expected, List<short[]> clips) {
        Case(String name, String expected, short[] pcm) {
            this(name, expected, List.of(pcm));
        }
    }

    private static short[] digits(double lowFactor, double highFactor, double lowDb, double highDb, double onMs, double offMs) {
        List<short[]> parts = new ArrayList<>();
        parts.add(Pcm.silence(400));
        for (char c : DIGITS.toCharArray()) {
            DtmfDigit d = DtmfDigit.ofSymbol(c).orElseThrow();
            parts.add(DtmfGenerator.dualTone(d.lowHz() * lowFactor, lowDb, d.highHz() * highFactor, highDb, onMs));
            parts.add(Pcm.silence(Pcm.samples(offMs)));
        }
        parts.add(Pcm.silence(800));
        return Pcm.concat(parts.toArray(short[][]::new));
    }

    private static List<Case> cases(Path tmp) {
        List<Case> c = new ArrayList<>();
        double lo = -8;
        double hi = -6;
        c.add(new Case("16 digits, 50 ms on / 50 ms off (10 digits/s)", DIGITS, digits(1, 1, lo, hi, 50, 50)));
        c.add(new Case("frequency +1.5% (both groups)", DIGITS, digits(1.015, 1.015, lo, hi, 60, 60)));
        c.add(new Case("frequency -1.5% (both groups)", DIGITS, digits(0.985, 0.985, lo, hi, 60, 60)));
        c.add(new Case("low group +3.5% (reject)", "", digits(1.035, 1, lo, hi, 60, 60)));
        c.add(new Case("high group -3.5% (reject)", "", digits(1, 0.965, lo, hi, 60, 60)));
        c.add(new Case("40 ms tones, 40 ms pauses", DIGITS, digits(1, 1, lo, hi, 40, 40)));
        c.add(new Case("23 ms tones (reject)", "", digits(1, 1, lo, hi, 23, 60)));
        c.add(new Case("normal twist 8 dB", DIGITS, digits(1, 1, -4, -12, 60, 60)));
        c.add(new Case("normal twist 10 dB (reject)", "", digits(1, 1, -4, -14, 60, 60)));
        c.add(new Case("reverse twist 4 dB", DIGITS, digits(1, 1, -10, -6, 60, 60)));
        c.add(new Case("reverse twist 6 dB (reject)", "", digits(1, 1, -12, -6, 60, 60)));
        double signal = Pcm.sinePower(lo) + Pcm.sinePower(hi);
        c.add(new Case("15 dB SNR white noise, 50/50 ms", DIGITS,
                DtmfTestAudio.withNoise(digits(1, 1, lo, hi, 50, 50), signal / Math.pow(10, 1.5), 7)));
        c.add(new Case("26 dB attenuation (-34/-32 dBm0)", DIGITS, Pcm.gain(digits(1, 1, lo, hi, 50, 50), -26)));
        c.add(new Case("talk-off: 30 espeak-ng speech clips", "", Speech.espeakClips(tmp)));
        c.add(new Case("talk-off: bundled ivr-prompts", "", Speech.bundledPrompts().stream().map(Speech::read).toList()));
        return c;
    }

    private static Path buildSpandsp(Path dir) throws IOException {
        Path src = dir.resolve("spandsp_dtmf_rx.c");
        try (InputStream in = DtmfComparisonTest.class.getResourceAsStream("spandsp_dtmf_rx.c")) {
            Files.write(src, in.readAllBytes());
        }
        Path exe = Path.of("target", "spandsp_dtmf_rx").toAbsolutePath();
        Programs.run(dir, List.of("gcc", "-O2", "-o", exe.toString(), src.toString(), "-lspandsp"));
        return exe;
    }

    private static Path raw(Path dir, String name, short[] pcm) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(pcm.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : pcm) {
            b.putShort(s);
        }
        Path p = dir.resolve(name);
        Files.write(p, b.array());
        return p;
    }

    private static String spandsp(Path exe, Path dir, short[] pcm) throws IOException {
        return Programs.run(dir, List.of(exe.toString(), raw(dir, "in.raw", pcm).toString())).stdout().strip();
    }

    private static String multimon(Path dir, short[] pcm) throws IOException {
        Path in = raw(dir, "in8k.raw", pcm);
        Path up = dir.resolve("in22k.raw");
        Programs.run(dir, List.of("sox", "-D", "-t", "raw", "-r", "8000", "-e", "signed-integer", "-b", "16", "-c", "1",
                in.toString(), "-t", "raw", "-r", "22050", "-e", "signed-integer", "-b", "16", "-c", "1", up.toString()));
        String out = Programs.run(dir, List.of("multimon-ng", "-q", "-c", "-t", "raw", "-a", "DTMF", up.toString())).stdout();
        StringBuilder sb = new StringBuilder();
        for (String line : out.split("\n")) {
            if (line.startsWith("DTMF: ")) {
                sb.append(line.substring(6).strip());
            }
        }
        return sb.toString();
    }

    private static String cell(String expected, String got) {
        String shown = got.isEmpty() ? "(none)" : got.length() > 20 ? got.substring(0, 20) + "…(" + got.length() + ")" : got;
        return (expected.equals(got) ? "✓ " : "✗ ") + "`" + shown + "`";
    }

    @Test
    @DisplayName("Comparison: the detector gets right every case spandsp dtmf_rx gets right (multimon-ng shown alongside)")
    void atLeastAsGoodAsSpandsp(@TempDir Path tmp) throws IOException {
        Path exe = buildSpandsp(tmp);
        StringBuilder table = new StringBuilder();
        table.append("| case | expected | tollgate | spandsp dtmf_rx | multimon-ng |\n|---|---|---|---|---|\n");
        List<String> failures = new ArrayList<>();
        int[] right = new int[3];
        for (Case c : cases(tmp)) {
            StringBuilder ours = new StringBuilder();
            StringBuilder sp = new StringBuilder();
            StringBuilder mm = new StringBuilder();
            for (short[] clip : c.clips) {
                ours.append(DtmfTestAudio.digits(clip));
                sp.append(spandsp(exe, tmp, clip));
                mm.append(multimon(tmp, clip));
            }
            String o = ours.toString();
            String s = sp.toString();
            String m = mm.toString();
            right[0] += o.equals(c.expected) ? 1 : 0;
            right[1] += s.equals(c.expected) ? 1 : 0;
            right[2] += m.equals(c.expected) ? 1 : 0;
            table.append("| ").append(c.name).append(" | `").append(c.expected.isEmpty() ? "(none)" : c.expected).append("` | ")
                    .append(cell(c.expected, o)).append(" | ").append(cell(c.expected, s)).append(" | ")
                    .append(cell(c.expected, m)).append(" |\n");
            if (s.equals(c.expected) && !o.equals(c.expected)) {
                failures.add(c.name + ": spandsp right (" + s + "), tollgate wrong (" + o + ")");
            }
        }
        int n = cases(tmp).size();
        table.append("| **cases right** | | **").append(right[0]).append("/").append(n).append("** | ")
                .append(right[1]).append("/").append(n).append(" | ").append(right[2]).append("/").append(n).append(" |\n");
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "dtmf-comparison.md"), table.toString());
        System.out.println(table);
        assertTrue(failures.isEmpty(), String.join("\n", failures) + "\n" + table);
    }
}
