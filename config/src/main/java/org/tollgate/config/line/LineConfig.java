package org.tollgate.config.line;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.tollgate.config.secret.Password;

/**
 * A {@code line con 0}, {@code line aux 0}, {@code line A B} (tty) or {@code line vty A B} block.
 *
 * @param kind line kind
 * @param first first line number
 * @param last last line number (= first for a single line)
 * @param login {@code login} ("line": check the line password), {@code login local} ("local"),
 *     {@code login authentication LIST} ("authentication LIST"); empty = no login
 * @param password {@code password [0|7] X} line password
 * @param modem {@code modem InOut|Dialin} as IOS spells it
 * @param transportInput {@code transport input ...} protocols (all, none, telnet, ssh, ...); empty = IOS default
 * @param transportOutput {@code transport output ...}
 * @param flowcontrol {@code flowcontrol hardware|software|none}
 * @param scriptCallback {@code script callback NAME} chat-script that dials the callback
 * @param scriptModemOffHook {@code script modem-off-hook NAME}
 * @param scriptStartup {@code script startup NAME}
 * @param scriptReset {@code script reset NAME}
 * @param scriptDialer {@code script dialer NAME}
 * @param callbackForcedWaitSeconds {@code callback forced-wait 1..60}
 * @param execTimeout {@code exec-timeout M [S]}; empty = 10 minutes
 * @param speed {@code speed N} bits per second
 * @param autoselect {@code autoselect ...} lines, kept as written (no effect)
 * @param privilegeLevel {@code privilege level 0..15}: privilege on login without a user
 * @param device {@code device PATH [speed N]} (tollgate extension)
 */
public record LineConfig(LineKind kind, int first, int last, Optional<String> login, Optional<Password> password,
                         Optional<String> modem, List<String> transportInput, List<String> transportOutput,
                         Optional<String> flowcontrol, Optional<String> scriptCallback,
                         Optional<String> scriptModemOffHook, Optional<String> scriptStartup,
                         Optional<String> scriptReset, Optional<String> scriptDialer,
                         OptionalInt callbackForcedWaitSeconds, Optional<ExecTimeout> execTimeout, OptionalInt speed,
                         List<String> autoselect, OptionalInt privilegeLevel, Optional<SerialDevice> device) {

    /** Running-config order: kind, then first line. */
    public static final Comparator<LineConfig> ORDER =
            Comparator.comparing(LineConfig::kind).thenComparingInt(LineConfig::first);

    public LineConfig {
        transportInput = List.copyOf(transportInput);
        transportOutput = List.copyOf(transportOutput);
        autoselect = List.copyOf(autoselect);
    }

    /** A new, unconfigured line block. */
    public static LineConfig of(LineKind kind, int first, int last) {
        return new LineConfig(kind, first, last, Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), OptionalInt.empty(), Optional.empty(), OptionalInt.empty(), List.of(),
                OptionalInt.empty(), Optional.empty());
    }

    /** True when the line number {@code n} of kind {@code k} is in this block. */
    public boolean covers(LineKind k, int n) {
        return kind == k && n >= first && n <= last;
    }

    /** True for {@code login local}. */
    public boolean loginLocal() {
        return login.filter("local"::equals).isPresent();
    }

    /** IOS header, e.g. {@code line vty 0 4}. */
    public String header() {
        String range = first == last ? Integer.toString(first) : first + " " + last;
        return switch (kind) {
            case CON -> "line con " + first;
            case AUX -> "line aux " + first;
            case TTY -> "line " + range;
            case VTY -> "line vty " + range;
        };
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Mutable copy for editing. */
    public static final class Builder {
        private final LineKind kind;
        private final int first;
        private final int last;
        private Optional<String> login;
        private Optional<Password> password;
        private Optional<String> modem;
        private List<String> transportInput;
        private List<String> transportOutput;
        private Optional<String> flowcontrol;
        private Optional<String> scriptCallback;
        private Optional<String> scriptModemOffHook;
        private Optional<String> scriptStartup;
        private Optional<String> scriptReset;
        private Optional<String> scriptDialer;
        private OptionalInt callbackForcedWaitSeconds;
        private Optional<ExecTimeout> execTimeout;
        private OptionalInt speed;
        private List<String> autoselect;
        private OptionalInt privilegeLevel;
        private Optional<SerialDevice> device;

        Builder(LineConfig l) {
            kind = l.kind;
            first = l.first;
            last = l.last;
            login = l.login;
            password = l.password;
            modem = l.modem;
            transportInput = l.transportInput;
            transportOutput = l.transportOutput;
            flowcontrol = l.flowcontrol;
            scriptCallback = l.scriptCallback;
            scriptModemOffHook = l.scriptModemOffHook;
            scriptStartup = l.scriptStartup;
            scriptReset = l.scriptReset;
            scriptDialer = l.scriptDialer;
            callbackForcedWaitSeconds = l.callbackForcedWaitSeconds;
            execTimeout = l.execTimeout;
            speed = l.speed;
            autoselect = l.autoselect;
            privilegeLevel = l.privilegeLevel;
            device = l.device;
        }

        public LineKind kind() { return kind; }
        public Builder login(Optional<String> v) { login = v; return this; }
        public Builder password(Optional<Password> v) { password = v; return this; }
        public Builder modem(Optional<String> v) { modem = v; return this; }
        public Builder transportInput(List<String> v) { transportInput = v; return this; }
        public Builder transportOutput(List<String> v) { transportOutput = v; return this; }
        public Builder flowcontrol(Optional<String> v) { flowcontrol = v; return this; }
        public Builder scriptCallback(Optional<String> v) { scriptCallback = v; return this; }
        public Builder scriptModemOffHook(Optional<String> v) { scriptModemOffHook = v; return this; }
        public Builder scriptStartup(Optional<String> v) { scriptStartup = v; return this; }
        public Builder scriptReset(Optional<String> v) { scriptReset = v; return this; }
        public Builder scriptDialer(Optional<String> v) { scriptDialer = v; return this; }
        public Builder callbackForcedWaitSeconds(OptionalInt v) { callbackForcedWaitSeconds = v; return this; }
        public Builder execTimeout(Optional<ExecTimeout> v) { execTimeout = v; return this; }
        public Builder speed(OptionalInt v) { speed = v; return this; }
        public List<String> autoselect() { return autoselect; }
        public Builder autoselect(List<String> v) { autoselect = v; return this; }
        public Builder privilegeLevel(OptionalInt v) { privilegeLevel = v; return this; }
        public Builder device(Optional<SerialDevice> v) { device = v; return this; }

        public LineConfig build() {
            return new LineConfig(kind, first, last, login, password, modem, transportInput, transportOutput,
                    flowcontrol, scriptCallback, scriptModemOffHook, scriptStartup, scriptReset, scriptDialer,
                    callbackForcedWaitSeconds, execTimeout, speed, autoselect, privilegeLevel, device);
        }
    }
}
