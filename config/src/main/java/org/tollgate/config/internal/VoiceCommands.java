package org.tollgate.config.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tollgate.config.GatewayConfig;
import org.tollgate.config.app.AppService;
import org.tollgate.config.app.Application;
import org.tollgate.config.app.AuthPackage;
import org.tollgate.config.lpcor.Lpcor;
import org.tollgate.config.lpcor.LpcorGroup;
import org.tollgate.config.lpcor.LpcorPolicy;
import org.tollgate.config.lpcor.PolicyRule;
import org.tollgate.config.lpcor.Q850Names;
import org.tollgate.config.lpcor.Verdict;
import org.tollgate.config.secret.Password;
import org.tollgate.config.voice.Codec;
import org.tollgate.config.voice.DialPeer;
import org.tollgate.config.voice.DtmfRelay;
import org.tollgate.config.voice.SessionTarget;
import org.tollgate.config.voice.SipUa;
import org.tollgate.config.voice.VoicePort;
import org.tollgate.config.voice.VoiceServiceVoip;

/**
 * {@code voice lpcor ...}, {@code voice-port}, {@code dial-peer voice}, {@code application},
 * {@code voice service voip}, {@code sip-ua}.
 */
final class VoiceCommands {
    private static final Set<String> VOICE_SERVICE_WORDS = Set.of("allow-connections", "fax", "modem", "h323",
            "media", "rtp-port", "supplementary-service", "mode", "shutdown", "redirect", "notify", "srtp",
            "ip address");
    private static final Set<String> SIP_WORDS = Set.of("bind", "registrar", "early-offer", "asserted-id",
            "header-passing", "min-se", "session", "rel1xx", "midcall-signaling", "localhost", "privacy", "transport",
            "url", "outbound-proxy", "options-ping", "pass-thru", "g729", "sip-profiles");
    private static final Set<String> SIP_UA_WORDS = Set.of("retry", "timers", "registrar", "transport", "credentials",
            "authentication", "sip-server", "connection-reuse", "nat", "xfer-target", "set", "mwi-server",
            "reason-header", "permit", "host-registrar", "keepalive", "calling-info", "protocol");

    private static final Pattern NON_BLANK = Pattern.compile("\\S{1,255}");
    private static final Pattern SESSION_TARGET = Pattern.compile("ipv4:([0-9.]+)(?::(\\d{1,5}))?");
    private static final Pattern PREFIX = Pattern.compile("[0-9*#,]{1,32}");

    private VoiceCommands() {
    }

    static void register() {
        lpcor();
        voicePort();
        dialPeer();
        application();
        kept();
    }

