package org.tollgate.callcontrol.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.callcontrol.adapter.CallControlModule;
import org.tollgate.callcontrol.cause.Q850Cause;
import org.tollgate.callcontrol.engine.CallControl;
import org.tollgate.callcontrol.leg.LegFactory;
import org.tollgate.callcontrol.time.ManualScheduler;
import org.tollgate.config.ConfigParser;
import org.tollgate.config.GatewayConfig;
import org.tollgate.config.ParseResult;
import org.tollgate.config.cli.BuiltinCommands;
import org.tollgate.config.cli.CliEnvironment;
import org.tollgate.config.cli.CliSession;
import org.tollgate.config.cli.CliTerminal;
import org.tollgate.config.cli.CommandRegistry;
import org.tollgate.config.cli.ConfigHolder;
import org.tollgate.config.cli.DebugBus;
import org.tollgate.config.cli.LineDirectory;
import org.tollgate.config.cli.SessionInfo;
import org.tollgate.config.cli.StartupConfig;
import org.tollgate.config.cli.VersionInfo;

/** The commands registered through the IOS CLI framework, typed as an operator would (abbreviated). */
class CallControlCommandsTest {
    final Clock clock = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneId.of("UTC"));
    final StringBuilder out = new StringBuilder();
    CallControlModule module;

    final CliTerminal term = new CliTerminal() {
        @Override
        public void write(String text) {
            out.append(text);
        }

        @Override
        public Optional<String> readSecret(String prompt) {
            return Optional.empty();
        }

        @Override
        public int readKey() {
            return ' ';
        }
    };

    CliSession session(GatewayConfig cfg, int privilege) {
        StartupConfig startup = StartupConfig.none("cme-fac.cfg");
        LineDirectory lines = List::of;
        CliEnvironment env = new CliEnvironment(new ConfigHolder(cfg), new DebugBus(clock), clock, startup,
                new VersionInfo("0.1.0", clock.instant().minus(Duration.ofMinutes(1)), "cme-fac.cfg"), lines);
        CommandRegistry r = new CommandRegistry();
        new BuiltinCommands().register(r);
        new CallControlCommands(() -> module).register(r);
        return new CliSession(env, r.build(), new SessionInfo("admin", 2, "vty 0", "127.0.0.1"), term, privilege, false);
    }

    static GatewayConfig example() throws IOException {
        String text = Files.readString(Path.of("..", "examples", "cme-fac.cfg")).lines()
                .filter(l -> !l.trim().equals("service fac")).reduce("", (a, b) -> a + b + "\n");
        return assertInstanceOf(ParseResult.Ok.class, ConfigParser.parse("cme-fac.cfg", text)).config();
    }

    String run(CliSession s, String line) {
        out.setLength(0);
        s.execute(line);
        return out.toString();
    }

    @Test
    @DisplayName("show voice lpcor policy / custom and show dial-peer voice summary from the running config, abbreviated")
    void showCommands() throws IOException {
        CliSession s = session(example(), 1);
        assertEquals("""
                voice lpcor policy AnalogPhone (group 12):
                service fac is disabled
                  ( accept     ) LocalUser (group 11)
                  ( accept     ) AnalogPhone (group 12)
                """, run(s, "sh voi lp pol AnalogPhone"));
        assertTrue(run(s, "show voice lpcor custom").contains("group 12 AnalogPhone"));
        assertTrue(run(s, "show dial-peer voice summary").lines().anyMatch(l -> l.startsWith("11     pots")));
    }

    @Test
    @DisplayName("test voice port (privileged) drives a call; show voice port summary shows it; user EXEC may not test")
    void testCommands() throws IOException {
        GatewayConfig cfg = example();
        module = CallControlModule.create(cfg, new ManualScheduler(), LegFactory.unavailable(Q850Cause.NO_ROUTE_TO_DESTINATION,
                "no SIP"), CallControl.NO_AUTHORIZATION, e -> { });
        CliSession priv = session(cfg, 15);
        assertTrue(run(priv, "test voice port 0/1/0 off-hook").endsWith("hearing dial tone\n"));
        assertTrue(run(priv, "test voice port 0/1/0 digits 99329").endsWith("hearing ringback\n"));
        assertTrue(run(priv, "test voice port 0/1/1 off").contains("port CONNECTED"));
        assertTrue(run(priv, "show voice port summary").lines()
                .anyMatch(l -> List.of(l.split("\\s+")).equals(List.of("0/1/1", "--", "fxs-ls", "up", "up", "off-hook", "active", "y"))));
        assertTrue(run(priv, "show voice port 0/1/0").contains("Port state is CONNECTED"));
        CliSession user = session(cfg, 1);
        String refused = run(user, "test voice port 0/1/0 on-hook");
        assertTrue(refused.contains("% Invalid input detected at '^' marker."), refused);
        assertTrue(run(priv, "show voice port 0/1/0").contains("Port state is CONNECTED"), "the user's attempt changed nothing");
    }
}
