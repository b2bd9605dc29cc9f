package org.tollgate.config.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tollgate.config.GatewayConfig;
import org.tollgate.config.cme.Button;
import org.tollgate.config.cme.CallForward;
import org.tollgate.config.cme.Ephone;
import org.tollgate.config.cme.EphoneDn;
import org.tollgate.config.cme.HuntGroup;
import org.tollgate.config.cme.ParkSlot;
import org.tollgate.config.cme.PoolNumber;
import org.tollgate.config.cme.Snr;
import org.tollgate.config.cme.TelephonyService;
import org.tollgate.config.cme.VoiceRegisterDn;
import org.tollgate.config.cme.VoiceRegisterGlobal;
import org.tollgate.config.cme.VoiceRegisterPool;
import org.tollgate.config.lpcor.LpcorMembership;
import org.tollgate.config.lpcor.LpcorType;
import org.tollgate.config.secret.Password;

/** {@code ephone-dn}, {@code ephone}, {@code voice register ...}, {@code telephony-service}. */
final class CmeCommands {
    private static final Pattern BUTTON = Pattern.compile("(\\d{1,3})([:sobcfmwx])(\\d{1,10}(?:,\\d{1,10})*)");
    private static final Set<String> TELEPHONY_WORDS = Set.of("call-park", "transfer-system", "transfer-pattern",
            "create", "system", "url", "keepalive", "load", "voicemail", "max-conferences", "web", "dialplan-pattern",
            "time-format", "date-format", "secondary-dialtone", "auto", "cnf-file", "service phone", "em", "moh",
            "multicast", "tftp-path", "fac", "night-service", "directory", "after-hours", "conference", "hunt-group");

    private CmeCommands() {
    }

    static void register() {
        ephoneDn();
        ephone();
        voiceRegister();
        telephony();
    }

