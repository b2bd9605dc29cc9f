package org.tollgate.ivrprompts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptResolverTest {
    @Test
    @DisplayName("Every bundled prompt (the seed's en_bacd_* and the auth prompts) resolves to an 8 kHz μ-law .au file")
    void bundledPrompts() {
        PromptResolver r = new PromptResolver();
        for (String url : Prompts.ALL) {
            PromptResolution.Found f = assertInstanceOf(PromptResolution.Found.class, r.resolve(url), url);
            assertEquals(PromptResolution.Origin.BUNDLED, f.origin());
            ByteBuffer b = ByteBuffer.wrap(f.bytes());
            assertEquals(0x2e736e64, b.getInt(0), url);
            assertEquals(1, b.getInt(12), "μ-law " + url);
            assertEquals(8000, b.getInt(16), "8 kHz " + url);
            assertEquals(1, b.getInt(20), "mono " + url);
            assertTrue(f.bytes().length > 4000, "at least half a second of speech: " + url);
        }
    }

    @Test
    @DisplayName("A prompt in the configured directory overrides the bundled one; others fall back to the bundle")
    void directoryFirst(@TempDir Path dir) throws Exception {
        byte[] mine = {'.', 's', 'n', 'd', 1, 2, 3};
        Files.write(dir.resolve("en_bacd_welcome.au"), mine);
        Files.write(dir.resolve("custom.au"), mine);
        PromptResolver r = new PromptResolver(Optional.of(dir));
        PromptResolution.Found f = assertInstanceOf(PromptResolution.Found.class, r.resolve("flash:en_bacd_welcome.au"));
        assertEquals(PromptResolution.Origin.DIRECTORY, f.origin());
        assertArrayEquals(mine, f.bytes());
        assertEquals(PromptResolution.Origin.DIRECTORY,
                assertInstanceOf(PromptResolution.Found.class, r.resolve("FLASH:/custom.au")).origin());
        assertEquals(PromptResolution.Origin.BUNDLED,
                assertInstanceOf(PromptResolution.Found.class, r.resolve(Prompts.EN_GOODBYE)).origin());
        PromptResolution.NotFound nf = assertInstanceOf(PromptResolution.NotFound.class, r.resolve("flash:nothing.au"));
        assertEquals(2, nf.searched().size());
    }

    @Test
    @DisplayName("Malformed prompt URLs are BadUrl results with the column; no URL escapes the prompt directory")
    void badUrls(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("secret.au"), "x");
        PromptResolver r = new PromptResolver(Optional.of(dir.resolve("sub")));
        assertEquals(1, assertInstanceOf(PromptResolution.BadUrl.class, r.resolve("tftp://h/x.au")).column());
        assertEquals(7, assertInstanceOf(PromptResolution.BadUrl.class, r.resolve("flash:")).column());
        PromptResolution.BadUrl up = assertInstanceOf(PromptResolution.BadUrl.class, r.resolve("flash:../secret.au"));
        assertEquals(7, up.column());
        assertInstanceOf(PromptResolution.BadUrl.class, r.resolve("flash:a/b.au"));
        assertInstanceOf(PromptResolution.BadUrl.class, r.resolve("flash:welcome.wav"));
        assertInstanceOf(PromptResolution.BadUrl.class, r.resolve("flash:" + "a".repeat(200) + ".au"));
    }
}
