package org.tollgate.config.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.tollgate.config.line.ExecTimeout;
import org.tollgate.config.line.LineConfig;
import org.tollgate.config.line.LineKind;
import org.tollgate.config.line.SerialDevice;

/**
 * {@code line con 0}, {@code line aux 0}, {@code line vty A [B]}, {@code line A [B]} (tty) and their
 * sub-commands. Line numbers: vty 0..1869, tty 1..1869; con and aux only 0.
 */
final class LineCommands {
    /** Highest vty / tty line number accepted. */
    static final int MAX_LINE = 1869;
    private static final List<String> TRANSPORTS = List.of("all", "none", "telnet", "ssh", "rlogin", "pad", "lat",
            "mop", "udptn", "v120", "lapb-ta");
    private static final Pattern DEVICE = Pattern.compile("/[^\\s]{1,255}|[A-Za-z][A-Za-z0-9]{0,15}");

    private LineCommands() {
    }

    /** The mode key of a line block. */
    static String key(LineConfig l) {
        return key(l.kind(), l.first(), l.last());
    }

    private static String key(LineKind k, int first, int last) {
        return k + " " + first + " " + last;
    }

    static void register() {
        Modes.GLOBAL.modeCmd("line", "Configure a terminal line", (b, a) -> {
            Optional<String> kw = a.optKeyword("con", "console", "aux", "vty");
            LineKind kind = kw.map(k -> switch (k) {
                case "con", "console" -> LineKind.CON;
                case "aux" -> LineKind.AUX;
                default -> LineKind.VTY;
            }).orElse(LineKind.TTY);
            int first;
            int last;
            switch (kind) {
                case CON, AUX -> {
                    first = a.integer(0, 0, "First line number");
                    last = first;
                }
                case VTY, TTY -> {
                    int min = kind == LineKind.VTY ? 0 : 1;
                    first = a.integer(min, MAX_LINE, "First line number");
                    OptionalInt l = a.optInteger(min, MAX_LINE, "Last line number");
                    last = l.orElse(first);
                    if (last < first) {
                        throw a.fail("% Last line number " + last + " is below the first " + first);
                    }
                }
                default -> throw new IllegalStateException();
            }
            a.end();
            String key = key(kind, first, last);
            if (a.negated()) {
                return b.lines(Lists.remove(b.lines(), x -> key(x).equals(key)));
            }
            for (LineConfig other : b.lines()) {
                if (other.kind() == kind && !key(other).equals(key) && other.first() <= last && first <= other.last()) {
                    throw a.fail("% Lines " + first + "-" + last + " overlap " + other.header());
                }
            }
            if (b.lines().stream().noneMatch(x -> key(x).equals(key))) {
                b.lines(Lists.upsert(b.lines(), x -> false, LineConfig.of(kind, first, last)));
            }
            a.enter(Modes.LINE, key);
            return b;
        });
        ModeDef<LineConfig.Builder> m = Modes.LINE;
        m.cmd("login", "Enable password checking", (l, a) -> {
            if (a.negated()) {
                a.remainingWords("options");
                return l.login(Optional.empty());
            }
            Optional<String> k = a.optKeyword("local", "authentication");
            String v = "line";
            if (k.isPresent() && k.get().equals("local")) {
                v = "local";
            } else if (k.isPresent()) {
                v = "authentication " + Common.name(a, "Method list name (or default)");
            }
            a.end();
            return l.login(Optional.of(v));
        });
        m.cmd("password", "Set a password", (l, a) -> {
            if (a.negated()) {
                a.remainingWords("password");
                return l.password(Optional.empty());
            }
            return l.password(Optional.of(Common.password(a, "The line password")));
        });
        m.cmd("modem", "Modem control mode", (l, a) -> {
            if (a.negated()) {
                a.remainingWords("mode");
                return l.modem(Optional.empty());
            }
            String v = a.keyword("InOut", "Dialin", "Host", "Printer", "CTS-Alarm", "DTR-active", "RI-is-CD");
            a.end();
            return l.modem(Optional.of(v));
        });
        m.cmd("transport input", "Protocols allowed to connect to the line",
                (l, a) -> l.transportInput(transports(a)));
        m.cmd("transport output", "Protocols allowed for outgoing connections",
                (l, a) -> l.transportOutput(transports(a)));
        m.cmd("flowcontrol", "Flow control", (l, a) -> {
            if (a.negated()) {
                a.remainingWords("type");
                return l.flowcontrol(Optional.empty());
            }
            String v = a.keyword("hardware", "software", "none");
            a.end();
            return l.flowcontrol(Optional.of(v));
        });
        m.cmd("script", "Chat scripts run on line events", (l, a) -> {
            String ev = a.keyword("callback", "modem-off-hook", "startup", "reset", "dialer");
            Optional<String> name;
            if (a.negated()) {
                a.remainingWords("name");
                name = Optional.empty();
            } else {
                name = Optional.of(Common.name(a, "Chat script name"));
                a.ref("chat-script", name.get());
                a.end();
            }
            return switch (ev) {
                case "callback" -> l.scriptCallback(name);
                case "modem-off-hook" -> l.scriptModemOffHook(name);
                case "startup" -> l.scriptStartup(name);
                case "reset" -> l.scriptReset(name);
                default -> l.scriptDialer(name);
            };
        });
        m.cmd("callback forced-wait", "Seconds to wait before the callback",
                (l, a) -> l.callbackForcedWaitSeconds(Common.intOrClear(a, 1, 60, "Seconds")));
        m.cmd("exec-timeout", "EXEC idle timeout", (l, a) -> {
            if (a.negated()) {
                a.remainingWords("timeout");
                return l.execTimeout(Optional.empty());
            }
            int min = a.integer(0, 35791, "Timeout in minutes");
            int sec = a.optInteger(0, 2147483, "Timeout in seconds").orElse(0);
            a.end();
            return l.execTimeout(Optional.of(new ExecTimeout(min, sec)));
        });
        m.cmd("speed", "Transmit and receive speed",
                (l, a) -> l.speed(Common.intOrClear(a, 0, 4_194_304, "Bits per second")));
        m.cmd("autoselect", "Automatic protocol selection (kept)", (l, a) -> {
            if (a.negated()) {
                a.remainingWords("options");
                return l.autoselect(List.of());
            }
            String v = String.join(" ", a.remainingWords("Protocol or option"));
            if (v.isEmpty()) {
                throw a.incomplete();
            }
            return l.autoselect(Lists.addDistinct(l.autoselect(), v));
        });
        m.cmd("privilege level", "Privilege level of the line",
                (l, a) -> l.privilegeLevel(Common.intOrClear(a, 0, 15, "Level")));
        m.cmd("device", "Serial device driving this line (tollgate)", (l, a) -> {
            if (l.kind() == LineKind.VTY || l.kind() == LineKind.CON) {
                throw a.fail(Args.INVALID + " (device is for aux and tty lines)");
            }
            if (a.negated()) {
                a.remainingWords("device");
                return l.device(Optional.empty());
            }
            String path = Common.word(a, DEVICE, "Device path, e.g. /dev/ttyUSB0", "device");
            OptionalInt speed = OptionalInt.empty();
            if (a.optKeyword("speed").isPresent()) {
                speed = OptionalInt.of(a.integer(50, 4_194_304, "Bits per second"));
            }
            a.end();
            return l.device(Optional.of(new SerialDevice(path, speed)));
        });
    }

    private static List<String> transports(Args a) {
        if (a.negated()) {
            a.remainingWords("protocols");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        do {
            String t = a.keyword(TRANSPORTS.toArray(String[]::new));
            if (out.contains(t)) {
                throw a.fail("% " + t + " listed twice");
            }
            out.add(t);
        } while (a.more());
        a.end();
        if (out.size() > 1 && (out.contains("all") || out.contains("none"))) {
            throw a.fail("% 'all' and 'none' stand alone");
        }
        return out;
    }
}