    private static void ephoneDn() {
        Modes.GLOBAL.modeCmd("ephone-dn", "Ethernet phone directory number", (b, a) -> {
            int tag = a.integer(1, Integer.MAX_VALUE, "Directory number tag");
            if (a.negated()) {
                a.ref("ephone-dn", Integer.toString(tag));
                a.remainingWords("options");
                return b.ephoneDns(Lists.remove(b.ephoneDns(), d -> d.tag() == tag));
            }
            boolean dual = a.optKeyword("dual-line").isPresent();
            a.end();
            Optional<EphoneDn> existing = b.ephoneDns().stream().filter(d -> d.tag() == tag).findFirst();
            EphoneDn dn = existing.map(d -> d.withDualLine(dual)).orElse(EphoneDn.of(tag, dual));
            b.ephoneDns(Lists.upsert(b.ephoneDns(), d -> d.tag() == tag, dn));
            a.enter(Modes.EPHONE_DN, Integer.toString(tag));
            return b;
        });
        ModeDef<EphoneDn> m = Modes.EPHONE_DN;
        m.cmd("number", "Extension number", (d, a) -> {
            Optional<String> n = Common.wordOrClear(a, Common.DIGITS, "Extension number", "number");
            a.define("number", "ephone-dn:" + d.tag());
            return d.withNumber(n);
        });
        m.cmd("label", "Label text", (d, a) -> d.withLabel(Common.textOrClear(a, "Label text")));
        m.cmd("name", "Caller-id name", (d, a) -> d.withName(Common.textOrClear(a, "Name")));
        m.cmd("call-forward", "Call forwarding", (d, a) -> d.withCallForwards(callForward(a, d.callForwards())));
        m.cmd("pickup-group", "Pickup group number",
                (d, a) -> d.withPickupGroup(Common.wordOrClear(a, Common.DIGITS, "Group number", "group")));
        m.cmd("park-slot", "This number is a call-park slot", (d, a) -> {
            if (a.negated()) {
                a.remainingWords("options");
                return d.withParkSlot(Optional.empty());
            }
            OptionalInt timeout = OptionalInt.empty();
            OptionalInt limit = OptionalInt.empty();
            if (a.optKeyword("timeout").isPresent()) {
                timeout = OptionalInt.of(a.integer(1, 65535, "Reminder interval in seconds"));
                a.keyword("limit");
                limit = OptionalInt.of(a.integer(1, 65535, "Number of reminders"));
            }
            boolean recall = a.optKeyword("recall").isPresent();
            Optional<String> transfer = Optional.empty();
            if (a.optKeyword("transfer").isPresent()) {
                transfer = Optional.of(Common.word(a, Common.DIGITS, "Number the call goes to after the limit",
                        "number"));
            }
            a.end();
            return d.withParkSlot(Optional.of(new ParkSlot(timeout, limit, recall, transfer)));
        });
        m.cmd("conference", "This number is a conference number", (d, a) -> {
            if (a.negated()) {
                a.remainingWords("type");
                return d.withConference(Optional.empty());
            }
            String kind = a.keyword("meetme", "ad-hoc");
            a.end();
            return d.withConference(Optional.of(kind));
        });
        m.cmd("intercom", "Intercom line: auto-dial this number",
                (d, a) -> d.withIntercom(Common.wordOrClear(a, Common.DIGITS, "Intercom target number", "number")));
        m.cmd("snr", "Single number reach: also ring a remote number", (d, a) -> d.withSnr(snr(a)));

        Modes.GLOBAL.modeCmd("voice hunt-group", "Hunt group", (b, a) -> {
            int tag = a.integer(1, 100, "Hunt group tag");
            if (a.negated()) {
                a.remainingWords("type");
                return b.huntGroups(Lists.remove(b.huntGroups(), h -> h.tag() == tag));
            }
            String kind = a.keyword("parallel", "sequential", "peer", "longest-idle");
            a.end();
            Optional<HuntGroup> existing = b.huntGroups().stream().filter(h -> h.tag() == tag).findFirst();
            if (existing.isPresent() && !existing.get().kind().equals(kind)) {
                throw a.fail("% Cannot change the type of hunt group " + tag + " (remove it first)");
            }
            if (existing.isEmpty()) {
                b.huntGroups(Lists.upsert(b.huntGroups(), h -> false, HuntGroup.of(tag, kind)));
            }
            a.enter(Modes.HUNT_GROUP, Integer.toString(tag));
            return b;
        });
        ModeDef<HuntGroup> h = Modes.HUNT_GROUP;
        h.cmd("pilot", "Number callers dial",
                (g, a) -> g.withPilot(Common.wordOrClear(a, Common.DIGITS, "Pilot number", "number")));
        h.cmd("list", "Member extensions, comma separated", (g, a) -> {
            if (a.negated()) {
                a.remainingWords("list");
                return g.withMembers(List.of());
            }
            String list = Common.word(a, Pattern.compile("\\d{1,32}(,\\d{1,32}){0,31}"), "N,N,...", "number list");
            a.end();
            return g.withMembers(List.of(list.split(",")));
        });
        h.cmd("timeout", "Ring time per member",
                (g, a) -> g.withTimeoutSeconds(Common.intOrClear(a, 1, 60000, "Seconds")));
        h.cmd("final", "Where unanswered calls go",
                (g, a) -> g.withFinalNumber(Common.wordOrClear(a, Common.DIGITS, "Final number", "number")));
    }

    private static List<CallForward> callForward(Args a, List<CallForward> current) {
        String kind = a.keyword("all", "busy", "noan");
        if (a.negated()) {
            a.remainingWords("number");
            return Lists.remove(current, c -> c.kind().equals(kind));
        }
        String number = Common.word(a, Common.DIAL_PATTERN, "Target number", "number");
        OptionalInt timeout = OptionalInt.empty();
        if (kind.equals("noan") && a.optKeyword("timeout").isPresent()) {
            timeout = OptionalInt.of(a.integer(3, 60000, "Ring no answer timeout in seconds"));
        }
        a.end();
        List<CallForward> out = new ArrayList<>(Lists.upsert(current, c -> c.kind().equals(kind),
                new CallForward(kind, number, timeout)));
        out.sort(Comparator.comparingInt(c -> List.of("all", "busy", "noan").indexOf(c.kind())));
        return out;
    }

