package org.tollgate.config.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.tollgate.config.GatewayConfig;
import org.tollgate.config.aaa.Aaa;
import org.tollgate.config.aaa.AaaMethod;
import org.tollgate.config.aaa.AccountingList;
import org.tollgate.config.aaa.GroupServer;
import org.tollgate.config.aaa.MethodList;
import org.tollgate.config.aaa.Radius;
import org.tollgate.config.aaa.RadiusGroup;
import org.tollgate.config.aaa.RadiusHost;
import org.tollgate.config.aaa.RadiusServer;
import org.tollgate.config.accounting.FileAccounting;
import org.tollgate.config.accounting.FileTarget;
import org.tollgate.config.secret.Password;

/** {@code aaa ...}, {@code radius server}, {@code radius-server ...}, {@code gw-accounting ...}. */
final class AaaCommands {
    private static final Pattern INTERFACE = Pattern.compile("[A-Za-z][A-Za-z0-9/.:-]{0,63}");

    private AaaCommands() {
    }

    static void register() {
        ModeDef<GatewayConfig.Builder> g = Modes.GLOBAL;
        g.cmd("aaa new-model", "Enable NEW access control commands and functions",
                (b, a) -> b.aaa(b.aaa().withNewModel(Common.flag(a))));
        g.cmd("aaa authentication login", "Set authentication lists for logins", (b, a) -> {
            String list = listName(a);
            Aaa aaa = b.aaa();
            if (a.negated()) {
                a.remainingWords("methods");
                return b.aaa(aaa.withAuthentication(Lists.remove(aaa.authentication(), l -> l.name().equals(list))));
            }
            MethodList ml = new MethodList("login", list, methods(a));
            return b.aaa(aaa.withAuthentication(Lists.upsert(aaa.authentication(), l -> l.name().equals(list), ml)));
        });
        g.cmd("aaa authorization", "For network services", (b, a) -> {
            String service = a.keyword("exec", "network");
            String list = listName(a);
            Aaa aaa = b.aaa();
            if (a.negated()) {
                a.remainingWords("methods");
                return b.aaa(aaa.withAuthorization(Lists.remove(aaa.authorization(),
                        l -> l.service().equals(service) && l.name().equals(list))));
            }
            MethodList ml = new MethodList(service, list, methods(a));
            return b.aaa(aaa.withAuthorization(Lists.upsert(aaa.authorization(),
                    l -> l.service().equals(service) && l.name().equals(list), ml)));
        });
        g.cmd("aaa accounting", "Accounting configurations parameters", (b, a) -> {
            String service = a.keyword("connection", "exec", "network");
            String list = listName(a);
            Aaa aaa = b.aaa();
            if (a.negated()) {
                a.remainingWords("methods");
                return b.aaa(aaa.withAccounting(Lists.remove(aaa.accounting(),
                        l -> l.service().equals(service) && l.name().equals(list))));
            }
            boolean startStop = a.keyword("start-stop", "stop-only").equals("start-stop");
            List<String> groups = new ArrayList<>();
            do {
                a.keyword("group");
                String grp = Common.name(a, "Server-group name, or radius");
                a.ref("aaa-group", grp);
                groups.add(grp);
            } while (a.more());
            a.end();
            AccountingList al = new AccountingList(service, list, startStop, groups);
            return b.aaa(aaa.withAccounting(Lists.upsert(aaa.accounting(),
                    l -> l.service().equals(service) && l.name().equals(list), al)));
        });
        g.cmd("aaa session-id", "AAA Session ID", (b, a) -> {
            if (a.negated()) {
                a.remainingWords("mode");
                return b.aaa(b.aaa().withSessionIdCommon(true));
            }
            boolean common = a.keyword("common", "unique").equals("common");
            a.end();
            return b.aaa(b.aaa().withSessionIdCommon(common));
        });
        g.modeCmd("aaa group server radius", "Radius server-group definition", (b, a) -> {
            String name = Common.name(a, "Server group name");
            a.end();
            Aaa aaa = b.aaa();
            if (a.negated()) {
                return b.aaa(aaa.withServerGroups(Lists.remove(aaa.serverGroups(), x -> x.name().equals(name))));
            }
            if (aaa.serverGroup(name).isEmpty()) {
                b.aaa(aaa.withServerGroups(Lists.upsert(aaa.serverGroups(), x -> false,
                        new RadiusGroup(name, List.of()))));
            }
            a.enter(Modes.AAA_GROUP, name);
            return b;
        });
        Modes.AAA_GROUP.cmd("server", "Specify a RADIUS server", (grp, a) -> {
            GroupServer s;
            if (a.optKeyword("name").isPresent()) {
                String n = Common.name(a, "Name of the radius server");
                a.ref("radius-server", n);
                a.end();
                s = new GroupServer(true, n, 0, 0);
            } else {
                String host = Common.host(a, "IP address of RADIUS server");
                int[] ports = ports(a);
                a.end();
                s = new GroupServer(false, host, ports[0], ports[1]);
            }
            GroupServer fs = s;
            if (a.negated()) {
                return grp.withServers(Lists.remove(grp.servers(), x -> x.target().equals(fs.target())));
            }
            return grp.withServers(Lists.upsert(grp.servers(), x -> x.target().equals(fs.target()), s));
        });

        g.modeCmd("radius server", "Server configuration", (b, a) -> {
            String name = Common.name(a, "Name for the radius server configuration");
            a.end();
            if (a.negated()) {
                return b.radius(b.radius().withServers(Lists.remove(b.radius().servers(), s -> s.name().equals(name))));
            }
            if (b.radius().server(name).isEmpty()) {
                b.radius(b.radius().withServers(Lists.upsert(b.radius().servers(), s -> false,
                        RadiusServer.named(name))));
            }
            a.enter(Modes.RADIUS_SERVER, name);
            return b;
        });
        ModeDef<RadiusServer> rs = Modes.RADIUS_SERVER;
        rs.cmd("address ipv4", "IPv4 address of the RADIUS server", (s, a) -> {
            if (a.negated()) {
                a.remainingWords("address");
                return s.withAddress(Optional.empty(), RadiusServer.DEFAULT_AUTH_PORT, RadiusServer.DEFAULT_ACCT_PORT);
            }
            String host = Common.host(a, "IPv4 address or hostname");
            int[] ports = ports(a);
            a.end();
            return s.withAddress(Optional.of(host), ports[0], ports[1]);
        });
        rs.cmd("key", "Per-server encryption key", (s, a) -> {
            if (a.negated()) {
                a.remainingWords("key");
                return s.withKey(Optional.empty());
            }
            return s.withKey(Optional.of(Common.password(a, "The shared secret")));
        });
        rs.cmd("timeout", "Time to wait for a RADIUS server to reply",
                (s, a) -> s.withTimeoutSeconds(Common.intOrClear(a, 1, 1000, "Wait time in seconds")));
        rs.cmd("retransmit", "Number of retries to active server",
                (s, a) -> s.withRetransmit(Common.intOrClear(a, 0, 100, "Number of retries")));

        g.cmd("radius-server host", "Specify a RADIUS server", (b, a) -> {
            String host = Common.host(a, "IP address of RADIUS server");
            if (a.negated()) {
                a.remainingWords("options");
                return b.radius(b.radius().withHosts(Lists.remove(b.radius().hosts(), h -> h.address().equals(host))));
            }
            int[] ports = ports(a);
            Optional<Password> key = Optional.empty();
            if (a.optKeyword("key").isPresent()) {
                key = Optional.of(Common.password(a, "per-server encryption key"));
            }
            a.end();
            RadiusHost h = new RadiusHost(host, ports[0], ports[1], key);
            return b.radius(b.radius().withHosts(Lists.upsert(b.radius().hosts(), x -> x.address().equals(host), h)));
        });
        g.cmd("radius-server key", "Encryption key shared with the radius servers", (b, a) -> {
            if (a.negated()) {
                a.remainingWords("key");
                return b.radius(b.radius().withKey(Optional.empty()));
            }
            return b.radius(b.radius().withKey(Optional.of(Common.password(a, "The shared secret"))));
        });
        g.cmd("radius-server timeout", "Time to wait for a RADIUS server to reply", (b, a) -> b.radius(
                b.radius().withTimeoutSeconds(orDefault(Common.intOrClear(a, 1, 1000, "Seconds"),
                        Radius.DEFAULT_TIMEOUT))));
        g.cmd("radius-server retransmit", "Number of retries to active server", (b, a) -> b.radius(
                b.radius().withRetransmit(orDefault(Common.intOrClear(a, 0, 100, "Retries"),
                        Radius.DEFAULT_RETRANSMIT))));
        g.cmd("radius-server deadtime", "Time to stop using a server that does not respond", (b, a) -> b.radius(
                b.radius().withDeadtimeMinutes(orDefault(Common.intOrClear(a, 0, 1440, "Minutes"), 0))));
        g.cmd("ip radius source-interface", "Interface for RADIUS packets (kept, no effect)", (b, a) -> b.radius(
                b.radius().withSourceInterface(Common.wordOrClear(a, INTERFACE, "Interface name", "interface"))));

        g.cmd("gw-accounting", "Enable voip gateway accounting.", (b, a) -> {
            String kind = a.keyword("aaa", "file", "syslog");
            a.end();
            boolean on = !a.negated();
            return switch (kind) {
                case "aaa" -> b.accounting(b.accounting().withAaa(on));
                case "syslog" -> b.accounting(b.accounting().withSyslog(on));
                default -> {
                    if (!on) {
                        yield b.accounting(b.accounting().withFile(Optional.empty()));
                    }
                    if (b.accounting().file().isEmpty()) {
                        b.accounting(b.accounting().withFile(Optional.of(FileAccounting.DEFAULT)));
                    }
                    a.enter(Modes.GW_ACCOUNTING_FILE, "");
                    yield b;
                }
            };
        });
        ModeDef<FileAccounting> f = Modes.GW_ACCOUNTING_FILE;
        f.cmd("primary", "Primary location for the accounting file", (x, a) -> x.withPrimary(target(a)));
        f.cmd("secondary", "Secondary location for the accounting file", (x, a) -> x.withSecondary(target(a)));
        f.cmd("cdr-format", "Format of the call records", (x, a) -> {
            if (a.negated()) {
                a.remainingWords("format");
                return x.withCompact(false);
            }
            boolean compact = a.keyword("compact", "detailed").equals("compact");
            a.end();
            return x.withCompact(compact);
        });
        f.cmd("maximum buffer-size", "Maximum buffer size in kilobytes",
                (x, a) -> x.withBufferSizeKb(orDefault(Common.intOrClear(a, 6, 40, "Kilobytes"), 20)));
        f.cmd("maximum fileclose-timer", "Maximum time to write records to a file before closing it",
                (x, a) -> x.withFileCloseMinutes(orDefault(Common.intOrClear(a, 60, 1440, "Minutes"), 1440)));
        f.cmd("maximum cdrflush-timer", "Maximum time to hold records in the buffer",
                (x, a) -> x.withCdrFlushMinutes(orDefault(Common.intOrClear(a, 1, 1435, "Minutes"), 60)));
        f.cmd("maximum retry-count", "Number of times to retry the primary location",
                (x, a) -> x.withRetryCount(orDefault(Common.intOrClear(a, 1, 3, "Retries"), 2)));
    }

