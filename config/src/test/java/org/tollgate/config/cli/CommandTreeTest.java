package org.tollgate.config.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CommandTreeTest {
    private final List<String> ran = new ArrayList<>();

    private CommandTree tree() {
        CommandRegistry r = new CommandRegistry();
        CliContribution lpcor = reg -> {
            reg.command("show voice lpcor policy", "Show running system information", "Voice configuration",
                            "LPCOR information", "LPCOR policies")
                    .optional(Arg.word("NAME", "Policy name"))
                    .handler(ctx -> ran.add("policy " + ctx.args().get("NAME").orElse("*")));
            reg.command("show voice port", "Show running system information", "Voice configuration", "Voice ports")
                    .arg(Arg.voicePort("PORT", "Voice port"))
                    .handler(ctx -> ran.add("port " + ctx.args().text("PORT")));
            reg.command("show version", "Show running system information", "System hardware and software status")
                    .handler(ctx -> ran.add("version"));
            reg.command("show running-config", "", "Current operating configuration")
                    .privilege(15).handler(ctx -> ran.add("run"));
            reg.command("ssh", "Open a secure shell client connection").privilege(15)
                    .arg(Arg.ipv4("HOST", "IP address")).handler(ctx -> ran.add("ssh " + ctx.args().text("HOST")));
            reg.command("test cause", "Test subsystems", "Q.850 cause")
                    .arg(Arg.number("CAUSE", 1, 180, "Cause value"))
                    .optional(Arg.keyword("detail", "Detailed output"))
                    .handler(ctx -> ran.add("cause " + ctx.args().number("CAUSE") + " " + ctx.args().has("detail")));
            reg.command("send", "Send a message to other tty lines").arg(Arg.line("TEXT", "Message"))
                    .handler(ctx -> ran.add("send " + ctx.args().text("TEXT")));
        };
        lpcor.register(r);
        return r.build();
    }

    private LineMatch.Matched matched(String line, int privilege) {
        LineMatch m = tree().match(line, privilege);
        return assertInstanceOf(LineMatch.Matched.class, m, () -> line + " -> " + m);
    }

    @Test
    @DisplayName("unique-prefix abbreviations select the command: 'sh voi lp pol'")
    void abbreviations() {
        LineMatch.Matched m = matched("sh voi lp pol", 1);
        assertEquals("show voice lpcor policy [NAME]", m.command().syntax());
        assertFalse(m.args().has("NAME"));
        assertEquals("LocalUser", matched("sh voice lpcor policy LocalUser", 1).args().text("NAME"));
        assertEquals("show running-config", matched("sh run", 15).command().syntax());
    }

    @Test
    @DisplayName("a word matching several keywords is ambiguous, IOS message quoting the line")
    void ambiguous() {
        LineMatch m = tree().match("s", 15);
        LineMatch.Ambiguous a = assertInstanceOf(LineMatch.Ambiguous.class, m);
        assertEquals("% Ambiguous command:  \"s\"", a.message());
        assertInstanceOf(LineMatch.Ambiguous.class, tree().match("show v", 1));
    }

    @Test
    @DisplayName("a line that stops before a command is complete is '% Incomplete command.'")
    void incomplete() {
        assertInstanceOf(LineMatch.Incomplete.class, tree().match("show voice", 1));
        assertInstanceOf(LineMatch.Incomplete.class, tree().match("test cause", 1));
    }

    @Test
    @DisplayName("an unknown word is invalid input with the caret column at its first character")
    void invalidColumn() {
        LineMatch m = tree().match("show voicx lpcor", 1);
        assertEquals(5, assertInstanceOf(LineMatch.Invalid.class, m).column());
        assertEquals(0, assertInstanceOf(LineMatch.Invalid.class, tree().match("frobnicate", 1)).column());
        assertEquals(2, assertInstanceOf(LineMatch.Invalid.class, tree().match("  bogus", 1)).column());
        // extra word after a complete command
        assertEquals(13, assertInstanceOf(LineMatch.Invalid.class, tree().match("show version extra", 1)).column());
        // number out of range
        assertEquals(11, assertInstanceOf(LineMatch.Invalid.class, tree().match("test cause 181", 1)).column());
    }

    @Test
    @DisplayName("typed arguments: number range, IPv4, voice-port X/Y/Z, optional keyword, LINE rest")
    void typedArguments() {
        LineMatch.Matched m = matched("test cause 28 det", 1);
        m.command().handler().handle(context(m));
        assertEquals("cause 28 true", ran.getLast());
        assertEquals("0/1/1", matched("show voice port 0/1/1", 1).args().text("PORT"));
        assertInstanceOf(LineMatch.Invalid.class, tree().match("show voice port 0/1", 1));
        assertEquals("10.0.0.1", matched("ssh 10.0.0.1", 15).args().text("HOST"));
        assertInstanceOf(LineMatch.Invalid.class, tree().match("ssh 10.0.0.256", 15));
        assertEquals("hello  world ?", matched("send hello  world ?", 1).args().text("TEXT"));
    }

    private CommandContext context(LineMatch.Matched m) {
        return new CommandContext(null, m.args(), new java.io.PrintWriter(new java.io.StringWriter()));
    }

    @Test
    @DisplayName("privilege: level-15 commands are invisible (invalid input) at level 1")
    void privilege() {
        assertEquals(5, assertInstanceOf(LineMatch.Invalid.class, tree().match("show running-config", 1)).column());
        assertInstanceOf(LineMatch.Invalid.class, tree().match("ssh 10.0.0.1", 1));
        // at level 1 's' is not ambiguous any more: only 'show' and 'send' remain... still two
        assertInstanceOf(LineMatch.Ambiguous.class, tree().match("s", 1));
        assertEquals("show version", matched("sh ver", 1).command().syntax());
        assertFalse(tree().help("show ", 1).contains("running-config"));
        assertTrue(tree().help("show ", 15).contains("running-config"));
    }

    @Test
    @DisplayName("'?' after a space lists next keywords with help, and <cr> where the command may end")
    void helpNext() {
        String help = tree().help("show voice lpcor policy ", 1);
        assertTrue(help.contains("  WORD"), help);
        assertTrue(help.contains("Policy name"), help);
        assertTrue(help.contains("  <cr>"), help);
        String top = tree().help("show ", 1);
        assertTrue(top.lines().anyMatch(l -> l.startsWith("  version") && l.endsWith("System hardware and software status")), top);
        assertTrue(top.lines().anyMatch(l -> l.startsWith("  voice") && l.endsWith("Voice configuration")), top);
        assertFalse(top.contains("<cr>"));
        assertTrue(tree().help("test cause ", 1).contains("<1-180>"));
    }

    @Test
    @DisplayName("'?' right after letters lists the words starting with them ('sh?')")
    void helpPartial() {
        assertEquals("show\n", tree().help("sh", 1));
        assertEquals("send  show\n", tree().help("s", 1));
        assertEquals("% Unrecognized command\n", tree().help("zz", 1));
        assertEquals("% Unrecognized command\n", tree().help("bogus ", 1));
    }

    @Test
    @DisplayName("Tab completes a unique prefix to the full keyword plus a space")
    void tabCompletion() {
        assertEquals(Optional.of("show "), tree().complete("sh", 1));
        assertEquals(Optional.of("show voice lpcor "), tree().complete("show voice lp", 1));
        assertEquals(Optional.empty(), tree().complete("s", 1));
        assertEquals(List.of("send", "show"), tree().candidates("s", 1));
    }

    @Test
    @DisplayName("registering the same command twice is a programming error")
    void duplicate() {
        CommandRegistry r = new CommandRegistry();
        r.command("show clock").handler(ctx -> { });
        r.command("show clock").handler(ctx -> { });
        assertThrows(IllegalStateException.class, r::build);
    }

    @Test
    @DisplayName("a keyword's help comes from the first contribution that gives one")
    void sharedKeywordHelp() {
        CommandRegistry r = new CommandRegistry();
        r.command("show alpha", "Show running system information", "Alpha").handler(ctx -> { });
        r.command("show beta", "Something else", "Beta").handler(ctx -> { });
        String help = r.build().help("", 1);
        assertTrue(help.contains("Show running system information"), help);
        assertFalse(help.contains("Something else"), help);
    }
}