    private static void ephone() {
        Modes.GLOBAL.modeCmd("ephone", "Ethernet phone", (b, a) -> {
            int tag = a.integer(1, Integer.MAX_VALUE, "Ephone tag");
            a.end();
            if (a.negated()) {
                return b.ephones(Lists.remove(b.ephones(), e -> e.tag() == tag));
            }
            if (b.ephones().stream().noneMatch(e -> e.tag() == tag)) {
                b.ephones(Lists.upsert(b.ephones(), e -> false, Ephone.of(tag)));
            }
            a.enter(Modes.EPHONE, Integer.toString(tag));
            return b;
        });
        ModeDef<Ephone.Builder> m = Modes.EPHONE;
        m.cmd("lpcor type", "LPCOR type of the phone", (e, a) -> e.lpcorType(lpcorType(a)));
        m.cmd("lpcor incoming", "Incoming LPCOR resource group", (e, a) -> e.lpcor(membership(a, "incoming", e.lpcor())));
        m.cmd("lpcor outgoing", "Outgoing LPCOR resource group", (e, a) -> e.lpcor(membership(a, "outgoing", e.lpcor())));
        m.cmd("device-security-mode", "Security mode (kept)", (e, a) -> {
            if (a.negated()) {
                a.remainingWords("mode");
                return e.deviceSecurityMode(Optional.empty());
            }
            String s = a.keyword("none", "authenticated", "encrypted");
            a.end();
            return e.deviceSecurityMode(Optional.of(s));
        });
        m.cmd("mac-address", "MAC address of the phone", (e, a) -> e.macAddress(
                Common.wordOrClear(a, Common.MAC, "HHHH.HHHH.HHHH", "MAC address").map(s -> s.toUpperCase(Locale.ROOT))));
        m.cmd("type", "Phone model", (e, a) -> e.type(Common.wordOrClear(a, Common.NAME, "Model, e.g. CIPC", "type")));
        m.cmd("button", "Button to ephone-dn mapping", (e, a) -> {
            if (a.negated()) {
                a.remainingWords("buttons");
                return e.buttons(List.of());
            }
            List<Button> buttons = new ArrayList<>();
            do {
                Token t = a.next("N:DN", "Button index, separator, ephone-dn tag(s)");
                Matcher mm = BUTTON.matcher(t.text());
                if (t.quoted() || !mm.matches()) {
                    throw a.failAt(t, Args.INVALID);
                }
                int index = Integer.parseInt(mm.group(1));
                if (index < 1 || buttons.stream().anyMatch(x -> x.index() == index)) {
                    throw a.failAt(t, "% Invalid or repeated button index " + index);
                }
                List<Integer> dns = new ArrayList<>();
                for (String s : mm.group(3).split(",")) {
                    long v = Long.parseLong(s);
                    if (v < 1 || v > Integer.MAX_VALUE) {
                        throw a.failAt(t, Args.INVALID);
                    }
                    dns.add((int) v);
                    a.context().ref("ephone-dn:" + v, t.start());
                }
                buttons.add(new Button(index, mm.group(2).charAt(0), dns));
            } while (a.more());
            a.end();
            buttons.sort(Comparator.comparingInt(Button::index));
            return e.buttons(buttons);
        });
        m.cmd("username", "Phone user login", (e, a) -> {
            if (a.negated()) {
                a.remainingWords("user");
                return e.username(Optional.empty()).password(Optional.empty());
            }
            String u = Common.name(a, "User name");
            Optional<Password> pw = Optional.empty();
            if (a.optKeyword("password").isPresent()) {
                pw = Optional.of(Password.ofClear(Common.name(a, "Password")));
            }
            a.end();
            return e.username(Optional.of(u)).password(pw);
        });
    }

    private static LpcorMembership membership(Args a, String dir, LpcorMembership m) {
        Optional<String> g;
        if (a.negated()) {
            a.remainingWords("group");
            g = Optional.empty();
        } else {
            g = Optional.of(Common.name(a, "LPCOR resource group name"));
            a.ref("lpcor", g.get());
            a.end();
        }
        return dir.equals("incoming") ? m.withIncoming(g) : m.withOutgoing(g);
    }

    private static Optional<LpcorType> lpcorType(Args a) {
        if (a.negated()) {
            a.remainingWords("type");
            return Optional.empty();
        }
        String t = a.keyword("local", "remote", "mobility");
        a.end();
        return Optional.of(LpcorType.valueOf(t.toUpperCase(Locale.ROOT)));
    }

