package org.tollgate.config.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.tollgate.config.GatewayConfig;
import org.tollgate.config.system.PassthroughCommand.Section;
import org.tollgate.config.system.PassthroughCommand;

/**
 * Commands accepted, kept and printed back without effect, so that a real router configuration can be
 * pasted: {@code version}, {@code service timestamps}, {@code interface} (any sub-commands),
 * {@code ip subnet-zero|classless|route|domain-name|name-server|domain-lookup|cef|http},
 * {@code ntp server}, {@code clock timezone}, {@code banner motd|login|exec}, {@code boot-start-marker},
 * {@code logging buffered|console}, {@code ip ssh version}, {@code multilink bundle-name}, {@code voice-card N}.
 *
 * <p>Each kept command has a key (its first words, or the whole line for repeatable commands such as
 * {@code ip route}); entering a command with the same key replaces it. The {@code no} form removes it;
 * for commands whose default is on ({@code ip subnet-zero}, {@code ip classless}, {@code ip domain-lookup},
 * {@code ip cef}) the {@code no} line itself is kept, as IOS prints it.
 */
final class PassthroughCommands {
    /** Interface sub-commands accepted (and kept verbatim) under {@code interface}. */
    static final Set<String> INTERFACE_WORDS = Set.of("ip address", "ip directed-broadcast", "ip nat",
            "ip helper-address", "ip access-group", "ip route-cache", "ip mtu", "ip ospf", "ip policy",
            "ip unnumbered", "ip redirects", "ip proxy-arp", "ip unreachables", "ip mroute-cache",
            "ip virtual-reassembly", "ip tcp", "ip dhcp", "ip verify", "ip flow", "ip pim", "ip igmp",
            "description", "shutdown", "duplex", "speed", "encapsulation", "bandwidth", "mtu", "load-interval",
            "media-type", "negotiation", "keepalive", "clock rate", "cdp enable", "ipv6", "standby", "vrrp", "tunnel",
            "service-policy", "pppoe", "ppp", "dialer", "hold-queue", "delay", "arp timeout", "mac-address",
            "logging event", "switchport", "spanning-tree", "channel-group", "async", "peer", "half-duplex",
            "full-duplex", "snmp trap");

    private PassthroughCommands() {
    }

    /**
     * @param path registered keywords
     * @param section printing section
     * @param keyWords how many words form the key (0 = the whole line)
     * @param minArgs words required after the path
     * @param noKept the {@code no} form is kept as a line
     */
    private record Kept(String path, Section section, int keyWords, int minArgs, boolean noKept) {
    }

    private static final List<Kept> KEPT = List.of(
            new Kept("version", Section.VERSION, 1, 1, false),
            new Kept("service timestamps", Section.SERVICE, 3, 1, false),
            new Kept("service tcp-keepalives-in", Section.SERVICE, 2, 0, false),
            new Kept("service tcp-keepalives-out", Section.SERVICE, 2, 0, false),
            new Kept("boot-start-marker", Section.GLOBAL, 1, 0, false),
            new Kept("boot-end-marker", Section.GLOBAL, 1, 0, false),
            new Kept("ip subnet-zero", Section.GLOBAL, 2, 0, true),
            new Kept("ip domain-lookup", Section.GLOBAL, 2, 0, true),
            new Kept("ip cef", Section.GLOBAL, 2, 0, true),
            new Kept("ip domain-name", Section.GLOBAL, 2, 1, false),
            new Kept("ip name-server", Section.GLOBAL, 0, 1, false),
            new Kept("ip http server", Section.GLOBAL, 3, 0, true),
            new Kept("clock timezone", Section.GLOBAL, 2, 2, false),
            new Kept("ip classless", Section.ROUTING, 2, 0, true),
            new Kept("ip route", Section.ROUTING, 0, 2, false),
            new Kept("ntp server", Section.NTP, 0, 1, false),
            new Kept("logging buffered", Section.GLOBAL, 2, 0, true),
            new Kept("logging console", Section.GLOBAL, 2, 0, true),
            new Kept("ip ssh version", Section.GLOBAL, 3, 1, false),
            new Kept("multilink bundle-name", Section.GLOBAL, 2, 1, false));

    /** Sub-commands kept under {@code voice-card N}. */
    static final Set<String> VOICE_CARD_WORDS = Set.of("dspfarm", "dsp", "codec");

