package org.tollgate.lines.vpn;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed {@code vpnclient} command line (vpnclient spec, "Commands").
 *
 * <pre>
 * connect &lt;profile&gt; [user &lt;username&gt;] [eraseuserpwd | pwd &lt;password&gt;] [nocertpwd] [cliauth]
 * disconnect
 * stat [reset] [traffic] [tunnel] [route] [firewall] [repeat]
 * notify
 * verify autoinitconfig
 * </pre>
 * Keywords may come in any order, the profile being the one word that is not a keyword (the seed writes
 * both {@code connect toVPN user robron ...} and {@code connect user robron pwd siltango toVPN}).
 * Errors: no command → 2; unknown command (also the Windows-only {@code suspendfw}/{@code resume.fw}) → 3;
 * a keyword without its value or no profile → 4; an unknown keyword, {@code eraseuserpwd} with {@code pwd},
 * a repeated keyword → 5; a second profile word → 6; parameters after {@code disconnect} or {@code notify}
 * → 7.
 */
public sealed interface VpnCommand {

    record Connect(String profile, Optional<String> user, Optional<String> password, boolean eraseUserPassword,
            boolean noCertPassword, boolean cliAuth) implements VpnCommand {
        @Override
        public String toString() {
            return "Connect[" + profile + ", user=" + user.orElse("-") + ", pwd=" + (password.isPresent() ? "****" : "-")
                    + ", eraseuserpwd=" + eraseUserPassword + ", nocertpwd=" + noCertPassword + ", cliauth=" + cliAuth + "]";
        }
    }

    record Disconnect() implements VpnCommand {}

    /** The parts of {@code stat}; all parts when none is named. */
    enum Part { TRAFFIC, TUNNEL, ROUTE, FIREWALL }

    record Stat(Set<Part> parts, boolean reset, boolean repeat) implements VpnCommand {}

    record Notify() implements VpnCommand {}

    record VerifyAutoInitConfig() implements VpnCommand {}

    /** Result of parsing. */
    sealed interface Parsed {}

    record Ok(VpnCommand command) implements Parsed {}

    /** Bare {@code vpnclient}: list the commands. */
    record ListCommands() implements Parsed {}

    record Invalid(ReturnCode code, String message) implements Parsed {}

    String USAGE = """
            usage: vpnclient <command> [parameters]
              vpnclient connect <profile> [user <username>] [eraseuserpwd | pwd <password>] [nocertpwd] [cliauth]
              vpnclient disconnect
              vpnclient stat [reset] [traffic] [tunnel] [route] [firewall] [repeat]
              vpnclient notify
              vpnclient verify autoinitconfig""";

    static Parsed parse(String[] args) {
        if (args.length == 0) {
            return new ListCommands();
        }
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        return switch (args[0].toLowerCase(java.util.Locale.ROOT)) {
            case "connect" -> parseConnect(rest);
            case "disconnect" -> rest.length == 0 ? new Ok(new Disconnect())
                    : new Invalid(ReturnCode.ERR_NO_PARAMS_NEEDED, "disconnect takes no parameters");
            case "notify" -> rest.length == 0 ? new Ok(new Notify())
                    : new Invalid(ReturnCode.ERR_NO_PARAMS_NEEDED, "notify takes no parameters");
            case "stat" -> parseStat(rest);
            case "verify" -> rest.length == 0 ? new Invalid(ReturnCode.ERR_MISSING_PARAMS, "verify needs autoinitconfig")
                    : !rest[0].equalsIgnoreCase("autoinitconfig")
                            ? new Invalid(ReturnCode.ERR_BAD_PARAMS, "unknown verify parameter '" + rest[0] + "'")
                            : rest.length > 1 ? new Invalid(ReturnCode.ERR_TOO_MANY_PARAMS, "too many parameters")
                                    : new Ok(new VerifyAutoInitConfig());
            case "suspendfw", "resume.fw" -> new Invalid(ReturnCode.ERR_BAD_COMMAND,
                    args[0] + " is not available on this platform (Windows only)");
            default -> new Invalid(ReturnCode.ERR_BAD_COMMAND, "unknown command '" + args[0] + "'");
        };
    }

    private static Parsed parseConnect(String[] a) {
        String profile = null;
        String user = null;
        String pwd = null;
        boolean erase = false;
        boolean nocert = false;
        boolean cliauth = false;
        for (int i = 0; i < a.length; i++) {
            String w = a[i];
            switch (w.toLowerCase(java.util.Locale.ROOT)) {
                case "user", "pwd" -> {
                    if (i + 1 >= a.length) {
                        return new Invalid(ReturnCode.ERR_MISSING_PARAMS, w + " needs a value");
                    }
                    boolean isUser = w.equalsIgnoreCase("user");
                    if (isUser ? user != null : pwd != null) {
                        return new Invalid(ReturnCode.ERR_BAD_PARAMS, w + " given twice");
                    }
                    String v = a[++i];
                    if (v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                        return new Invalid(ReturnCode.ERR_BAD_PARAMS, w + " must be one line");
                    }
                    if (isUser) {
                        user = v;
                    } else {
                        pwd = v;
                    }
                }
                case "eraseuserpwd" -> {
                    if (erase) {
                        return new Invalid(ReturnCode.ERR_BAD_PARAMS, "eraseuserpwd given twice");
                    }
                    erase = true;
                }
                case "nocertpwd" -> nocert = true;
                case "cliauth" -> cliauth = true;
                default -> {
                    if (profile != null) {
                        return new Invalid(ReturnCode.ERR_TOO_MANY_PARAMS,
                                "more than one profile name ('" + profile + "', '" + w + "'); quote names with spaces");
                    }
                    profile = w;
                }
            }
        }
        if (erase && pwd != null) {
            return new Invalid(ReturnCode.ERR_BAD_PARAMS, "eraseuserpwd and pwd exclude each other");
        }
        if (profile == null || profile.isBlank()) {
            return new Invalid(ReturnCode.ERR_MISSING_PARAMS, "connect needs a profile name");
        }
        return new Ok(new Connect(profile, Optional.ofNullable(user), Optional.ofNullable(pwd), erase, nocert, cliauth));
    }

    private static Parsed parseStat(String[] a) {
        Set<Part> parts = EnumSet.noneOf(Part.class);
        boolean reset = false;
        boolean repeat = false;
        if (a.length > 6) {
            return new Invalid(ReturnCode.ERR_TOO_MANY_PARAMS, "stat takes at most 6 parameters");
        }
        for (String w : a) {
            switch (w.toLowerCase(java.util.Locale.ROOT)) {
                case "reset" -> reset = true;
                case "repeat" -> repeat = true;
                case "traffic" -> parts.add(Part.TRAFFIC);
                case "tunnel" -> parts.add(Part.TUNNEL);
                case "route" -> parts.add(Part.ROUTE);
                case "firewall" -> parts.add(Part.FIREWALL);
                default -> {
                    return new Invalid(ReturnCode.ERR_BAD_PARAMS, "unknown stat parameter '" + w + "'");
                }
            }
        }
        if (parts.isEmpty() && !reset) {
            parts = EnumSet.allOf(Part.class);
        }
        return new Ok(new Stat(parts, reset, repeat));
    }
}