    private static void lpcor() {
        ModeDef<GatewayConfig.Builder> g = Modes.GLOBAL;
        g.cmd("voice lpcor enable", "Enable LPCOR", (b, a) -> b.lpcor(b.lpcor().withEnabled(Common.flag(a))));
        g.cmd("voice lpcor call-block", "Disconnect cause for calls blocked by LPCOR", (b, a) -> {
            a.keyword("cause");
            if (a.negated()) {
                a.remainingWords("cause");
                return b.lpcor(b.lpcor().withCallBlockCause(Lpcor.DEFAULT_CALL_BLOCK_CAUSE));
            }
            Token t = a.next("<1-180>|NAME", "Q.850 disconnect cause number or name");
            int cause;
            if (!t.quoted() && t.text().matches("\\d{1,6}")) {
                cause = Integer.parseInt(t.text());
                if (cause < Q850Names.MIN || cause > Q850Names.MAX) {
                    throw a.failAt(t, Args.outOfRange(t.text(), Q850Names.MIN, Q850Names.MAX));
                }
            } else {
                String name = Args.match(t, Q850Names.all().keySet().toArray(String[]::new))
                        .orElseThrow(() -> a.failAt(t, Args.INVALID));
                cause = Q850Names.cause(name).orElseThrow();
            }
            a.end();
            return b.lpcor(b.lpcor().withCallBlockCause(cause));
        });
        g.modeCmd("voice lpcor custom", "LPCOR custom resource groups", (b, a) -> {
            a.end();
            if (a.negated()) {
                return b.lpcor(b.lpcor().withGroups(List.of()));
            }
            a.enter(Modes.LPCOR_CUSTOM, "");
            return b;
        });
        Modes.LPCOR_CUSTOM.cmd("group", "LPCOR resource group", (l, a) -> {
            int n = a.integer(LpcorGroup.MIN, LpcorGroup.MAX, "Resource group number");
            if (a.negated()) {
                a.remainingWords("name");
                // blame this line if removing the group leaves references dangling
                l.group(n).ifPresent(old -> a.context().ref("lpcor:" + old.name(), a.previous().start()));
                return l.withGroups(Lists.remove(l.groups(), x -> x.number() == n));
            }
            String name = Common.name(a, "Resource group name");
            a.end();
            Optional<LpcorGroup> same = l.group(name);
            if (same.isPresent() && same.get().number() != n) {
                throw a.fail("% Resource group name " + name + " is already used by group " + same.get().number());
            }
            return l.withGroups(Lists.upsert(l.groups(), x -> x.number() == n, new LpcorGroup(n, name)));
        });
        g.modeCmd("voice lpcor policy", "LPCOR policy of a resource group", (b, a) -> {
            String name = Common.name(a, "Resource group name");
            a.ref("lpcor", name);
            a.define("policy", name);
            a.end();
            Lpcor l = b.lpcor();
            if (a.negated()) {
                return b.lpcor(l.withPolicies(Lists.remove(l.policies(), p -> p.name().equals(name))));
            }
            if (l.policy(name).isEmpty()) {
                b.lpcor(l.withPolicies(Lists.upsert(l.policies(), p -> false, new LpcorPolicy(name, false, List.of()))));
            }
            a.enter(Modes.LPCOR_POLICY, name);
            return b;
        });
        ModeDef<LpcorPolicy> p = Modes.LPCOR_POLICY;
        p.cmd("service fac", "Enable forced authorization code", (x, a) -> x.withServiceFac(Common.flag(a)));
        p.cmd("accept", "Accept calls from a resource group", (x, a) -> {
            String grp = Common.name(a, "Resource group name");
            a.ref("lpcor", grp);
            Verdict v;
            if (a.negated()) {
                a.remainingWords("fac");
                v = Verdict.REJECT;
            } else {
                v = a.optKeyword("fac").isPresent() ? Verdict.ACCEPT_FAC : Verdict.ACCEPT;
                if (v == Verdict.ACCEPT_FAC) {
                    a.define("fac-rule", a.context().modeKey() + " " + grp);
                }
                a.end();
            }
            return x.withRules(Lists.upsert(x.rules(), r -> r.sourceGroup().equals(grp), new PolicyRule(grp, v)));
        });
    }

    private static void voicePort() {
        Modes.GLOBAL.modeCmd("voice-port", "Switch to a voice port", (b, a) -> {
            String id = Common.word(a, Common.PORT_ID, "Voice port slot/subunit/port", "voice-port");
            a.end();
            if (a.negated()) {
                a.ref("voice-port", id);
                return b.voicePorts(Lists.remove(b.voicePorts(), x -> x.id().equals(id)));
            }
            if (b.voicePorts().stream().noneMatch(x -> x.id().equals(id))) {
                b.voicePorts(Lists.upsert(b.voicePorts(), x -> false, VoicePort.of(id)));
            }
            a.enter(Modes.VOICE_PORT, id);
            return b;
        });
        ModeDef<VoicePort.Builder> vp = Modes.VOICE_PORT;
        vp.cmd("station-id name", "Station name (caller id)",
                (x, a) -> x.stationName(Common.textOrClear(a, "Station name")));
        vp.cmd("station-id number", "Station number (caller id)",
                (x, a) -> x.stationNumber(Common.wordOrClear(a, Common.DIGITS, "Station number", "number")));
        vp.cmd("caller-id enable", "Enable caller id", (x, a) -> x.callerId(Common.flag(a)));
        vp.cmd("lpcor", "LPCOR resource group", (x, a) -> x.lpcor(Common.lpcorMembership(a, x.lpcor())));
        vp.cmd("timeouts interdigit", "Interdigit timeout",
                (x, a) -> x.interdigitSeconds(Common.intOrClear(a, 0, 120, "Timeout in seconds")));
        vp.cmd("description", "Description of the voice port",
                (x, a) -> x.description(Common.textOrClear(a, "Description text")));
        vp.cmd("shutdown", "Take the voice port out of service", (x, a) -> x.shutdown(Common.flag(a)));
        vp.cmd("signal", "Signalling type (kept)", (x, a) -> {
            if (a.negated()) {
                a.remainingWords("type");
                return x.signal(Optional.empty());
            }
            String s = a.keyword("loop-start", "ground-start", "wink-start", "immediate", "delay-dial");
            a.end();
            return x.signal(Optional.of(s));
        });
        vp.cmd("cptone", "Call progress tone country (kept)",
                (x, a) -> x.cptone(Common.wordOrClear(a, Common.NAME, "Country code, e.g. US", "country")));
        vp.cmd("device", "What drives this port: sim or a device path (tollgate)",
                (x, a) -> x.device(Common.wordOrClear(a, NON_BLANK, "sim, or a device path", "device")));
    }