    private static void voiceRegister() {
        ModeDef<GatewayConfig.Builder> g = Modes.GLOBAL;
        g.modeCmd("voice register global", "SIP phone registrar settings", (b, a) -> {
            a.end();
            if (a.negated()) {
                return b.voiceRegister(b.voiceRegister().withGlobal(Optional.empty()));
            }
            if (b.voiceRegister().global().isEmpty()) {
                b.voiceRegister(b.voiceRegister().withGlobal(Optional.of(VoiceRegisterGlobal.DEFAULT)));
            }
            a.enter(Modes.REGISTER_GLOBAL, "");
            return b;
        });
        ModeDef<VoiceRegisterGlobal> rg = Modes.REGISTER_GLOBAL;
        rg.cmd("mode", "Mode of operation", (x, a) -> {
            if (a.negated()) {
                a.remainingWords("mode");
                return x.withModeCme(false);
            }
            a.keyword("cme");
            a.end();
            return x.withModeCme(true);
        });
        rg.cmd("source-address", "SIP listening address", (x, a) -> {
            if (a.negated()) {
                a.remainingWords("address");
                return x.withSource(Optional.empty(), OptionalInt.empty());
            }
            String addr = Common.ipv4(a, "IP address");
            OptionalInt port = OptionalInt.empty();
            if (a.optKeyword("port").isPresent()) {
                port = OptionalInt.of(a.integer(1, 65535, "Port"));
            }
            a.end();
            return x.withSource(Optional.of(addr), port);
        });
        rg.cmd("max-dn", "Maximum directory numbers", (x, a) -> x.withMaxDn(Common.intOrClear(a, 1, Integer.MAX_VALUE, "N")));
        rg.cmd("max-pool", "Maximum pools", (x, a) -> x.withMaxPool(Common.intOrClear(a, 1, Integer.MAX_VALUE, "N")));
        rg.cmd("authenticate register", "Authenticate REGISTER requests",
                (x, a) -> x.withAuthenticateRegister(Common.flag(a)));

        g.modeCmd("voice register dn", "SIP directory number", (b, a) -> {
            int tag = a.integer(1, Integer.MAX_VALUE, "Directory number tag");
            a.end();
            var vr = b.voiceRegister();
            if (a.negated()) {
                return b.voiceRegister(vr.withDns(Lists.remove(vr.dns(), d -> d.tag() == tag)));
            }
            if (vr.dn(tag).isEmpty()) {
                b.voiceRegister(vr.withDns(Lists.upsert(vr.dns(), d -> false, VoiceRegisterDn.of(tag))));
            }
            a.enter(Modes.REGISTER_DN, Integer.toString(tag));
            return b;
        });
        ModeDef<VoiceRegisterDn> rd = Modes.REGISTER_DN;
        rd.cmd("number", "Extension number", (d, a) -> {
            Optional<String> n = Common.wordOrClear(a, Common.DIGITS, "Extension number", "number");
            a.define("number", "register-dn:" + d.tag());
            return d.withNumber(n);
        });
        rd.cmd("name", "Caller-id name", (d, a) -> d.withName(Common.textOrClear(a, "Name")));
        rd.cmd("label", "Label text", (d, a) -> d.withLabel(Common.textOrClear(a, "Label")));
        rd.cmd("call-forward b2bua", "Call forwarding", (d, a) -> d.withCallForwards(callForward(a, d.callForwards())));
        rd.cmd("pickup-group", "Pickup group number",
                (d, a) -> d.withPickupGroup(Common.wordOrClear(a, Common.DIGITS, "Group number", "group")));
        rd.cmd("snr", "Single number reach: also ring a remote number", (d, a) -> d.withSnr(snr(a)));

        g.modeCmd("voice register pool", "SIP phone", (b, a) -> {
            int tag = a.integer(1, Integer.MAX_VALUE, "Pool tag");
            a.end();
            var vr = b.voiceRegister();
            if (a.negated()) {
                return b.voiceRegister(vr.withPools(Lists.remove(vr.pools(), p -> p.tag() == tag)));
            }
            if (vr.pool(tag).isEmpty()) {
                b.voiceRegister(vr.withPools(Lists.upsert(vr.pools(), p -> false, VoiceRegisterPool.of(tag))));
            }
            a.enter(Modes.REGISTER_POOL, Integer.toString(tag));
            return b;
        });
        ModeDef<VoiceRegisterPool.Builder> rp = Modes.REGISTER_POOL;
        rp.cmd("id", "Phone identification", (p, a) -> {
            if (a.negated()) {
                a.remainingWords("id");
                return p.id(Optional.empty());
            }
            String kind = a.keyword("mac", "network", "ip", "device-id-name");
            String v = switch (kind) {
                case "mac" -> "mac " + Common.word(a, Common.MAC, "HHHH.HHHH.HHHH", "MAC address").toUpperCase(Locale.ROOT);
                case "network", "ip" -> {
                    String addr = Common.ipv4(a, "Address");
                    a.keyword("mask");
                    yield kind + " " + addr + " mask " + Common.ipv4(a, "Mask");
                }
                default -> "device-id-name " + Common.name(a, "Device name");
            };
            a.end();
            return p.id(Optional.of(v));
        });
        rp.cmd("number", "Line to directory number mapping", (p, a) -> {
            int index = a.integer(1, 10, "Line index");
            if (a.negated()) {
                a.remainingWords("dn");
                return p.numbers(Lists.remove(p.numbers(), n -> n.index() == index));
            }
            a.keyword("dn");
            int dn = a.integer(1, Integer.MAX_VALUE, "voice register dn tag");
            a.context().ref("register-dn:" + dn, a.previous().start());
            a.end();
            List<PoolNumber> ns = new ArrayList<>(Lists.upsert(p.numbers(), n -> n.index() == index,
                    new PoolNumber(index, dn)));
            ns.sort(Comparator.comparingInt(PoolNumber::index));
            return p.numbers(ns);
        });
        rp.cmd("dtmf-relay", "DTMF relay methods", (p, a) -> p.dtmfRelay(VoiceCommands.dtmfRelay(a)));
        rp.cmd("username", "Digest credentials", (p, a) -> {
            if (a.negated()) {
                a.remainingWords("user");
                return p.username(Optional.empty()).password(Optional.empty());
            }
            String u = Common.name(a, "User name");
            a.keyword("password");
            Password pw = Password.ofClear(Common.name(a, "Password"));
            a.end();
            return p.username(Optional.of(u)).password(Optional.of(pw));
        });
        rp.cmd("lpcor type", "LPCOR type", (p, a) -> p.lpcorType(lpcorType(a)));
        rp.cmd("lpcor incoming", "Incoming LPCOR resource group", (p, a) -> p.lpcor(membership(a, "incoming", p.lpcor())));
        rp.cmd("lpcor outgoing", "Outgoing LPCOR resource group", (p, a) -> p.lpcor(membership(a, "outgoing", p.lpcor())));
        rp.cmd("codec", "Codec", (p, a) -> p.codec(VoiceCommands.codec(a)));
    }

