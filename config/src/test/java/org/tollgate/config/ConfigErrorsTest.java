package org.tollgate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Errors are values with line and column, all reported at once; a file with errors applies nothing")
class ConfigErrorsTest {

    private static List<ConfigError> errors(String text) {
        ParseResult r = ConfigParser.parse("t.cfg", text);
        return assertInstanceOf(ParseResult.Failed.class, r, () -> "expected errors for:\n" + text).errors();
    }

    private static String at(ConfigError e) {
        return e.line() + ":" + e.column();
    }

    @Test
    @DisplayName("examples/broken.cfg: every error at once, at the right line and column")
    void brokenExample() {
        List<ConfigError> es = errors(Examples.read("broken.cfg"));
        assertEquals(List.of("5:1", "7:8", "11:7", "12:13", "14:17", "15:9", "17:18", "18:14"),
                es.stream().map(ConfigErrorsTest::at).toList(), es.toString());
        assertEquals("% Invalid input detected at '^' marker.", es.get(0).message());
        assertTrue(es.get(1).message().contains("<1-64>"), es.get(1).message());
        assertTrue(es.get(2).message().contains("voice-port 0/1/9 does not exist"), es.get(2).message());
        assertTrue(es.get(3).message().contains("<0-10>"), es.get(3).message());
        assertTrue(es.get(4).message().contains("NoSuchGroup"), es.get(4).message());
        assertTrue(es.get(5).message().contains("ephone-dn 102"), es.get(5).message());
        assertTrue(es.get(6).message().contains("chat-script nosuch"), es.get(6).message());
        assertEquals("% Invalid input detected at '^' marker.", es.get(7).message());
    }

    @Test
    @DisplayName("unknown command: IOS message with the caret under the offending word (format for check-config)")
    void unknownCommandCaret() {
        ConfigError e = errors("hostname a\n  frobnicate now\n").getFirst();
        assertEquals(2, e.line());
        assertEquals(3, e.column());
        assertEquals("t.cfg:2:3: % Invalid input detected at '^' marker.\n  frobnicate now\n  ^", e.format());
    }

    @Test
    @DisplayName("a bad argument gets the caret under that argument, not under the command")
    void badArgumentCaret() {
        ConfigError e = errors("dial-peer voice 5 potatoes\n").getFirst();
        assertEquals(19, e.column());
        ConfigError e2 = errors("line aux 0\n flowcontrol hardware extra\n").getFirst();
        assertEquals(2, e2.line());
        assertEquals(23, e2.column());
    }

    @Test
    @DisplayName("values out of range name the range")
    void outOfRange() {
        assertTrue(errors("application\n package auth\n  param max-digits 33\n").getFirst().message()
                .contains("out of range <1-32>"));
        assertTrue(errors("application\n package auth\n  param max-retries 11\n").getFirst().message()
                .contains("<0-10>"));
        assertTrue(errors("voice lpcor call-block cause 181\n").getFirst().message().contains("<1-180>"));
        assertTrue(errors("voice-port 0/1/0\n timeouts interdigit 121\n").getFirst().message().contains("<0-120>"));
    }

    @Test
    @DisplayName("incomplete and ambiguous commands get IOS messages")
    void incompleteAndAmbiguous() {
        assertEquals("% Incomplete command.", errors("voice lpcor\n").getFirst().message());
        assertEquals("% Incomplete command.", errors("hostname\n").getFirst().message());
        ConfigError amb = errors("voice lpcor c\n").getFirst();
        assertTrue(amb.message().startsWith("% Ambiguous command"), amb.message());
        assertEquals(13, amb.column());
    }

    @Test
    @DisplayName("references to undefined LPCOR groups, chat-scripts, voice-ports are errors at the reference")
    void undefinedReferences() {
        List<ConfigError> es = errors("""
                voice lpcor custom
                 group 1 A
                voice lpcor policy B
                 accept A
                voice-port 0/1/0
                 lpcor outgoing C
                dial-peer voice 1 pots
                 port 0/1/2
                line aux 0
                 script callback cb
                """);
        assertEquals(List.of("3:20", "6:17", "8:7", "10:18"), es.stream().map(ConfigErrorsTest::at).toList(),
                es.toString());
    }

    @Test
    @DisplayName("definitions may follow their use in a file (references are checked at the end)")
    void definitionsAfterUse() {
        ParseResult r = ConfigParser.parse("t.cfg", """
                voice-port 0/1/0
                 lpcor incoming Late
                voice lpcor custom
                 group 3 Late
                """);
        assertInstanceOf(ParseResult.Ok.class, r, r::toString);
    }

    @Test
    @DisplayName("an erroneous sub-mode opener does not cascade errors over its indented lines")
    void noCascade() {
        List<ConfigError> es = errors("""
                dial-peer voice 0 pots
                 destination-pattern 123
                 port 0/1/0
                hostname ok
                """);
        assertEquals(1, es.size(), es.toString());
        assertEquals("1:17", at(es.getFirst()));
    }

