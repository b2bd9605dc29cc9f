package org.tollgate.lines.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.lines.chat.ChatStep.SendPart;

class ChatScriptParserTest {

    private static ChatScript ok(String text) {
        ChatParseResult r = ChatScriptParser.parse("t", text);
        return assertInstanceOf(ChatParseResult.Ok.class, r, r.toString()).script();
    }

    private static ChatParseResult.Failed failed(String text) {
        return assertInstanceOf(ChatParseResult.Failed.class, ChatScriptParser.parse("t", text));
    }

    @Test
    @DisplayName("the seed's rtp script: two ABORTs, expect nothing, AT/OK, ATDT \\T, TIMEOUT 45, CONNECT, \\c")
    void seedRtpScript() {
        ChatScript s = ok("ABORT ERROR ABORT BUSY \"\" \"AT\" OK \"ATDT \\T\" TIMEOUT 45 CONNECT \\c");
        List<ChatStep> steps = s.steps();
        assertEquals(new ChatStep.Abort("ERROR", "ERROR"), steps.get(0));
        assertEquals(new ChatStep.Abort("BUSY", "BUSY"), steps.get(1));
        assertEquals(new ChatStep.Expect("", "", List.of()), steps.get(2));
        assertEquals(new ChatStep.Send(List.of(new SendPart.Text("AT")), true, "AT"), steps.get(3));
        assertEquals(new ChatStep.Expect("OK", "OK", List.of()), steps.get(4));
        assertEquals(new ChatStep.Send(List.of(new SendPart.Text("ATDT "), new SendPart.DialString()), true,
                "ATDT \\T"), steps.get(5));
        assertEquals(new ChatStep.Timeout(Duration.ofSeconds(45)), steps.get(6));
        assertEquals(new ChatStep.Expect("CONNECT", "CONNECT", List.of()), steps.get(7));
        assertEquals(new ChatStep.Send(List.of(), false, "\\c"), steps.get(8));
        assertEquals(9, steps.size());
    }

    @Test
    @DisplayName("the seed's offhook script: expect nothing, send ATH1, expect OK")
    void seedOffhookScript() {
        ChatScript s = ok("\"\" \"ATH1\" OK");
        assertEquals(3, s.steps().size());
        assertEquals(new ChatStep.Send(List.of(new SendPart.Text("ATH1")), true, "ATH1"), s.steps().get(1));
    }

    @Test
    @DisplayName("every IOS escape is understood in a send string")
    void fullEscapeSet() {
        ChatStep.Send send = (ChatStep.Send) ok("\"\" \"a\\nb\\rc\\sd\\te\\\\f\\\"g\\Nh\\Ki\\dj\\pk\\Tl\\c\"").steps().get(1);
        assertEquals(List.of(
                new SendPart.Text("a\nb\rc d\te\\f\"g\0h"), new SendPart.Break(),
                new SendPart.Text("i"), new SendPart.Pause(Duration.ofSeconds(2)),
                new SendPart.Text("j"), new SendPart.Pause(Duration.ofMillis(250)),
                new SendPart.Text("k"), new SendPart.DialString(), new SendPart.Text("l")), send.parts());
        assertFalse(send.carriageReturn());
    }

    @Test
    @DisplayName("a send string ends with CR unless it holds \\c")
    void carriageReturnUnlessC() {
        assertTrue(((ChatStep.Send) ok("\"\" AT").steps().get(1)).carriageReturn());
        assertFalse(((ChatStep.Send) ok("\"\" AT\\c").steps().get(1)).carriageReturn());
    }

    @Test
    @DisplayName("expect-send-expect sub-pairs: ssword:-\\r-ssword")
    void subPairs() {
        ChatStep.Expect e = (ChatStep.Expect) ok("ssword:-\\r-ssword secret").steps().get(0);
        assertEquals("ssword:", e.text());
        assertEquals(1, e.fallbacks().size());
        assertEquals(new ChatStep.Send(List.of(new SendPart.Text("\r")), true, "\\r"), e.fallbacks().get(0).send());
        assertEquals("ssword", e.fallbacks().get(0).text());
    }

    @Test
    @DisplayName("errors come back as values with the column of the bad token")
    void errorsWithColumns() {
        ChatParseResult.Failed f = failed("\"\" AT OK \"ATDT");
        assertEquals(10, f.column());
        assertTrue(f.message().contains("unterminated"));
        assertEquals(20, failed("ABORT BUSY TIMEOUT x").column(), "column of the bad TIMEOUT value");
        assertEquals(5, failed("\"\" A\\qB").column(), "column of the unknown escape");
        assertTrue(failed("TIMEOUT").message().contains("argument"));
        assertTrue(failed("OK-AT").message().contains("sub-pair"));
        assertTrue(failed("ABORT \\d").message().contains("not allowed"));
        assertTrue(failed("TIMEOUT 0").message().contains("<1-3600>"));
    }
}