    private static Optional<FileTarget> target(Args a) {
        if (a.negated()) {
            a.remainingWords("location");
            return Optional.empty();
        }
        String proto = a.keyword("ifs", "ftp", "sftp");
        String url = a.word("URL of the file location");
        a.end();
        return Optional.of(new FileTarget(proto, url));
    }

    private static String listName(Args a) {
        Token t = a.next("WORD", "Named authentication list (or default)");
        if (t.quoted() || !Common.NAME.matcher(t.text()).matches()) {
            throw a.failAt(t, Args.INVALID);
        }
        return t.text();
    }

    private static List<AaaMethod> methods(Args a) {
        List<AaaMethod> out = new ArrayList<>();
        do {
            String k = a.keyword("local", "none", "enable", "line", "group");
            AaaMethod m = switch (k) {
                case "local" -> AaaMethod.of(AaaMethod.Kind.LOCAL);
                case "none" -> AaaMethod.of(AaaMethod.Kind.NONE);
                case "enable" -> AaaMethod.of(AaaMethod.Kind.ENABLE);
                case "line" -> AaaMethod.of(AaaMethod.Kind.LINE);
                default -> {
                    String grp = Common.name(a, "Server-group name, or radius");
                    a.ref("aaa-group", grp);
                    yield AaaMethod.group(grp);
                }
            };
            if (out.contains(m)) {
                throw a.fail("% Method " + m.text() + " listed twice");
            }
            out.add(m);
        } while (a.more());
        a.end();
        return out;
    }

    private static int[] ports(Args a) {
        int auth = RadiusServer.DEFAULT_AUTH_PORT;
        int acct = RadiusServer.DEFAULT_ACCT_PORT;
        while (true) {
            Optional<String> k = a.optKeyword("auth-port", "acct-port");
            if (k.isEmpty()) {
                return new int[] {auth, acct};
            }
            int p = a.integer(0, 65535, "Port number");
            if (k.get().equals("auth-port")) {
                auth = p;
            } else {
                acct = p;
            }
        }
    }

    private static int orDefault(OptionalInt v, int d) {
        return v.orElse(d);
    }
}
