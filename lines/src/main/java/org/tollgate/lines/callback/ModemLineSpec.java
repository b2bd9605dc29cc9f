package org.tollgate.lines.callback;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tollgate.config.GatewayConfig;
import org.tollgate.config.line.ExecTimeout;
import org.tollgate.config.line.LineConfig;
import org.tollgate.config.line.LineKind;
import org.tollgate.lines.chat.ChatParseResult;
import org.tollgate.lines.chat.ChatScript;
import org.tollgate.lines.chat.ChatScriptParser;
import org.tollgate.lines.tty.SerialSettings;

/**
 * What one modem line (a {@code line aux 0} or a tty of {@code line A B} with a {@code device}) needs, taken
 * from the configuration once per configuration snapshot.
 *
 * @param number        absolute IOS line number (tty lines keep theirs; aux follows the last tty line)
 * @param name          {@code aux 0} or {@code tty N}
 * @param serial        how to open the device
 * @param loginLocal    {@code login local}
 * @param callbackScript {@code script callback NAME}, parsed
 * @param offHookScript  {@code script modem-off-hook NAME}, parsed
 * @param forcedWait    {@code callback forced-wait S} (default {@link #DEFAULT_FORCED_WAIT})
 * @param execCallback  {@code service exec-callback}
 * @param hostname      for the EXEC prompt and logs
 * @param execTimeout   {@code exec-timeout M S}: idle time after which the EXEC session ends and the line
 *                      hangs up (default 10 minutes; zero = never)
 */
public record ModemLineSpec(int number, String name, SerialSettings serial, boolean loginLocal,
                            Optional<ChatScript> callbackScript, Optional<ChatScript> offHookScript,
                            Duration forcedWait, boolean execCallback, String hostname, Duration execTimeout) {

    /** IOS waits this long before the callback when {@code callback forced-wait} is not set. */
    public static final Duration DEFAULT_FORCED_WAIT = Duration.ofSeconds(0);

    /** The IOS tag used in {@code debug modem} / {@code debug callback}: {@code TTY71}. */
    public String ttyTag() {
        return "TTY" + number;
    }

    /** Problems found while building the specs; such a line is not started. */
    public record Problem(String line, String message) {
        public String format() {
            return "line " + line + ": " + message;
        }
    }

    /** The specs of every aux/tty line with a {@code device}, plus the problems of the lines left out. */
    public record Specs(List<ModemLineSpec> lines, List<Problem> problems) {
        public Specs {
            lines = List.copyOf(lines);
            problems = List.copyOf(problems);
        }
    }

    /** IOS line number of {@code aux 0}: one after the last tty line, 1 when there are none. */
    public static int auxLineNumber(GatewayConfig config) {
        return config.lines().stream().filter(l -> l.kind() == LineKind.TTY).mapToInt(LineConfig::last)
                .max().orElse(0) + 1;
    }

    /** Builds the specs from a configuration snapshot. */
    public static Specs from(GatewayConfig config) {
        List<ModemLineSpec> out = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        int aux = auxLineNumber(config);
        for (LineConfig l : config.lines()) {
            if (l.device().isEmpty() || !(l.kind() == LineKind.AUX || l.kind() == LineKind.TTY)) {
                continue;
            }
            if (l.kind() == LineKind.TTY && l.first() != l.last()) {
                problems.add(new Problem(l.header(), "device is bound to one line; configure it per tty"));
                continue;
            }
            int number = l.kind() == LineKind.AUX ? aux : l.first();
            String name = l.kind() == LineKind.AUX ? "aux " + l.first() : "tty " + l.first();
            Optional<ChatScript> callback = script(config, l.scriptCallback(), l, problems);
            Optional<ChatScript> offHook = script(config, l.scriptModemOffHook(), l, problems);
            if ((l.scriptCallback().isPresent() && callback.isEmpty())
                    || (l.scriptModemOffHook().isPresent() && offHook.isEmpty())) {
                continue;
            }
            int speed = l.device().get().speed().orElse(l.speed().orElse(SerialSettings.DEFAULT_SPEED));
            SerialSettings.FlowControl flow = switch (l.flowcontrol().orElse("none").toLowerCase(Locale.ROOT)) {
                case "hardware" -> SerialSettings.FlowControl.HARDWARE;
                case "software" -> SerialSettings.FlowControl.SOFTWARE;
                default -> SerialSettings.FlowControl.NONE;
            };
            out.add(new ModemLineSpec(number, name,
                    new SerialSettings(l.device().get().path(), speed, flow, false),
                    l.loginLocal(), callback, offHook,
                    l.callbackForcedWaitSeconds().isPresent()
                            ? Duration.ofSeconds(l.callbackForcedWaitSeconds().getAsInt()) : DEFAULT_FORCED_WAIT,
                    config.services().execCallback(), config.hostname(),
                    Duration.ofSeconds(l.execTimeout().orElse(ExecTimeout.DEFAULT).totalSeconds())));
        }
        return new Specs(out, problems);
    }

    private static Optional<ChatScript> script(GatewayConfig config, Optional<String> name, LineConfig l,
                                               List<Problem> problems) {
        if (name.isEmpty()) {
            return Optional.empty();
        }
        var cs = config.chatScript(name.get());
        if (cs.isEmpty()) {
            problems.add(new Problem(l.header(), "chat-script " + name.get() + " is not defined"));
            return Optional.empty();
        }
        return switch (ChatScriptParser.parse(cs.get().name(), cs.get().script())) {
            case ChatParseResult.Ok ok -> Optional.of(ok.script());
            case ChatParseResult.Failed f -> {
                problems.add(new Problem(l.header(), f.format()));
                yield Optional.empty();
            }
        };
    }
}
