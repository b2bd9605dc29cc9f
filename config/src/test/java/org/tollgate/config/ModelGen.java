package org.tollgate.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
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
import org.tollgate.config.accounting.GwAccounting;
import org.tollgate.config.app.AppService;
import org.tollgate.config.app.Application;
import org.tollgate.config.app.AuthPackage;
import org.tollgate.config.cme.Button;
import org.tollgate.config.cme.CallForward;
import org.tollgate.config.cme.Ephone;
import org.tollgate.config.cme.EphoneDn;
import org.tollgate.config.cme.HuntGroup;
import org.tollgate.config.cme.ParkSlot;
import org.tollgate.config.cme.PoolNumber;
import org.tollgate.config.cme.TelephonyService;
import org.tollgate.config.cme.VoiceRegister;
import org.tollgate.config.cme.Snr;
import org.tollgate.config.cme.VoiceRegisterDn;
import org.tollgate.config.cme.VoiceRegisterGlobal;
import org.tollgate.config.cme.VoiceRegisterPool;
import org.tollgate.config.line.ChatScript;
import org.tollgate.config.line.ExecTimeout;
import org.tollgate.config.line.LineConfig;
import org.tollgate.config.line.LineKind;
import org.tollgate.config.line.SerialDevice;
import org.tollgate.config.lpcor.Lpcor;
import org.tollgate.config.lpcor.LpcorGroup;
import org.tollgate.config.lpcor.LpcorMembership;
import org.tollgate.config.lpcor.LpcorPolicy;
import org.tollgate.config.lpcor.LpcorType;
import org.tollgate.config.lpcor.PolicyRule;
import org.tollgate.config.lpcor.Verdict;
import org.tollgate.config.secret.HashedSecret;
import org.tollgate.config.secret.Password;
import org.tollgate.config.secret.Secret;
import org.tollgate.config.system.DialControlMib;
import org.tollgate.config.system.LogHost;
import org.tollgate.config.system.Logging;
import org.tollgate.config.system.PassthroughCommand;
import org.tollgate.config.system.PassthroughCommand.Section;
import org.tollgate.config.system.Services;
import org.tollgate.config.system.SyslogLevel;
import org.tollgate.config.system.Timeouts;
import org.tollgate.config.user.User;
import org.tollgate.config.voice.Codec;
import org.tollgate.config.voice.DialPeer;
import org.tollgate.config.voice.DtmfRelay;
import org.tollgate.config.voice.SessionTarget;
import org.tollgate.config.voice.SipUa;
import org.tollgate.config.voice.VoicePort;
import org.tollgate.config.voice.VoiceServiceVoip;

/**
 * Random valid configurations (every reference resolves) built directly as records, for the
 * round-trip property tests. Deterministic for a seed.
 */
final class ModelGen {
    private static final HashedSecret TYPE9 = HashedSecret.parse(9,
            "$9$2MJBozw/9R3UsU$2lFhcKvpghcyw8deP25GOfyZaagyUOGBymkryvOdfo6").orElseThrow();
    private static final HashedSecret TYPE5 = HashedSecret.parse(5, "$1$mERr$qLnyrX5M.jko/q.g6KNvH1").orElseThrow();

    private final Random r;

    private ModelGen(long seed) {
        this.r = new Random(seed);
    }

    static GatewayConfig random(long seed) {
        return new ModelGen(seed).config();
    }

    private boolean coin() {
        return r.nextBoolean();
    }

    private Optional<Snr> snr() {
        return maybe(() -> new Snr(digits(3, 11), between(Snr.MIN_DELAY, Snr.MAX_DELAY),
                between(Snr.MIN_TIMEOUT, Snr.MAX_TIMEOUT)));
    }

    private int between(int lo, int hi) {
        return lo + r.nextInt(hi - lo + 1);
    }

    private <T> T pick(List<T> xs) {
        return xs.get(r.nextInt(xs.size()));
    }

    private <T> Optional<T> maybe(Supplier<T> s) {
        return coin() ? Optional.of(s.get()) : Optional.empty();
    }

    private OptionalInt maybeInt(int lo, int hi) {
        return coin() ? OptionalInt.of(between(lo, hi)) : OptionalInt.empty();
    }

