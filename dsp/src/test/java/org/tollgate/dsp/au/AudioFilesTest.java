package org.tollgate.dsp.au;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arrays;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tollgate.dsp.g711.G711;
import org.tollgate.dsp.testutil.Programs;

class AudioFilesTest {
    private static AudioClip ok(AudioFileResult r) {
        return assertInstanceOf(AudioFileResult.Ok.class, r, r.toString()).clip();
    }

    @Test
    @DisplayName(".au: μ-law files with any annotation (any header offset) read back exactly")
    void ulawAnyAnnotation() {
        qt().forAll(arrays().ofIntegers(integers().between(-32768, 32767)).withLengthBetween(0, 400),
                        strings().basicLatinAlphabet().ofLengthBetween(0, 100))
                .checkAssert((ints, ann) -> {
                    short[] pcm = new short[ints.length];
                    for (int i = 0; i < pcm.length; i++) {
                        pcm[i] = ints[i].shortValue();
                    }
                    AudioClip c = ok(AuReader.read(AuWriter.ulaw(pcm, ann)));
                    assertEquals(ann.replace("\0", ""), c.annotation());
                    assertEquals(AudioClip.SampleEncoding.ULAW, c.encoding());
                    assertArrayEquals(G711.decodeUlaw(G711.encodeUlaw(pcm)), c.samples());
                });
    }

    @Test
    @DisplayName(".au: 16-bit linear reads back sample-exact")
    void linear16() {
        short[] pcm = {0, 1, -1, 32767, -32768, 1234};
        assertArrayEquals(pcm, ok(AuReader.read(AuWriter.linear16(pcm, "x"))).samples());
    }

    @Test
    @DisplayName(".au: sox-written μ-law, A-law, 16-bit and 8-bit linear, stereo and 16 kHz files decode to the same tone")
    void soxFiles(@TempDir Path dir) throws Exception {
        record Case(String name, List<String> opts, AudioClip.SampleEncoding enc) {}
        List<Case> cases = List.of(
                new Case("u.au", List.of("-e", "mu-law", "-b", "8"), AudioClip.SampleEncoding.ULAW),
                new Case("a.au", List.of("-e", "a-law", "-b", "8"), AudioClip.SampleEncoding.ALAW),
                new Case("s16.au", List.of("-e", "signed-integer", "-b", "16"), AudioClip.SampleEncoding.LINEAR16),
                new Case("s8.au", List.of("-e", "signed-integer", "-b", "8"), AudioClip.SampleEncoding.LINEAR8),
                new Case("st.au", List.of("-e", "signed-integer", "-b", "16", "-c", "2"), AudioClip.SampleEncoding.LINEAR16),
                new Case("u.wav", List.of("-e", "mu-law", "-b", "8"), AudioClip.SampleEncoding.ULAW),
                new Case("a.wav", List.of("-e", "a-law", "-b", "8"), AudioClip.SampleEncoding.ALAW),
                new Case("u8.wav", List.of("-e", "unsigned-integer", "-b", "8"), AudioClip.SampleEncoding.LINEAR8),
                new Case("s16.wav", List.of("-e", "signed-integer", "-b", "16"), AudioClip.SampleEncoding.LINEAR16));
        for (Case c : cases) {
            Path f = dir.resolve(c.name);
            List<String> cmd = new java.util.ArrayList<>(List.of("sox", "-D", "-n", "-r", "8000"));
            cmd.addAll(c.opts);
            cmd.addAll(List.of(f.toString(), "synth", "0.5", "sine", "1000", "vol", "0.5"));
            Programs.run(dir, cmd);
            AudioClip clip = ok(AudioFiles.read(f));
            assertEquals(c.enc, clip.encoding(), c.name);
            assertEquals(8000, clip.sampleRate());
            assertEquals(4000, clip.samples().length, c.name);
            double peak = 0;
            for (short s : clip.samples()) {
                peak = Math.max(peak, Math.abs(s));
            }
            assertTrue(Math.abs(peak - 16384) < 600, c.name + " peak " + peak);
        }
        Path hi = dir.resolve("16k.au");
        Programs.run(dir, List.of("sox", "-D", "-n", "-r", "16000", "-e", "signed-integer", "-b", "16", hi.toString(),
                "synth", "0.5", "sine", "1000"));
        AudioClip clip = ok(AudioFiles.read(hi));
        assertEquals(16000, clip.sampleRate());
        assertEquals(4000, clip.telephonySamples().length);
    }

    @Test
    @DisplayName(".au: malformed headers are Invalid results naming the byte, never exceptions")
    void malformed(@TempDir Path dir) throws Exception {
        assertInstanceOf(AudioFileResult.Invalid.class, AuReader.read(new byte[10]));
        byte[] good = AuWriter.ulaw(new short[100]);
        byte[] badEnc = good.clone();
        badEnc[15] = 23;
        AudioFileResult.Invalid inv = assertInstanceOf(AudioFileResult.Invalid.class, AuReader.read(badEnc));
        assertEquals(12, inv.offset());
        byte[] badOffset = good.clone();
        badOffset[4] = 0x7f;
        assertInstanceOf(AudioFileResult.Invalid.class, AuReader.read(badOffset));
        qt().forAll(arrays().ofIntegers(integers().between(-128, 127)).withLengthBetween(0, 200)).checkAssert(ints -> {
            byte[] b = new byte[ints.length];
            for (int i = 0; i < b.length; i++) {
                b[i] = ints[i].byteValue();
            }
            if (b.length >= 4) {
                b[0] = '.'; b[1] = 's'; b[2] = 'n'; b[3] = 'd';
            }
            assertTrue(AudioFiles.decode(b) != null);
        });
        Path f = dir.resolve("x.wav");
        Files.write(f, new byte[] {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'A', 'V', 'E'});
        assertInstanceOf(AudioFileResult.Invalid.class, AudioFiles.read(f));
    }
}
