package org.tollgate.dsp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tollgate.dsp.dtmf.DtmfDigit;
import org.tollgate.dsp.testutil.Programs;

class DspCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return DspCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private List<String> lines() {
        String s = out.toString(StandardCharsets.UTF_8).strip();
        return s.isEmpty() ? List.of() : List.of(s.split("\n"));
    }

    /** Makes DIGITS as a sox-synthesised file: each digit 80 ms of the two sines, then 120 ms of silence. */
    private static Path soxDtmf(Path dir, String digits, String outName) {
        List<String> parts = new ArrayList<>();
        int n = 0;
        for (char c : digits.toCharArray()) {
            DtmfDigit d = DtmfDigit.ofSymbol(c).orElseThrow();
            Path tone = dir.resolve("t" + n++ + ".wav");
            Programs.run(dir, List.of("sox", "-n", "-r", "8000", "-c", "1", "-b", "16", tone.toString(),
                    "synth", "0.08", "sine", String.valueOf(d.lowHz()), "sine", String.valueOf(d.highHz()),
                    "channels", "1", "vol", "0.5", "pad", "0", "0.12"));
            parts.add(tone.toString());
        }
        Path out = dir.resolve(outName);
        List<String> cmd = new ArrayList<>(List.of("sox"));
        cmd.addAll(parts);
        if (outName.endsWith(".au")) {
            cmd.addAll(List.of("-e", "mu-law", "-b", "8"));
        }
        cmd.add(out.toString());
        Programs.run(dir, cmd);
        return out;
    }

    @Test
    @DisplayName("tollgate dsp detect reads a sox-made μ-law .au DTMF file: one 'DIGIT START_MS' line per digit")
    void detectsSoxMadeAu(@TempDir Path dir) {
        Path file = soxDtmf(dir, "2468#*0D", "sox.au");
        assertEquals(0, run("detect", file.toString()), err.toString());
        List<String> lines = lines();
        assertEquals(8, lines.size(), lines.toString());
        String digits = "2468#*0D";
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).split(" ");
            assertEquals(String.valueOf(digits.charAt(i)), f[0]);
            long start = Long.parseLong(f[1]);
            assertTrue(Math.abs(start - i * 200L) <= 5, lines.get(i));
        }
    }

    @Test
    @DisplayName("tollgate dsp detect reads a sox-made 16-bit .wav DTMF file")
    void detectsSoxMadeWav(@TempDir Path dir) {
        Path file = soxDtmf(dir, "1590", "sox.wav");
        assertEquals(0, run("detect", file.toString()));
        assertEquals(List.of("1", "5", "9", "0"), lines().stream().map(l -> l.split(" ")[0]).toList());
    }

    @Test
    @DisplayName("tollgate dsp generate writes .au and .wav files that sox accepts and detect reads back")
    void generateRoundTrips(@TempDir Path dir) {
        for (String name : List.of("g.au", "g.wav")) {
            out.reset();
            Path f = dir.resolve(name);
            assertEquals(0, run("generate", "0123456789*#ABCD", f.toString(), "--on", "60", "--off", "60"));
            Programs.Run soxi = Programs.run(dir, List.of("soxi", "-r", f.toString()));
            assertEquals("8000", soxi.stdout().strip());
            assertEquals(0, run("detect", f.toString()));
            assertEquals("0123456789*#ABCD", String.join("", lines().stream().map(l -> l.split(" ")[0]).toList()));
        }
    }

    @Test
    @DisplayName("tollgate dsp rejects bad usage, bad digits and non-audio files with status 2")
    void badInput(@TempDir Path dir) throws Exception {
        assertEquals(2, run());
        assertEquals(2, run("detect"));
        assertEquals(2, run("generate", "12X", dir.resolve("x.au").toString()));
        Path junk = dir.resolve("junk.au");
        Files.writeString(junk, "this is not audio at all, just text");
        assertEquals(2, run("detect", junk.toString()));
        assertTrue(err.toString().contains("not an .au file"));
        assertEquals(1, run("detect", dir.resolve("missing.au").toString()));
    }
}