    static void register() {
        ModeDef<GatewayConfig.Builder> g = Modes.GLOBAL;
        for (Kept k : KEPT) {
            g.cmd(k.path(), "Accepted and kept (no effect in tollgate)", (b, a) -> kept(b, a, k));
        }
        g.modeCmd("interface", "Select an interface to configure (kept, no effect)", (b, a) -> {
            String name = a.word("Interface name, e.g. Ethernet0/0");
            List<String> rest = a.remainingWords("interface number");
            String line = "interface " + name + (rest.isEmpty() ? "" : " " + String.join(" ", rest));
            if (a.negated()) {
                return b.passthrough(Lists.remove(b.passthrough(), p -> p.line().equals(line)));
            }
            if (b.passthrough().stream().noneMatch(p -> p.line().equals(line))) {
                b.passthrough(append(b.passthrough(), new PassthroughCommand(line, Section.INTERFACE, List.of())));
            }
            a.enter(Modes.INTERFACE, line);
            return b;
        });
        g.modeCmd("voice-card", "Configure a voice card (kept, no effect)", (b, a) -> {
            int slot = a.integer(0, 999, "Voice card slot");
            a.end();
            String line = "voice-card " + slot;
            if (a.negated()) {
                return b.passthrough(Lists.remove(b.passthrough(), p -> p.line().equals(line)));
            }
            if (b.passthrough().stream().noneMatch(p -> p.line().equals(line))) {
                b.passthrough(append(b.passthrough(), new PassthroughCommand(line, Section.VOICE_CARD, List.of())));
            }
            a.enter(Modes.VOICE_CARD, line);
            return b;
        });
        Modes.VOICE_CARD.keptWords = VOICE_CARD_WORDS;
        Modes.VOICE_CARD.keptHandler = (p, a) -> {
            String text = (a.negated() ? "no " : "") + String.join(" ", a.remainingWords("voice-card command"));
            return new PassthroughCommand(p.line(), p.section(), Lists.addDistinct(p.children(), text));
        };
        Modes.INTERFACE.keptWords = INTERFACE_WORDS;
        Modes.INTERFACE.keptHandler = (p, a) -> {
            String text = (a.negated() ? "no " : "") + String.join(" ", a.remainingWords("interface command"));
            return new PassthroughCommand(p.line(), p.section(), Lists.addDistinct(p.children(), text));
        };
        g.cmd("banner", "Define a login banner (kept, no effect)", (b, a) -> {
            String kind = a.keyword("motd", "login", "exec", "incoming");
            String key = "banner " + kind;
            if (a.negated()) {
                a.remainingWords("banner");
                return b.passthrough(Lists.remove(b.passthrough(), p -> p.line().startsWith(key + " ")));
            }
            String text = a.rest("c banner-text c, where 'c' is a delimiting character");
            String delim = text.startsWith("^C") ? "^C" : text.substring(0, 1);
            String after = text.substring(delim.length());
            if (after.contains(delim)) {
                String full = key + " " + text.substring(0, delim.length() + after.indexOf(delim) + delim.length());
                return b.passthrough(setBanner(b.passthrough(), key, full));
            }
            a.context().multiline(delim, key + " " + text, full -> c -> c.toBuilder()
                    .passthrough(setBanner(c.passthrough(), key, full)).build());
            return b;
        });
    }

    private static List<PassthroughCommand> setBanner(List<PassthroughCommand> list, String key, String full) {
        List<PassthroughCommand> out = Lists.remove(list, p -> p.line().startsWith(key + " "));
        return append(out, new PassthroughCommand(full, Section.BANNER, List.of()));
    }

    private static GatewayConfig.Builder kept(GatewayConfig.Builder b, Args a, Kept k) {
        List<String> args = a.remainingWords("argument");
        if (!a.negated() && args.size() < k.minArgs()) {
            throw a.incomplete();
        }
        String line = k.path() + (args.isEmpty() ? "" : " " + String.join(" ", args));
        String key = key(line, k);
        List<PassthroughCommand> list = Lists.remove(b.passthrough(),
                p -> key(p.line().startsWith("no ") ? p.line().substring(3) : p.line(), k).equals(key)
                        && p.line().replaceFirst("^no ", "").startsWith(k.path()));
        if (a.negated()) {
            if (k.noKept()) {
                list = append(list, new PassthroughCommand("no " + line, k.section(), List.of()));
            }
            return b.passthrough(list);
        }
        return b.passthrough(append(list, new PassthroughCommand(line, k.section(), List.of())));
    }

    private static String key(String line, Kept k) {
        if (k.keyWords() == 0) {
            return line;
        }
        String[] w = line.split(" ");
        return String.join(" ", Arrays.copyOf(w, Math.min(w.length, k.keyWords())));
    }

    private static List<PassthroughCommand> append(List<PassthroughCommand> list, PassthroughCommand p) {
        List<PassthroughCommand> out = new ArrayList<>(list);
        out.add(p);
        return out;
    }
}