    private String word(int len) {
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < len; i++) {
            s.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    private String name() {
        return word(between(1, 6)) + (coin() ? "-" + between(0, 99) : "");
    }

    private String digits(int min, int max) {
        StringBuilder s = new StringBuilder();
        int n = between(min, max);
        for (int i = 0; i < n; i++) {
            s.append((char) ('0' + r.nextInt(10)));
        }
        return s.toString();
    }

    private String text() {
        List<String> ws = new ArrayList<>();
        int n = between(1, 4);
        for (int i = 0; i < n; i++) {
            ws.add(word(between(1, 7)));
        }
        return String.join(" ", ws);
    }

    private String ip() {
        return between(1, 223) + "." + between(0, 255) + "." + between(0, 255) + "." + between(1, 254);
    }

    private Password pw() {
        return Password.ofClear(word(between(1, 10)) + digits(0, 3));
    }

    private <T> List<T> distinct(int max, Supplier<T> s) {
        Set<T> out = new LinkedHashSet<>();
        int n = between(0, max);
        for (int i = 0; i < n; i++) {
            out.add(s.get());
        }
        return List.copyOf(out);
    }

    GatewayConfig config() {
        List<LpcorGroup> groups = new ArrayList<>();
        Set<String> groupNames = new LinkedHashSet<>();
        for (int n : distinct(6, () -> between(1, 64))) {
            String g = "G" + word(3) + n;
            if (groupNames.add(g)) {
                groups.add(new LpcorGroup(n, g));
            }
        }
        List<String> gn = List.copyOf(groupNames);
        Supplier<Optional<String>> group = () -> gn.isEmpty() || coin() ? Optional.empty() : Optional.of(pick(gn));
        Supplier<LpcorMembership> membership = () -> new LpcorMembership(group.get(), group.get());

        List<LpcorPolicy> policies = new ArrayList<>();
        for (String g : gn) {
            if (coin()) {
                List<PolicyRule> rules = new ArrayList<>();
                for (String src : gn) {
                    if (coin()) {
                        rules.add(new PolicyRule(src, pick(List.of(Verdict.values()))));
                    }
                }
                policies.add(new LpcorPolicy(g, coin(), rules));
            }
        }
        Lpcor lpcor = new Lpcor(coin(), between(1, 180), groups, policies);

        List<String> portIds = distinct(4, () -> between(0, 2) + "/" + between(0, 3) + (coin() ? "/" + between(0, 9) : ""));
        List<VoicePort> ports = portIds.stream().map(id -> new VoicePort(id, maybe(this::text),
                maybe(() -> digits(1, 6)), coin(), membership.get(), maybeInt(0, 120), maybe(this::text), coin(),
                maybe(() -> pick(List.of("loop-start", "ground-start"))), maybe(() -> pick(List.of("US", "JP"))),
                maybe(() -> pick(List.of("sim", "/dev/ttyS0"))))).toList();

        List<DialPeer> peers = new ArrayList<>();
        for (int tag : distinct(5, () -> between(1, 100000))) {
            boolean voip = coin();
            peers.add(new DialPeer(tag, voip, maybe(() -> digits(1, 5) + pick(List.of("", "T", "...", ".T"))),
                    voip || portIds.isEmpty() ? Optional.empty() : maybe(() -> pick(portIds)),
                    voip ? maybe(() -> new SessionTarget(ip(), maybeInt(1, 65535))) : Optional.empty(), coin(), coin(),
                    distinct(3, () -> pick(List.of(DtmfRelay.values()))), between(0, 10), coin(), membership.get(),
                    maybe(() -> pick(List.of(Codec.values()))), maybe(() -> digits(1, 4)), maybe(() -> digits(1, 4)),
                    maybe(this::text), maybe(() -> pick(List.of("all", "extra", Integer.toString(between(0, 32))))),
                    maybe(() -> digits(1, 3)), coin()));
        }

        List<Integer> dnTags = distinct(4, () -> between(1, 500));
        List<EphoneDn> dns = dnTags.stream().map(t -> new EphoneDn(t, coin(), maybe(() -> digits(3, 6)),
                maybe(this::text), maybe(this::text), forwards(), maybe(() -> digits(1, 2)),
                maybe(() -> coin() ? new ParkSlot(OptionalInt.empty(), OptionalInt.empty(), coin())
                        : new ParkSlot(OptionalInt.of(between(1, 65535)), OptionalInt.of(between(1, 65535)), coin(),
                                maybe(() -> digits(3, 6)))),
                maybe(() -> pick(List.of("meetme", "ad-hoc"))), maybe(() -> digits(3, 5)), snr())).toList();
        List<HuntGroup> hunts = distinct(2, () -> between(1, 100)).stream().map(t -> new HuntGroup(t,
                pick(List.of("parallel", "sequential", "peer", "longest-idle")), maybe(() -> digits(3, 5)),
                distinct(4, () -> digits(3, 5)), maybeInt(1, 60000), maybe(() -> digits(3, 5)))).toList();
        List<Ephone> ephones = new ArrayList<>();
        for (int tag : distinct(3, () -> between(1, 500))) {
            List<Button> buttons = new ArrayList<>();
            if (!dnTags.isEmpty()) {
                for (int i = 1; i <= between(0, 3); i++) {
                    buttons.add(new Button(i, pick(List.of(':', 'o', 's', 'c')),
                            distinct(2, () -> pick(dnTags)).isEmpty() ? List.of(pick(dnTags)) : List.of(pick(dnTags))));
                }
            }
            Optional<String> user = maybe(this::name);
            ephones.add(new Ephone(tag, maybe(() -> pick(List.of(LpcorType.values()))), membership.get(),
                    maybe(() -> pick(List.of("none", "authenticated"))), maybe(() -> "0005.9A3C.7A" + digits(2, 2)),
                    maybe(() -> pick(List.of("CIPC", "7965"))), buttons, user,
                    user.isPresent() ? maybe(() -> Password.ofClear(word(5))) : Optional.empty()));
        }

        List<Integer> regDnTags = distinct(3, () -> between(1, 50));
        List<VoiceRegisterDn> regDns = regDnTags.stream().map(t -> new VoiceRegisterDn(t, maybe(() -> digits(3, 5)),
                maybe(this::text), maybe(this::text), forwards(), maybe(() -> digits(1, 2)), snr())).toList();
        List<VoiceRegisterPool> pools = new ArrayList<>();
        for (int tag : distinct(3, () -> between(1, 50))) {
            List<PoolNumber> numbers = new ArrayList<>();
            if (!regDnTags.isEmpty()) {
                for (int i = 1; i <= between(0, 2); i++) {
                    numbers.add(new PoolNumber(i, pick(regDnTags)));
                }
            }
            boolean auth = coin();
            pools.add(new VoiceRegisterPool(tag, maybe(() -> pick(List.of("mac 0011.2233.44" + digits(2, 2),
                    "network " + ip() + " mask 255.255.255.0", "device-id-name " + word(4)))), numbers,
                    distinct(2, () -> pick(List.of(DtmfRelay.values()))), auth ? Optional.of(name()) : Optional.empty(),
                    auth ? Optional.of(Password.ofClear(word(6))) : Optional.empty(),
                    maybe(() -> pick(List.of(LpcorType.values()))), membership.get(),
                    maybe(() -> pick(List.of(Codec.values())))));
        }
        Optional<VoiceRegisterGlobal> regGlobal = maybe(() -> {
            Optional<String> addr = maybe(this::ip);
            return new VoiceRegisterGlobal(coin(), addr, addr.isPresent() ? maybeInt(1, 65535) : OptionalInt.empty(),
                    maybeInt(1, 100), maybeInt(1, 100), coin());
        });

        List<ChatScript> scripts = distinct(3, () -> "cs" + word(3)).stream()
                .map(n -> new ChatScript(n, pick(List.of("\"\" \"ATH1\" OK", "ABORT BUSY \"\" \"ATDT \\T\" TIMEOUT 45 CONNECT \\c",
                        "\"\" AT OK")))).toList();
        List<String> scriptNames = scripts.stream().map(ChatScript::name).toList();

        List<User> users = distinct(4, this::name).stream().map(n -> new User(n, between(0, 15), coin(),
                maybe(() -> coin() ? "" : digits(3, 6)), credential())).toList();

        List<RadiusServer> servers = distinct(2, () -> "R" + word(3)).stream().map(n -> {
            Optional<String> addr = maybe(this::ip);
            return new RadiusServer(n, addr, addr.isPresent() ? between(1, 65535) : RadiusServer.DEFAULT_AUTH_PORT,
                    addr.isPresent() ? between(1, 65535) : RadiusServer.DEFAULT_ACCT_PORT, maybe(this::pw),
                    maybeInt(1, 1000), maybeInt(0, 100));
        }).toList();
        List<String> serverNames = servers.stream().map(RadiusServer::name).toList();
        List<RadiusGroup> sgroups = distinct(2, () -> "SG" + word(2)).stream().map(n -> {
            List<GroupServer> members = new ArrayList<>();
            Set<String> targets = new LinkedHashSet<>();
            for (int i = 0; i < between(0, 3); i++) {
                GroupServer s = !serverNames.isEmpty() && coin() ? new GroupServer(true, pick(serverNames), 0, 0)
                        : new GroupServer(false, ip(), between(1, 65535), between(1, 65535));
                if (targets.add(s.target())) {
                    members.add(s);
                }
            }
            return new RadiusGroup(n, members);
        }).toList();
        List<String> sgNames = new ArrayList<>(sgroups.stream().map(RadiusGroup::name).toList());
        sgNames.add("radius");
        Supplier<List<AaaMethod>> methods = () -> {
            List<AaaMethod> ms = distinct(3, () -> coin() ? AaaMethod.group(pick(sgNames))
                    : AaaMethod.of(pick(List.of(AaaMethod.Kind.LOCAL, AaaMethod.Kind.NONE, AaaMethod.Kind.ENABLE,
                    AaaMethod.Kind.LINE))));
            return ms.isEmpty() ? List.of(AaaMethod.of(AaaMethod.Kind.LOCAL)) : ms;
        };
        List<MethodList> authn = distinct(3, () -> pick(List.of("default", "h323", "fac", "con"))).stream()
                .map(n -> new MethodList("login", n, methods.get())).toList();
        List<MethodList> authz = distinct(3, () -> pick(List.of("exec", "network")) + " " + pick(List.of("default", "h323")))
                .stream().map(k -> new MethodList(k.split(" ")[0], k.split(" ")[1], methods.get())).toList();
        List<AccountingList> acct = distinct(2, () -> pick(List.of("connection", "exec")) + " " + pick(List.of("h323", "default")))
                .stream().map(k -> new AccountingList(k.split(" ")[0], k.split(" ")[1], coin(),
                        distinct(2, () -> pick(sgNames)).isEmpty() ? List.of("radius") : List.of(pick(sgNames)))).toList();
        Aaa aaa = new Aaa(coin(), authn, authz, acct, coin(), sgroups);

        Radius radius = new Radius(servers, distinct(2, this::ip).stream().map(a -> new RadiusHost(a, between(1, 65535),
                between(1, 65535), maybe(this::pw))).toList(), maybe(this::pw), between(1, 1000), between(0, 100),
                between(0, 1440), maybe(() -> "Ethernet0/" + between(0, 3)));

        GwAccounting gw = new GwAccounting(coin(), coin(), maybe(() -> new FileAccounting(
                maybe(() -> new FileTarget("ifs", "flash:cdr" + digits(1, 2))),
                maybe(() -> new FileTarget(pick(List.of("ftp", "sftp")), "ftp://" + ip() + "/cdr")), coin(),
                between(6, 40), between(60, 1440), between(1, 1435), between(1, 3))));

        Application app = new Application(new AuthPackage(maybe(() -> "flash:" + word(5) + ".au"),
                maybe(() -> "flash:" + word(5) + ".au"), maybe(() -> Password.ofClear(digits(1, 8))), between(0, 10),
                pick(List.of('#', '*', '0', '9')), pick(List.of('*', '#', '5')), between(1, 32)),
                distinct(2, () -> "svc" + word(2)).stream().map(n -> new AppService(n, "flash:" + n + ".tcl")).toList());

        Optional<TelephonyService> tel = maybe(() -> {
            Optional<String> addr = maybe(this::ip);
            return new TelephonyService(maybeInt(1, 1000), maybeInt(1, 10000), addr,
                    addr.isPresent() ? maybeInt(2000, 9999) : OptionalInt.empty(), maybeInt(1, 120),
                    distinct(3, () -> pick(List.of("create cnf-files", "transfer-system full-consult",
                            "call-park system application", "max-conferences 8"))));
        });

        List<PassthroughCommand> kept = new ArrayList<>();
        if (coin()) {
            kept.add(new PassthroughCommand("version " + between(11, 15) + "." + between(0, 9), Section.VERSION, List.of()));
        }
        if (coin()) {
            kept.add(new PassthroughCommand("service timestamps log datetime msec", Section.SERVICE, List.of()));
        }
        if (coin()) {
            kept.add(new PassthroughCommand(pick(List.of("ip subnet-zero", "no ip subnet-zero")), Section.GLOBAL, List.of()));
        }
        if (coin()) {
            kept.add(new PassthroughCommand("ip domain-name " + word(5) + ".net", Section.GLOBAL, List.of()));
        }
        for (String ifname : distinct(2, () -> "Ethernet0/" + between(0, 3))) {
            kept.add(new PassthroughCommand("interface " + ifname, Section.INTERFACE,
                    distinct(2, () -> pick(List.of("ip address " + ip() + " 255.255.255.0", "no ip directed-broadcast",
                            "shutdown", "description " + word(6))))));
        }
        for (String route : distinct(2, () -> "ip route " + ip() + " 255.255.255.0 " + ip())) {
            kept.add(new PassthroughCommand(route, Section.ROUTING, List.of()));
        }
        if (coin()) {
            kept.add(new PassthroughCommand("banner motd ^C\n" + text() + "\n^C", Section.BANNER, List.of()));
        }
        if (coin()) {
            kept.add(new PassthroughCommand("ntp server " + ip(), Section.NTP, List.of()));
        }

        return new GatewayConfig(name().replace("-", "x").replaceAll("^[^A-Za-z]", "h"),
                new Services(coin(), coin()), maybe(() -> coin() ? TYPE9 : TYPE5), users, aaa, radius, gw,
                new Logging(distinct(2, this::ip).stream().map(a -> new LogHost(a, coin(), between(1, 65535))).toList(),
                        maybe(() -> pick(List.of(SyslogLevel.values())))),
                new DialControlMib(between(0, 100000), between(0, 1200)), new Timeouts(maybeInt(0, 120)), lpcor, app,
                ports, peers, dns, ephones, new VoiceRegister(regGlobal, regDns, pools), hunts, tel,
                maybe(() -> new SipUa(distinct(2, () -> pick(List.of("retry invite 2", "timers trying 500",
                        "registrar ipv4:10.0.0.1"))))),
                maybe(() -> {
                    boolean sip = coin();
                    return new VoiceServiceVoip(distinct(2, () -> pick(List.of("allow-connections sip to sip",
                            "fax protocol t38"))), sip, sip ? distinct(2, () -> pick(List.of("early-offer forced",
                            "bind control source-interface Ethernet0/0"))) : List.of());
                }),
                scripts, lines(scriptNames), kept);
    }

    private Secret credential() {
        return switch (between(0, 2)) {
            case 0 -> pw();
            case 1 -> TYPE5;
            default -> TYPE9;
        };
    }

    private List<CallForward> forwards() {
        List<CallForward> out = new ArrayList<>();
        for (String kind : List.of("all", "busy", "noan")) {
            if (coin()) {
                out.add(new CallForward(kind, digits(3, 6),
                        kind.equals("noan") ? maybeInt(3, 60000) : OptionalInt.empty()));
            }
        }
        return out;
    }

    private List<LineConfig> lines(List<String> scripts) {
        List<LineConfig> out = new ArrayList<>();
        if (coin()) {
            out.add(line(LineKind.CON, 0, 0, scripts));
        }
        if (coin()) {
            out.add(line(LineKind.AUX, 0, 0, scripts));
        }
        int next = between(1, 10);
        for (int i = 0; i < between(0, 2); i++) {
            int last = next + between(0, 5);
            out.add(line(LineKind.TTY, next, last, scripts));
            next = last + between(1, 10);
        }
        next = 0;
        for (int i = 0; i < between(0, 2); i++) {
            int last = next + between(0, 4);
            out.add(line(LineKind.VTY, next, last, scripts));
            next = last + 1;
        }
        out.sort(Comparator.comparing(LineConfig::kind).thenComparingInt(LineConfig::first));
        return out;
    }

    private LineConfig line(LineKind kind, int first, int last, List<String> scripts) {
        Supplier<Optional<String>> script = () -> scripts.isEmpty() || coin() ? Optional.empty() : Optional.of(pick(scripts));
        Supplier<List<String>> transports = () -> switch (between(0, 3)) {
            case 0 -> List.of();
            case 1 -> List.of(pick(List.of("all", "none")));
            default -> distinct(3, () -> pick(List.of("telnet", "ssh", "rlogin")));
        };
        boolean serial = kind == LineKind.AUX || kind == LineKind.TTY;
        return new LineConfig(kind, first, last,
                maybe(() -> pick(List.of("line", "local", "authentication default"))), maybe(this::pw),
                maybe(() -> pick(List.of("InOut", "Dialin"))), transports.get(), transports.get(),
                maybe(() -> pick(List.of("hardware", "software", "none"))), script.get(), script.get(), script.get(),
                script.get(), script.get(), maybeInt(1, 60), maybe(() -> new ExecTimeout(between(0, 100), between(0, 59))),
                maybeInt(300, 115200), distinct(2, () -> pick(List.of("during-login", "ppp", "arap"))),
                maybeInt(0, 15),
                serial ? maybe(() -> new SerialDevice("/dev/ttyS" + between(0, 9), maybeInt(300, 115200)))
                        : Optional.empty());
    }
}