    @Test
    @DisplayName("other structural errors: unterminated quote, duplicate group name, dial-peer type change, bad secret")
    void structural() {
        assertTrue(errors("chat-script x \"ATDT\n").getFirst().message().contains("Unterminated"));
        assertTrue(errors("voice lpcor custom\n group 1 A\n group 2 A\n").getFirst().message().contains("already used"));
        assertTrue(errors("dial-peer voice 1 pots\ndial-peer voice 1 voip\n").getFirst().message()
                .contains("Cannot change"));
        assertTrue(errors("enable secret 5 notahash\n").getFirst().message().contains("type 5"));
        assertTrue(errors("username u password 7 ZZ\n").getFirst().message().contains("type 7"));
        assertTrue(errors("banner motd ^C\nnever closed\n").getFirst().message().contains("Unterminated"));
        assertTrue(errors("line vty 0 4\nline vty 3 6\n").getFirst().message().contains("overlap"));
        assertTrue(errors("username u password 0 caf\u00e9\n").getFirst().message().contains("ASCII"));
    }

    @Test
    @DisplayName("apply() with an error leaves nothing applied and returns every error")
    void applyAllOrNothing() {
        GatewayConfig base = Examples.load("cme-fac.cfg");
        ParseResult r = ConfigParser.apply(base, "change", "hostname changed\nno usernme 786\nvoice-port 9/9/9\n no shut\n");
        ParseResult.Failed f = assertInstanceOf(ParseResult.Failed.class, r);
        assertEquals(1, f.errors().size(), f.errors().toString());
        assertEquals("cme-fac", base.hostname());
    }

    @Test
    @DisplayName("FAC code equal to an extension number is a warning (fac-lpcor spec section 3)")
    void facClashWarning() {
        ParseResult r = ConfigParser.parse("t.cfg", """
                username 786786 password 0 1
                ephone-dn 102
                 number 786786
                """);
        ParseResult.Ok ok = assertInstanceOf(ParseResult.Ok.class, r);
        assertEquals(1, ok.warnings().size(), ok.warnings().toString());
        ConfigWarning w = ok.warnings().getFirst();
        assertEquals(1, w.line());
        assertTrue(w.message().contains("786786"), w.message());
        assertTrue(w.format().startsWith("t.cfg:1:10: warning: "), w.format());
    }

    @Test
    @DisplayName("an AAA list naming an undefined server group is a warning, as IOS only warns")
    void undefinedServerGroupWarns() {
        ParseResult r = ConfigParser.parse("t.cfg", "aaa new-model\naaa authentication login fac group NOPE local\n");
        ParseResult.Ok ok = assertInstanceOf(ParseResult.Ok.class, r);
        assertEquals(1, ok.warnings().size());
        assertEquals(2, ok.warnings().getFirst().line());
    }

    @Test
    @DisplayName("accept G fac without service fac, and a policy without voice lpcor enable, are warnings")
    void lpcorWarnings() {
        ParseResult r = ConfigParser.parse("t.cfg", """
                voice lpcor custom
                 group 1 A
                voice lpcor policy A
                 accept A fac
                """);
        ParseResult.Ok ok = assertInstanceOf(ParseResult.Ok.class, r);
        assertEquals(List.of(3, 4), ok.warnings().stream().map(ConfigWarning::line).sorted().toList(),
                ok.warnings().toString());
        ParseResult clean = ConfigParser.parse("t.cfg", """
                voice lpcor enable
                voice lpcor custom
                 group 1 A
                voice lpcor policy A
                 service fac
                 accept A fac
                """);
        assertEquals(List.of(), assertInstanceOf(ParseResult.Ok.class, clean).warnings());
    }

    @Test
    @DisplayName("limits: at most 1000 errors are listed, then a count; a byte-order mark and CR LF are accepted")
    void limits() {
        List<ConfigError> es = errors("bogus\n".repeat(1500));
        assertEquals(1001, es.size());
        assertEquals("% 500 more errors not shown", es.getLast().message());
        ParseResult r = ConfigParser.parse("t.cfg", "\uFEFFhostname bom\r\nline vty 0 4\r\n login local\r\n");
        GatewayConfig c = assertInstanceOf(ParseResult.Ok.class, r, r::toString).config();
        assertEquals("bom", c.hostname());
        ConfigError tooLong = errors("description " + "x".repeat(5000) + "\n").getFirst();
        assertTrue(tooLong.message().contains("too long"), tooLong.message());
    }

    @Test
    @DisplayName("removing a definition that the base configuration still uses is an error on the removing line")
    void removalBreaksBase() {
        GatewayConfig base = Examples.load("cme-fac.cfg");
        ParseResult r = ConfigParser.apply(base, "change", "hostname x\nvoice lpcor custom\n no group 12\n");
        List<ConfigError> es = assertInstanceOf(ParseResult.Failed.class, r).errors();
        assertTrue(es.stream().allMatch(e -> e.line() == 3 && e.column() == 11), es.toString());
        assertTrue(es.stream().anyMatch(e -> e.message().contains("voice-port 0/1/1")), es.toString());
        ParseResult p = ConfigParser.apply(base, "change", "no voice-port 0/1/1\n");
        assertEquals(1, assertInstanceOf(ParseResult.Failed.class, p).errors().getFirst().line());
    }

    @Test
    @DisplayName("the same extension number on two directory numbers is a warning at the second number")
    void duplicateExtension() {
        ParseResult r = ConfigParser.parse("t.cfg", """
                ephone-dn 1
                 number 2001
                voice register dn 7
                 number 2001
                """);
        ParseResult.Ok ok = assertInstanceOf(ParseResult.Ok.class, r);
        assertEquals(1, ok.warnings().size(), ok.warnings().toString());
        assertEquals(4, ok.warnings().getFirst().line());
        assertTrue(ok.warnings().getFirst().message().contains("ephone-dn 1"), ok.warnings().toString());
    }
}
