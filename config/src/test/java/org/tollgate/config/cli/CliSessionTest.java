package org.tollgate.config.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.config.ConfigParser;
import org.tollgate.config.GatewayConfig;
import org.tollgate.config.ParseResult;

class CliSessionTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneId.of("UTC"));
    private final StringBuilder saved = new StringBuilder();

    static final class Term implements CliTerminal {
        final StringBuilder out = new StringBuilder();
        final Deque<String> secrets = new ArrayDeque<>();

        @Override
        public void write(String text) {
            out.append(text);
        }

        @Override
        public Optional<String> readSecret(String prompt) {
            out.append(prompt).append('\n');
            return Optional.ofNullable(secrets.pollFirst());
        }

        @Override
        public int readKey() {
            return ' ';
        }

        String take() {
            String s = out.toString();
            out.setLength(0);
            return s;
        }
    }

    private static GatewayConfig parse(String text) {
        return assertInstanceOf(ParseResult.Ok.class, ConfigParser.parse("test.cfg", text)).config();
    }

    private CliEnvironment env(GatewayConfig cfg) {
        StartupConfig startup = new StartupConfig() {
            @Override
            public Optional<String> read() {
                return saved.isEmpty() ? Optional.empty() : Optional.of(saved.toString());
            }

            @Override
            public void write(String text) {
                saved.setLength(0);
                saved.append(text);
            }

            @Override
            public String location() {
                return "test.cfg";
            }
        };
        LineDirectory lines = () -> List.of(
                new LineDirectory.LineStatus(0, "con 0", "", "idle", Duration.ZERO, ""),
                new LineDirectory.LineStatus(2, "vty 0", "admin", "idle", Duration.ofSeconds(5), "127.0.0.1"));
        return new CliEnvironment(new ConfigHolder(cfg), new DebugBus(clock), clock, startup,
                new VersionInfo("0.1.0", clock.instant().minus(Duration.ofMinutes(62)), "test.cfg"), lines);
    }

    private static CommandTree tree() {
        CommandRegistry r = new CommandRegistry();
        r.debugCategory("voice lpcor", "Voice", "LPCOR decisions");
        new BuiltinCommands().register(r);
        return r.build();
    }

    private CliSession session(CliEnvironment env, Term term, int privilege) {
        return new CliSession(env, tree(), new SessionInfo("admin", 2, "vty 0", "127.0.0.1"), term, privilege, false);
    }

    @Test
    @DisplayName("prompt is host> in user EXEC and host# in privileged EXEC")
    void prompts() {
        Term t = new Term();
        CliEnvironment env = env(parse("hostname cme-fac\n"));
        CliSession s = session(env, t, 1);
        assertEquals("cme-fac>", s.prompt());
        CliSession p = session(env, t, 15);
        assertEquals("cme-fac#", p.prompt());
    }

    @Test
    @DisplayName("invalid input echoes the caret under the offending character, indented by the prompt")
    void caretUnderPrompt() {
        Term t = new Term();
        CliSession s = session(env(parse("hostname gw\n")), t, 15);
        s.execute("show verzion");
        assertEquals("        ^\n% Invalid input detected at '^' marker.\n", t.take());
        s.execute("sh");
        assertEquals("% Incomplete command.\n", t.take());
        s.execute("d");
        assertEquals("% Ambiguous command:  \"d\"\n", t.take());
    }

    @Test
    @DisplayName("enable checks the enable secret; three bad tries give % Access denied")
    void enableSecret() {
        Term t = new Term();
        CliSession s = session(env(parse("hostname gw\nenable secret 0 s3cret\n")), t, 1);
        t.secrets.addAll(List.of("x", "y", "z"));
        s.execute("enable");
        assertTrue(t.take().endsWith("% Access denied\n"));
        assertEquals("gw>", s.prompt());
        t.secrets.addAll(List.of("wrong", "s3cret"));
        s.execute("en");
        assertEquals("gw#", s.prompt());
        s.execute("disable");
        assertEquals("gw>", s.prompt());
    }

    @Test
    @DisplayName("configure terminal validates each line and applies all changes at once on end")
    void configureTerminal() {
        Term t = new Term();
        CliEnvironment env = env(parse("hostname gw\n"));
        CliSession s = session(env, t, 15);
        s.execute("conf t");
        assertTrue(t.take().startsWith("Enter configuration commands, one per line.  End with CNTL/Z."));
        assertEquals("gw(config)#", s.prompt());
        s.execute("hostname edge");
        assertEquals("gw", env.config().get().hostname(), "not applied before end");
        s.execute("frobnicate now");
        String err = t.take();
        assertTrue(err.contains("^"), err);
        assertEquals("gw(config)#".length(), err.indexOf('^'), err);
        s.execute("end");
        assertEquals("edge", env.config().get().hostname());
        assertEquals("edge#", s.prompt());
        assertFalse(s.inConfigMode());
    }

    @Test
    @DisplayName("configuration mode: ? lists the mode's commands, Tab completes, do runs EXEC commands, exit leaves")
    void configModeHelpDoExit() {
        Term t = new Term();
        CliEnvironment env = env(parse("hostname gw\n"));
        CliSession s = session(env, t, 15);
        s.execute("configure terminal");
        t.take();
        String help = s.help("");
        assertTrue(help.lines().anyMatch(l -> l.startsWith("  hostname")), help);
        assertTrue(s.help("hostn").startsWith("hostname"), s.help("hostn"));
        assertEquals(Optional.of("hostname "), s.complete("hostn"));
        s.execute("do show clock");
        assertTrue(t.take().startsWith("*10:00:00.000 UTC"));
        s.execute("do show bogus");
        String err = t.take();
        assertEquals("gw(config)#do show ".length(), err.indexOf('^'), err);
        s.execute("hostname via-exit");
        s.execute("voice-port 0/1/0");
        assertEquals("gw(config-voiceport)#", s.prompt());
        s.execute("exit");
        assertEquals("gw(config)#", s.prompt());
        s.execute("exit");
        assertFalse(s.inConfigMode());
        assertEquals("via-exit", env.config().get().hostname());
    }

    @Test
    @DisplayName("Ctrl-Z leaves configuration mode applying the changes")
    void ctrlZ() {
        Term t = new Term();
        CliEnvironment env = env(parse("hostname gw\n"));
        CliSession s = session(env, t, 15);
        s.execute("configure terminal");
        s.execute("hostname z9");
        s.suspend();
        assertEquals("z9", env.config().get().hostname());
    }

    @Test
    @DisplayName("write memory saves the running configuration: Building configuration... [OK]")
    void writeMemory() {
        Term t = new Term();
        CliSession s = session(env(parse("hostname gw\n")), t, 15);
        s.execute("wr mem");
        assertEquals("Building configuration...\n[OK]\n", t.take());
        assertTrue(saved.toString().contains("hostname gw"));
        s.execute("show startup-config");
        assertTrue(t.take().contains("hostname gw"));
    }

    @Test
    @DisplayName("show running-config is privileged and prints the configuration")
    void showRunning() {
        Term t = new Term();
        CliEnvironment env = env(parse("hostname gw\n"));
        CliSession user = session(env, t, 1);
        user.execute("show running-config");
        assertTrue(t.take().contains("% Invalid input"));
        CliSession s = session(env, t, 15);
        s.execute("terminal length 0");
        s.execute("sh run");
        String out = t.take();
        assertTrue(out.startsWith("Building configuration...\n\nCurrent configuration : "), out);
        assertTrue(out.contains("hostname gw\n"), out);
    }

    @Test
    @DisplayName("show users lists lines IOS style and marks the caller's line with *")
    void showUsers() {
        Term t = new Term();
        CliSession s = session(env(parse("hostname gw\n")), t, 1);
        s.execute("show users");
        String out = t.take();
        assertTrue(out.contains("Line       User       Host(s)              Idle       Location"), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("*  2 vty 0     admin      idle                 00:00:05   127.0.0.1")), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("   0 con 0")), out);
    }

    @Test
    @DisplayName("show version reports the software version, uptime and configuration file")
    void showVersion() {
        Term t = new Term();
        CliSession s = session(env(parse("hostname gw\n")), t, 1);
        s.execute("show version");
        String out = t.take();
        assertTrue(out.startsWith("tollgate Software, Version 0.1.0\n"), out);
        assertTrue(out.contains("gw uptime is 1 hour, 2 minutes\n"), out);
        assertTrue(out.contains("Configuration file is \"test.cfg\""), out);
    }

    @Test
    @DisplayName("debug <category> streams to the session with terminal monitor; undebug all stops it")
    void debugging() {
        Term t = new Term();
        CliEnvironment env = env(parse("hostname gw\n"));
        CliSession s = session(env, t, 15);
        s.execute("debug voice lpcor");
        assertEquals("voice lpcor debugging is on\n", t.take());
        env.debug().emit("voice lpcor", "decision");
        assertEquals("", t.take(), "no terminal monitor yet");
        s.execute("terminal monitor");
        env.debug().emit("voice lpcor", "decision");
        assertEquals("*Nov 21 10:00:00.000: decision\n", t.take());
        s.execute("show debugging");
        assertTrue(t.take().contains("voice lpcor debugging is on"));
        s.execute("undebug all");
        assertEquals("All possible debugging has been turned off\n", t.take());
        env.debug().emit("voice lpcor", "decision");
        assertEquals("", t.take());
    }

    @Test
    @DisplayName("exit ends the session; history keeps the lines typed")
    void exitAndHistory() {
        Term t = new Term();
        CliSession s = session(env(parse("hostname gw\n")), t, 1);
        assertTrue(s.execute("show clock"));
        assertTrue(t.take().startsWith("*10:00:00.000 UTC Sat Nov 21 2026"));
        s.execute("show history");
        assertEquals("  show clock\n  show history\n", t.take());
        assertFalse(s.execute("exit"));
    }

    @Test
    @DisplayName("uptime is printed IOS style")
    void uptimeText() {
        assertEquals("0 minutes", BuiltinCommands.uptime(Duration.ofSeconds(59)));
        assertEquals("1 week, 0 days, 0 hours, 1 minute", BuiltinCommands.uptime(Duration.ofDays(7).plusMinutes(1)));
        assertEquals("2 days, 3 hours, 4 minutes", BuiltinCommands.uptime(Duration.ofDays(2).plusHours(3).plusMinutes(4)));
    }
}
