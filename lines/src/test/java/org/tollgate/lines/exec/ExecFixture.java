package org.tollgate.lines.exec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.tollgate.config.GatewayConfig;
import org.tollgate.config.cli.BuiltinCommands;
import org.tollgate.config.cli.CliEnvironment;
import org.tollgate.config.cli.CommandRegistry;
import org.tollgate.config.cli.CommandTree;
import org.tollgate.config.cli.ConfigHolder;
import org.tollgate.config.cli.DebugBus;
import org.tollgate.config.cli.StartupConfig;
import org.tollgate.config.cli.VersionInfo;
import org.tollgate.config.secret.HashedSecret;
import org.tollgate.config.secret.Password;
import org.tollgate.config.user.User;

/** A gateway-less EXEC environment for session tests: two users, an enable secret, scripted keystrokes. */
final class ExecFixture {
    final Clock clock = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneId.of("UTC"));
    final LineTable lines = new LineTable(clock);
    final GatewayConfig config = GatewayConfig.empty().toBuilder()
            .hostname("cme-fac")
            .enableSecret(Optional.of(HashedSecret.hashType9("cme-enable")))
            .users(List.of(
                    new User("admin", 15, false, Optional.empty(), Password.ofClear("tollgate-admin")),
                    new User("op", 1, false, Optional.empty(), Password.ofClear("op-pw"))))
            .build();
    final CliEnvironment env = new CliEnvironment(new ConfigHolder(config), new DebugBus(clock), clock,
            StartupConfig.none("none"), new VersionInfo("0.1.0", clock.instant(), "test.cfg"), lines);
    final CommandTree tree;

    ExecFixture() {
        CommandRegistry r = new CommandRegistry();
        new BuiltinCommands().register(r);
        tree = r.build();
    }

    /** A terminal fed from a fixed keystroke script, recording what the session writes. */
    static final class ScriptTerminal implements ExecTerminal {
        final InputStream in;
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean closed;

        ScriptTerminal(String keys) {
            in = new ByteArrayInputStream(keys.getBytes(StandardCharsets.ISO_8859_1));
        }

        @Override
        public InputStream input() {
            return in;
        }

        @Override
        public OutputStream output() {
            return out;
        }

        @Override
        public String location() {
            return "192.0.2.7";
        }

        @Override
        public void close() {
            closed = true;
        }

        String text() {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    ScriptTerminal run(LoginMode login, String keys) {
        ScriptTerminal t = new ScriptTerminal(keys);
        LineTable.Slot slot = lines.claimVty(2, 0, 4, t.location()).orElseThrow();
        new ExecSession(env, tree, t, slot, login, false).run();
        return t;
    }
}
