package org.tollgate.lines.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** RFC 854 handling of the relay's password reader and of the audit transcript. */
class TelnetTextTest {
    private static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    @Test
    @DisplayName("password line: IAC negotiation and subnegotiation skipped, CR LF ends the line, the LF is not relayed")
    void passwordLine() throws Exception {
        byte[] in = bytes(255, 253, 1, 'o', 't', 255, 250, 24, 1, 255, 240, 'p', '1', '\r', '\n', 'x');
        TelnetInput t = new TelnetInput(new ByteArrayInputStream(in));
        assertEquals("otp1", t.readLine(64));
        byte[] rest = new byte[8];
        assertEquals(1, t.read(rest));
        assertEquals('x', rest[0]);
    }

    @Test
    @DisplayName("password line: backspace edits, IAC IAC is a data byte, end of stream is null")
    void passwordEditing() throws Exception {
        TelnetInput t = new TelnetInput(new ByteArrayInputStream("abx\bc\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("abc", t.readLine(64));
        assertNull(t.readLine(64));
        TelnetInput cut = new TelnetInput(new ByteArrayInputStream("abcdef\r".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("abc", cut.readLine(3), "long input is truncated to the limit");
    }

    @Test
    @DisplayName("transcript: lines without telnet commands, typed backspaces applied, empty lines dropped")
    void transcript() {
        List<String> lines = new ArrayList<>();
        TelnetTranscript t = new TelnetTranscript(lines::add);
        byte[] in = bytes(255, 251, 1, 's', 'h', 'x', 127, 'o', 'w', ' ', 'v', 'e', 'r', '\r', 0, '\r', '\n', 'a');
        t.feed(in, 0, in.length);
        assertEquals(List.of("show ver"), lines);
        assertEquals("a", t.pendingLine());
        t.flush();
        assertEquals(List.of("show ver", "a"), lines);
    }

    @Test
    @DisplayName("transcript: printable text survives unchanged whatever the chunking")
    void transcriptProperty() {
        qt().withExamples(50).forAll(strings().basicLatinAlphabet().ofLengthBetween(1, 200)).checkAssert(text -> {
            String clean = text.replaceAll("[\\x00-\\x1f\\x7f]", "");
            List<String> lines = new ArrayList<>();
            TelnetTranscript t = new TelnetTranscript(lines::add);
            byte[] b = (clean + "\r\n").getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < b.length; i++) {
                t.feed(b, i, 1);
            }
            List<String> expected = clean.strip().isEmpty() ? List.of() : List.of(clean.strip());
            assertEquals(expected, lines);
        });
    }

    @Test
    @DisplayName("audit: a line typed at a Password: prompt is not logged")
    void passwordPromptDetected() {
        assertTrue(Connector.isPasswordPrompt("Password: "));
        assertTrue(Connector.isPasswordPrompt("Enable password:"));
        assertFalse(Connector.isPasswordPrompt("Username: "));
        assertFalse(Connector.isPasswordPrompt("cme-fac#"));
    }
}
