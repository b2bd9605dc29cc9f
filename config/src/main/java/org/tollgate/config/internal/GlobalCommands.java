package org.tollgate.config.internal;

import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.tollgate.config.GatewayConfig;
import org.tollgate.config.line.ChatScript;
import org.tollgate.config.secret.HashedSecret;
import org.tollgate.config.secret.Secret;
import org.tollgate.config.system.DialControlMib;
import org.tollgate.config.system.LogHost;
import org.tollgate.config.system.SyslogLevel;
import org.tollgate.config.system.Timeouts;
import org.tollgate.config.user.User;

/**
 * Global commands of the system slices: hostname, enable secret, service flags, username, chat-script,
 * logging, dial-control-mib, timeouts.
 */
final class GlobalCommands {
    private static final Pattern HOSTNAME = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,62}");

    private GlobalCommands() {
    }

    static void register() {
        ModeDef<GatewayConfig.Builder> g = Modes.GLOBAL;
        g.cmd("hostname", "Set system's network name", (b, a) -> {
            if (a.negated()) {
                a.remainingWords("name");
                return b.hostname(GatewayConfig.DEFAULT_HOSTNAME);
            }
            String h = Common.word(a, HOSTNAME, "This system's network name", "hostname");
            a.end();
            return b.hostname(h);
        });
        g.cmd("enable secret", "Assign the privileged level secret", (b, a) -> {
            if (a.negated()) {
                a.remainingWords("secret");
                return b.enableSecret(Optional.empty());
            }
            return b.enableSecret(Optional.of(hashedSecret(a)));
        });
        g.cmd("service password-encryption", "Encrypt system passwords",
                (b, a) -> b.services(b.services().withPasswordEncryption(Common.flag(a))));
        g.cmd("service exec-callback", "Enable exec callback",
                (b, a) -> b.services(b.services().withExecCallback(Common.flag(a))));
        g.cmd("username", "Establish User Name Authentication", GlobalCommands::username);
        g.cmd("chat-script", "Define a modem chat script", (b, a) -> {
            String name = Common.name(a, "Chat script name");
            if (a.negated()) {
                a.ref("chat-script", name);
                a.remainingWords("script");
                return b.chatScripts(Lists.remove(b.chatScripts(), c -> c.name().equals(name)));
            }
            String script = a.rest("expect-send pairs");
            return b.chatScripts(Lists.upsert(b.chatScripts(), c -> c.name().equals(name), new ChatScript(name, script)));
        });
        g.cmd("logging host", "Set syslog server IP address and parameters", (b, a) -> {
            String host = Common.host(a, "IP address of the syslog server");
            if (a.negated()) {
                a.remainingWords("options");
                return b.logging(b.logging().withHosts(
                        Lists.remove(b.logging().hosts(), h -> h.address().equals(host))));
            }
            boolean tcp = false;
            int port = LogHost.DEFAULT_PORT;
            if (a.optKeyword("transport").isPresent()) {
                tcp = a.keyword("udp", "tcp").equals("tcp");
                if (a.optKeyword("port").isPresent()) {
                    port = a.integer(1, 65535, "Port number");
                }
            }
            a.end();
            LogHost h = new LogHost(host, tcp, port);
            return b.logging(b.logging().withHosts(Lists.upsert(b.logging().hosts(), x -> x.address().equals(host), h)));
        });
        g.cmd("logging trap", "Set syslog server logging level", (b, a) -> {
            if (a.negated()) {
                a.remainingWords("level");
                return b.logging(b.logging().withTrap(Optional.empty()));
            }
            Token t = a.next("<0-7>|LEVEL", "Logging severity level");
            Optional<SyslogLevel> level = SyslogLevel.parse(t.text());
            if (level.isEmpty()) {
                String[] names = Arrays.stream(SyslogLevel.values()).map(SyslogLevel::keyword)
                        .toArray(String[]::new);
                level = Args.match(t, names).flatMap(SyslogLevel::parse);
            }
            if (level.isEmpty()) {
                throw a.failAt(t, Args.INVALID);
            }
            a.end();
            return b.logging(b.logging().withTrap(level));
        });
        g.cmd("dial-control-mib retain-timer", "Timer for removing entries from the call history table", (b, a) -> {
            OptionalInt v = Common.intOrClear(a, 0, Integer.MAX_VALUE, "Time in minutes");
            return b.dialControlMib(b.dialControlMib().withRetainTimerMinutes(
                    v.orElse(DialControlMib.DEFAULT_RETAIN_MINUTES)));
        });
        g.cmd("dial-control-mib max-size", "Maximum size of the call history table", (b, a) -> {
            OptionalInt v = Common.intOrClear(a, 0, 1200, "Number of entries");
            return b.dialControlMib(b.dialControlMib().withMaxSize(
                    v.orElse(DialControlMib.DEFAULT_MAX_SIZE)));
        });
        g.cmd("timeouts interdigit", "Interdigit timeout (tollgate global default)",
                (b, a) -> b.timeouts(new Timeouts(Common.intOrClear(a, 0, 120, "Timeout in seconds"))));
    }

    /** {@code [0|5|8|9] X} or a clear text, as a hash (clear text is hashed as type 9). */
    static HashedSecret hashedSecret(Args a) {
        Token t = a.next("<0-9>|LINE", "The secret");
        String type = t.quoted() ? "" : t.text();
        if (type.matches("[0589]") && a.more()) {
            String value = a.word("The secret");
            a.end();
            if (type.equals("0")) {
                return HashedSecret.hashType9(value);
            }
            int n = Integer.parseInt(type);
            return HashedSecret.parse(n, value)
                    .orElseThrow(() -> a.fail("% Invalid type " + n + " secret (expected $" + (n == 5 ? 1 : n)
                            + "$salt$hash)"));
        }
        if (type.matches("\\d") && a.more()) {
            throw a.failAt(t, "% Unsupported secret type " + type + " (use 0, 5, 8 or 9)");
        }
        a.end();
        return HashedSecret.hashType9(t.text());
    }

    private static GatewayConfig.Builder username(GatewayConfig.Builder b, Args a) {
        String name = Common.name(a, "User name");
        a.define("user", name);
        if (a.negated()) {
            a.remainingWords("options");
            return b.users(Lists.remove(b.users(), u -> u.name().equals(name)));
        }
        int privilege = User.DEFAULT_PRIVILEGE;
        boolean noVerify = false;
        Optional<String> dial = Optional.empty();
        Secret credential = null;
        while (credential == null) {
            String k = a.keyword("privilege", "nocallback-verify", "callback-dialstring", "password", "secret");
            switch (k) {
                case "privilege" -> privilege = a.integer(0, 15, "User privilege level");
                case "nocallback-verify" -> noVerify = true;
                case "callback-dialstring" -> {
                    Token t = a.next("WORD", "Callback dialstring (\"\" = the user enters it)");
                    if (!t.quoted() && !Common.DIAL_PATTERN.matcher(t.text()).matches()) {
                        throw a.failAt(t, Args.invalidValue(t.text(), "callback dialstring"));
                    }
                    dial = Optional.of(t.text());
                }
                case "password" -> credential = Common.password(a, "The user password");
                case "secret" -> credential = hashedSecret(a);
                default -> throw new IllegalStateException(k);
            }
        }
        User u = new User(name, privilege, noVerify, dial, credential);
        return b.users(Lists.upsert(b.users(), x -> x.name().equals(name), u));
    }
}