    private static void dialPeer() {
        Modes.GLOBAL.modeCmd("dial-peer voice", "Voice configuration", (b, a) -> {
            int tag = a.integer(1, Integer.MAX_VALUE, "Voice dial-peer tag");
            if (a.negated()) {
                a.remainingWords("type");
                return b.dialPeers(Lists.remove(b.dialPeers(), d -> d.tag() == tag));
            }
            boolean voip = a.keyword("pots", "voip").equals("voip");
            a.end();
            Optional<DialPeer> existing = b.dialPeers().stream().filter(d -> d.tag() == tag).findFirst();
            if (existing.isPresent() && existing.get().voip() != voip) {
                throw a.fail("% Cannot change the type of dial-peer " + tag + " (remove it first)");
            }
            if (existing.isEmpty()) {
                b.dialPeers(Lists.upsert(b.dialPeers(), d -> false, DialPeer.of(tag, voip)));
            }
            a.enter(Modes.DIAL_PEER, Integer.toString(tag));
            return b;
        });
        ModeDef<DialPeer.Builder> d = Modes.DIAL_PEER;
        d.cmd("destination-pattern", "A full E.164 telephone number prefix",
                (x, a) -> x.destinationPattern(Common.wordOrClear(a, Common.DIAL_PATTERN, "Dial pattern", "pattern")));
        d.cmd("port", "The interface this peer is associated with", (x, a) -> {
            if (x.voip()) {
                throw a.fail(Args.INVALID + " (port is for pots dial-peers)");
            }
            Optional<String> port = Common.wordOrClear(a, Common.PORT_ID, "Voice port", "voice-port");
            port.ifPresent(p -> a.context().ref("voice-port:" + p, a.previous().start()));
            return x.port(port);
        });
        d.cmd("session target", "Session target", (x, a) -> {
            if (!x.voip()) {
                throw a.fail(Args.INVALID + " (session target is for voip dial-peers)");
            }
            if (a.negated()) {
                a.remainingWords("target");
                return x.sessionTarget(Optional.empty());
            }
            Token t = a.next("ipv4:A.B.C.D[:PORT]", "Session target");
            Matcher m = SESSION_TARGET.matcher(t.text());
            if (!m.matches() || !Common.IPV4.matcher(m.group(1)).matches()
                    || (m.group(2) != null && Integer.parseInt(m.group(2)) > 65535)) {
                throw a.failAt(t, Args.INVALID);
            }
            a.end();
            OptionalInt port = m.group(2) == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(m.group(2)));
            return x.sessionTarget(Optional.of(new SessionTarget(m.group(1), port)));
        });
        d.cmd("session protocol", "The session protocol", (x, a) -> {
            if (a.negated()) {
                a.remainingWords("protocol");
                return x.sessionProtocolSip(false);
            }
            a.keyword("sipv2");
            a.end();
            return x.sessionProtocolSip(true);
        });
        d.cmd("session transport", "The session transport", (x, a) -> {
            if (a.negated()) {
                a.remainingWords("transport");
                return x.sessionTransportTcp(false);
            }
            boolean tcp = a.keyword("udp", "tcp").equals("tcp");
            a.end();
            return x.sessionTransportTcp(tcp);
        });
        d.cmd("dtmf-relay", "Transport DTMF digits across IP link", (x, a) -> x.dtmfRelay(dtmfRelay(a)));
        d.cmd("preference", "The preference order of this dial-peer",
                (x, a) -> x.preference(Common.intOrClear(a, 0, 10, "Preference order").orElse(0)));
        d.cmd("huntstop", "Stop hunting on dial-peers", (x, a) -> x.huntstop(Common.flag(a)));
        d.cmd("lpcor", "LPCOR resource group", (x, a) -> x.lpcor(Common.lpcorMembership(a, x.lpcor())));
        d.cmd("codec", "The codec to use for this dial-peer", (x, a) -> x.codec(codec(a)));
        d.cmd("incoming called-number", "Incoming called number matched by this dial-peer",
                (x, a) -> x.incomingCalledNumber(Common.wordOrClear(a, Common.DIAL_PATTERN, "Pattern", "pattern")));
        d.cmd("answer-address", "Calling number matched by this dial-peer",
                (x, a) -> x.answerAddress(Common.wordOrClear(a, Common.DIAL_PATTERN, "Pattern", "pattern")));
        d.cmd("description", "A description of the dial-peer",
                (x, a) -> x.description(Common.textOrClear(a, "Description text")));
        d.cmd("forward-digits", "Digits to forward", (x, a) -> {
            if (a.negated()) {
                a.remainingWords("digits");
                return x.forwardDigits(Optional.empty());
            }
            Optional<String> k = a.optKeyword("all", "extra");
            String v = k.isPresent() ? k.get() : Integer.toString(a.integer(0, 32, "Number of digits"));
            a.end();
            return x.forwardDigits(Optional.of(v));
        });
        d.cmd("prefix", "Prefix digits",
                (x, a) -> x.prefix(Common.wordOrClear(a, PREFIX, "Digits", "prefix")));
        d.cmd("digit-strip", "Strip the matched digits (default on)", (x, a) -> x.digitStrip(Common.flag(a)));
    }

    static List<DtmfRelay> dtmfRelay(Args a) {
        if (a.negated()) {
            a.remainingWords("methods");
            return List.of();
        }
        String[] kws = Arrays.stream(DtmfRelay.values()).map(DtmfRelay::keyword).toArray(String[]::new);
        List<DtmfRelay> out = new ArrayList<>();
        do {
            DtmfRelay r = DtmfRelay.parse(a.keyword(kws)).orElseThrow();
            if (out.contains(r)) {
                throw a.fail("% " + r.keyword() + " listed twice");
            }
            out.add(r);
        } while (a.more());
        a.end();
        return out;
    }

    static Optional<Codec> codec(Args a) {
        if (a.negated()) {
            a.remainingWords("codec");
            return Optional.empty();
        }
        String c = a.keyword("g711ulaw", "g711alaw");
        a.end();
        return Optional.of(c.equals("g711ulaw") ? Codec.G711ULAW : Codec.G711ALAW);
    }

    private static void application() {
        Modes.GLOBAL.modeCmd("application", "Define application", (b, a) -> {
            a.end();
            if (a.negated()) {
                return b.application(Application.DEFAULT);
            }
            a.enter(Modes.APPLICATION, "");
            return b;
        });
        Modes.APPLICATION.modeCmd("package auth", "The built-in authorization (FAC) package", (x, a) -> {
            a.end();
            if (a.negated()) {
                return x.withAuthPackage(AuthPackage.DEFAULT);
            }
            a.enter(Modes.APP_AUTH, "");
            return x;
        });
        Modes.APPLICATION.cmd("service", "Define a service (kept, no effect)", (x, a) -> {
            String name = Common.name(a, "Service name");
            if (a.negated()) {
                a.remainingWords("url");
                return x.withServices(Lists.remove(x.services(), s -> s.name().equals(name)));
            }
            String url = a.word("Location of the script");
            a.end();
            return x.withServices(Lists.upsert(x.services(), s -> s.name().equals(name), new AppService(name, url)));
        });
        ModeDef<AuthPackage> p = Modes.APP_AUTH;
        AuthPackage def = AuthPackage.DEFAULT;
        p.cmd("param user-prompt", "Prompt asking for the authorization code",
                (x, a) -> x.withUserPrompt(Common.wordOrClear(a, NON_BLANK, "URL of the prompt", "URL")));
        p.cmd("param passwd-prompt", "Prompt asking for the password",
                (x, a) -> x.withPasswdPrompt(Common.wordOrClear(a, NON_BLANK, "URL of the prompt", "URL")));
        p.cmd("param passwd", "Predefined password (digits)",
                (x, a) -> x.withPasswd(Common.wordOrClear(a, Common.DIGITS, "Password digits", "password")
                        .map(Password::ofClear)));
        p.cmd("param max-retries", "Further tries after a failed entry",
                (x, a) -> x.withMaxRetries(Common.intOrClear(a, 0, 10, "Retries").orElse(def.maxRetries())));
        p.cmd("param term-digit", "Digit that ends an entry",
                (x, a) -> x.withTermDigit(digit(a, def.termDigit())));
        p.cmd("param abort-digit", "Digit that cancels an entry",
                (x, a) -> x.withAbortDigit(digit(a, def.abortDigit())));
        p.cmd("param max-digits", "Maximum digits of an entry",
                (x, a) -> x.withMaxDigits(Common.intOrClear(a, 1, 32, "Digits").orElse(def.maxDigits())));
    }

    private static char digit(Args a, char dflt) {
        if (a.negated()) {
            a.remainingWords("digit");
            return dflt;
        }
        String d = a.next("0-9 * #", "A DTMF digit").text();
        if (!d.matches("[0-9*#]")) {
            throw a.fail("% Invalid digit '" + d + "' (one of 0-9 * #)");
        }
        a.end();
        return d.charAt(0);
    }

    private static void kept() {
        Modes.GLOBAL.modeCmd("voice service voip", "Voice over IP services (kept)", (b, a) -> {
            a.end();
            if (a.negated()) {
                return b.voiceServiceVoip(Optional.empty());
            }
            if (b.voiceServiceVoip().isEmpty()) {
                b.voiceServiceVoip(Optional.of(VoiceServiceVoip.EMPTY));
            }
            a.enter(Modes.VOICE_SERVICE, "");
            return b;
        });
        Modes.VOICE_SERVICE.keptWords = VOICE_SERVICE_WORDS;
        Modes.VOICE_SERVICE.keptHandler = (v, a) -> new VoiceServiceVoip(
                Lists.addDistinct(v.commands(), keptLine(a)), v.sip(), v.sipCommands());
        Modes.VOICE_SERVICE.modeCmd("sip", "SIP configuration", (v, a) -> {
            a.end();
            if (a.negated()) {
                return new VoiceServiceVoip(v.commands(), false, List.of());
            }
            a.enter(Modes.VOICE_SERVICE_SIP, "");
            return new VoiceServiceVoip(v.commands(), true, v.sipCommands());
        });
        Modes.VOICE_SERVICE_SIP.keptWords = SIP_WORDS;
        Modes.VOICE_SERVICE_SIP.keptHandler = (v, a) -> new VoiceServiceVoip(v.commands(), true,
                Lists.addDistinct(v.sipCommands(), keptLine(a)));

        Modes.GLOBAL.modeCmd("sip-ua", "SIP User Agent (kept)", (b, a) -> {
            a.end();
            if (a.negated()) {
                return b.sipUa(Optional.empty());
            }
            if (b.sipUa().isEmpty()) {
                b.sipUa(Optional.of(new SipUa(List.of())));
            }
            a.enter(Modes.SIP_UA, "");
            return b;
        });
        Modes.SIP_UA.keptWords = SIP_UA_WORDS;
        Modes.SIP_UA.keptHandler = (s, a) -> new SipUa(Lists.addDistinct(s.commands(), keptLine(a)));
    }

    /** A kept sub-mode line, normalised: {@code [no ]word word ...}. */
    static String keptLine(Args a) {
        return (a.negated() ? "no " : "") + String.join(" ", a.remainingWords("argument"));
    }
}