    private static void telephony() {
        Modes.GLOBAL.modeCmd("telephony-service", "Cisco callmanager express", (b, a) -> {
            a.end();
            if (a.negated()) {
                return b.telephonyService(Optional.empty());
            }
            if (b.telephonyService().isEmpty()) {
                b.telephonyService(Optional.of(TelephonyService.DEFAULT));
            }
            a.enter(Modes.TELEPHONY, "");
            return b;
        });
        ModeDef<TelephonyService> t = Modes.TELEPHONY;
        t.cmd("max-ephones", "Maximum ephones", (x, a) -> x.withMaxEphones(Common.intOrClear(a, 1, 1000, "N")));
        t.cmd("max-dn", "Maximum directory numbers", (x, a) -> x.withMaxDn(Common.intOrClear(a, 1, 10000, "N")));
        t.cmd("ip source-address", "Address SCCP phones register to", (x, a) -> {
            if (a.negated()) {
                a.remainingWords("address");
                return x.withIpSource(Optional.empty(), OptionalInt.empty());
            }
            String addr = Common.ipv4(a, "IP address");
            OptionalInt port = OptionalInt.empty();
            if (a.optKeyword("port").isPresent()) {
                port = OptionalInt.of(a.integer(2000, 9999, "Port"));
            }
            a.end();
            return x.withIpSource(Optional.of(addr), port);
        });
        t.cmd("timeouts interdigit", "Interdigit timeout",
                (x, a) -> x.withInterdigitSeconds(Common.intOrClear(a, 1, 120, "Seconds")));
        t.keptWords = TELEPHONY_WORDS;
        t.keptHandler = (x, a) -> x.withKept(Lists.addDistinct(x.kept(), VoiceCommands.keptLine(a)));
    }

    /** {@code [no] snr N delay D timeout T} (CME: delay 0..30 s, timeout 5..60 s). */
    private static Optional<Snr> snr(Args a) {
        if (a.negated()) {
            a.remainingWords("options");
            return Optional.empty();
        }
        String number = Common.word(a, Common.DIGITS, "Remote (mobile) number", "number");
        a.keyword("delay");
        int delay = a.integer(Snr.MIN_DELAY, Snr.MAX_DELAY, "Seconds before the remote number rings");
        a.keyword("timeout");
        int timeout = a.integer(Snr.MIN_TIMEOUT, Snr.MAX_TIMEOUT, "Seconds the remote number rings");
        a.end();
        return Optional.of(new Snr(number, delay, timeout));
    }
}
