package org.tollgate.config.cli;

import java.util.List;
import java.util.Optional;
import org.tollgate.config.GatewayConfig;
import org.tollgate.config.line.ExecTimeout;
import org.tollgate.config.line.LineConfig;
import org.tollgate.config.line.LineKind;
import org.tollgate.config.secret.Password;
import org.tollgate.config.secret.Secret;
import org.tollgate.config.user.User;

/**
 * The few facts the CLI and its transports read from the configuration model, in one place:
 * users and their credentials, the enable secret, the console and vty line settings.
 */
public final class ConfigFacts {
    private ConfigFacts() {}

    /** A user who may log in. */
    public record UserFacts(String name, int privilege, Secret secret) {
    }

    /**
     * The vty settings that matter to the servers.
     *
     * @param execTimeoutSeconds {@code exec-timeout} of the first vty block (IOS default 600; 0 = never)
     */
    public record VtyFacts(int first, int last, int lastTty, Optional<String> login, Optional<Password> password,
                           boolean telnet, boolean ssh, long execTimeoutSeconds) {
    }

    public static Optional<UserFacts> user(GatewayConfig cfg, String name) {
        for (User u : cfg.users()) {
            if (u.name().equals(name)) {
                return Optional.of(new UserFacts(u.name(), u.privilege(), u.credential()));
            }
        }
        return Optional.empty();
    }

    public static Optional<Secret> enableSecret(GatewayConfig cfg) {
        return cfg.enableSecret().map(s -> (Secret) s);
    }

    /** True when {@code line con 0} has {@code login local}. */
    public static boolean consoleLoginLocal(GatewayConfig cfg) {
        return cfg.lines().stream().anyMatch(l -> l.kind() == LineKind.CON && l.loginLocal());
    }

    /**
     * The vty range and settings: the first {@code line vty} block's range (default 0 4 when none is
     * configured, as IOS has five vty lines); {@code transport input} default (none given) admits
     * telnet and SSH; {@code all} admits both; {@code none} neither.
     */
    public static VtyFacts vty(GatewayConfig cfg) {
        List<LineConfig> lines = cfg.lines();
        int lastTty = 0;
        for (LineConfig l : lines) {
            if (l.kind() == LineKind.TTY) {
                lastTty = Math.max(lastTty, l.last());
            }
        }
        Optional<LineConfig> vty = lines.stream().filter(l -> l.kind() == LineKind.VTY).findFirst();
        int first = vty.map(LineConfig::first).orElse(0);
        int last = lines.stream().filter(l -> l.kind() == LineKind.VTY).mapToInt(LineConfig::last).max().orElse(4);
        List<String> transport = vty.map(LineConfig::transportInput).orElse(List.of());
        boolean telnet = transport.isEmpty() || transport.contains("all") || transport.contains("telnet");
        boolean ssh = transport.isEmpty() || transport.contains("all") || transport.contains("ssh");
        long timeout = vty.flatMap(LineConfig::execTimeout).orElse(ExecTimeout.DEFAULT).totalSeconds();
        return new VtyFacts(first, last, lastTty, vty.flatMap(LineConfig::login),
                vty.flatMap(LineConfig::password), telnet, ssh, timeout);
    }
}
