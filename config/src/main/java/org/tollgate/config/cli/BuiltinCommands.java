package org.tollgate.config.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tollgate.config.ConfigPrinter;
import org.tollgate.config.secret.Secret;

/**
 * The commands every gateway has, registered like any other contribution: {@code enable},
 * {@code disable}, {@code exit}/{@code logout}/{@code quit}, {@code show running-config},
 * {@code show startup-config}, {@code show version}, {@code show users}, {@code show clock},
 * {@code show history}, {@code show debugging}, {@code configure terminal}, {@code write memory},
 * {@code copy running-config startup-config}, {@code terminal length|monitor|no monitor},
 * {@code debug}/{@code undebug}/{@code no debug} for every declared debug category.
 *
 * <p>Register it LAST: the {@code debug} commands are generated from the categories the other
 * contributions declared.
 */
public final class BuiltinCommands implements CliContribution {
    private static final Logger log = LoggerFactory.getLogger(BuiltinCommands.class);
    /** {@code enable} password attempts before {@code % Access denied} (IOS: 3). */
    public static final int ENABLE_TRIES = 3;
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS zzz EEE MMM d yyyy", Locale.ENGLISH);

    @Override
    public void register(CommandRegistry r) {
        r.command("enable", "Turn on privileged commands").privilege(0).handler(BuiltinCommands::enable);
        r.command("disable", "Turn off privileged commands").privilege(0)
                .handler(ctx -> ctx.cli().privilege(1));
        r.command("exit", "Exit from the EXEC").privilege(0).handler(ctx -> ctx.cli().end());
        r.command("logout", "Exit from the EXEC").privilege(0).handler(ctx -> ctx.cli().end());
        r.command("quit", "Exit from the EXEC").privilege(0).handler(ctx -> ctx.cli().end());

        r.command("show running-config", "Show running system information", "Current operating configuration")
                .privilege(15).handler(BuiltinCommands::showRunning);
        r.command("show startup-config", "Show running system information", "Contents of startup configuration")
                .privilege(15).handler(BuiltinCommands::showStartup);
        r.command("show version", "Show running system information", "System hardware and software status")
                .handler(BuiltinCommands::showVersion);
        r.command("show users", "Show running system information", "Display information about terminal lines")
                .handler(BuiltinCommands::showUsers);
        r.command("show clock", "Show running system information", "Display the system clock")
                .handler(ctx -> ctx.out().println(clock(ctx)));
        r.command("show history", "Show running system information", "Display the session command history")
                .handler(ctx -> ctx.cli().history().forEach(h -> ctx.out().println("  " + h)));
        r.command("show debugging", "Show running system information", "State of each debugging option")
                .handler(BuiltinCommands::showDebugging);

        r.command("configure terminal", "Enter configuration mode", "Configure from the terminal")
                .privilege(15).handler(ctx -> {
                    ctx.out().println("Enter configuration commands, one per line.  End with CNTL/Z.");
                    ctx.cli().beginConfig();
                });
        r.command("write memory", "Write running configuration to memory, network, or terminal",
                "Write to NV memory").privilege(15).handler(BuiltinCommands::save);
        r.command("write", "Write running configuration to memory, network, or terminal")
                .privilege(15).handler(BuiltinCommands::save);
        r.command("copy running-config startup-config", "Copy from one file to another",
                "Copy from current system configuration", "Copy to startup configuration")
                .privilege(15).handler(BuiltinCommands::save);

        r.command("terminal length", "Set terminal line parameters", "Set number of lines on a screen")
                .arg(Arg.number("LINES", 0, 512, "Number of lines on screen (0 for no pausing)"))
                .handler(ctx -> ctx.cli().length((int) ctx.args().number("LINES")));
        r.command("terminal monitor", "Set terminal line parameters", "Copy debug output to the current terminal line")
                .handler(ctx -> ctx.cli().debug().monitor(true));
        r.command("terminal no monitor", "Set terminal line parameters", "Negate a command or set its defaults",
                "Copy debug output to the current terminal line")
                .handler(ctx -> ctx.cli().debug().monitor(false));

        r.command("undebug all", "Disable debugging functions (see also 'debug')", "Disable all debugging")
                .privilege(15).handler(BuiltinCommands::undebugAll);
        r.command("no debug all", "Negate a command or set its defaults", "Debugging functions (see also 'undebug')",
                "Disable all debugging").privilege(15).handler(BuiltinCommands::undebugAll);
        for (Map.Entry<String, List<String>> c : categoriesInOrder(r)) {
            String cat = c.getKey();
            String[] help = c.getValue().toArray(String[]::new);
            r.command("debug " + cat, prepend("Debugging functions (see also 'undebug')", help))
                    .privilege(15).handler(ctx -> {
                        ctx.cli().debug().enable(cat);
                        ctx.out().println(cat + " debugging is on");
                    });
            r.command("undebug " + cat, prepend("Disable debugging functions (see also 'debug')", help))
                    .privilege(15).handler(ctx -> debugOff(ctx, cat));
            r.command("no debug " + cat, prepend("Negate a command or set its defaults",
                    prepend("Debugging functions (see also 'undebug')", help)))
                    .privilege(15).handler(ctx -> debugOff(ctx, cat));
        }
    }

    private static List<Map.Entry<String, List<String>>> categoriesInOrder(CommandRegistry r) {
        Map<String, List<String>> all = r.debugCategories();
        return r.debugCategoryOrder().stream().map(k -> Map.entry(k, all.get(k))).toList();
    }

    private static String[] prepend(String first, String[] rest) {
        String[] out = new String[rest.length + 1];
        out[0] = first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }

    private static void debugOff(CommandContext ctx, String cat) {
        ctx.cli().debug().disable(cat);
        ctx.out().println(cat + " debugging is off");
    }

    private static void undebugAll(CommandContext ctx) {
        ctx.cli().debug().disableAll();
        ctx.out().println("All possible debugging has been turned off");
    }

    private static void enable(CommandContext ctx) {
        if (ctx.privilege() >= 15) {
            return;
        }
        Optional<Secret> secret = ConfigFacts.enableSecret(ctx.config());
        if (secret.isEmpty()) {
            if (ctx.session().lineNumber() == 0) {
                ctx.cli().privilege(15);
            } else {
                ctx.out().println("% No password set");
            }
            return;
        }
        for (int i = 0; i < ENABLE_TRIES; i++) {
            Optional<String> attempt = ctx.terminal().readSecret("Password: ");
            if (attempt.isEmpty()) {
                return;
            }
            if (secret.get().matches(attempt.get())) {
                ctx.cli().privilege(15);
                log.info("enable on {} by {}", ctx.session().lineName(), ctx.session().user());
                return;
            }
        }
        log.info("enable refused on {} after {} tries", ctx.session().lineName(), ENABLE_TRIES);
        ctx.out().println("% Access denied");
    }

    private static void showRunning(CommandContext ctx) {
        String text = ConfigPrinter.print(ctx.config());
        PrintWriter out = ctx.out();
        out.println("Building configuration...");
        out.println();
        out.println("Current configuration : " + text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + " bytes");
        out.print(text.endsWith("\n") ? text : text + "\n");
    }

    private static void showStartup(CommandContext ctx) {
        try {
            Optional<String> text = ctx.environment().startup().read();
            if (text.isEmpty()) {
                ctx.out().println("startup-config is not present");
                return;
            }
            ctx.out().println("Using " + text.get().getBytes(java.nio.charset.StandardCharsets.UTF_8).length + " bytes");
            ctx.out().print(text.get().endsWith("\n") ? text.get() : text.get() + "\n");
        } catch (IOException e) {
            ctx.out().println("%Error opening " + ctx.environment().startup().location() + " (" + e.getMessage() + ")");
        }
    }

    private static void save(CommandContext ctx) {
        ctx.out().println("Building configuration...");
        try {
            ctx.environment().startup().write(ConfigPrinter.print(ctx.config()));
            ctx.out().println("[OK]");
            log.info("configuration saved to {} by {}", ctx.environment().startup().location(), ctx.session().user());
        } catch (IOException e) {
            log.warn("saving the configuration to {} failed: {}", ctx.environment().startup().location(), e.toString());
            ctx.out().println("%Error writing " + ctx.environment().startup().location() + " (" + e.getMessage() + ")");
        }
    }

    private static void showVersion(CommandContext ctx) {
        VersionInfo v = ctx.environment().version();
        Duration up = Duration.between(v.startedAt(), ctx.environment().clock().instant());
        PrintWriter out = ctx.out();
        out.println("tollgate Software, Version " + v.version());
        out.println("Voice gateway call-control engine in the style of a Cisco CME / IOS voice gateway");
        out.println();
        out.println(ctx.config().hostname() + " uptime is " + uptime(up));
        out.println("System started at " + CLOCK.format(ZonedDateTime.ofInstant(v.startedAt(), ctx.environment().clock().getZone())));
        out.println("Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name")
                + ", " + System.getProperty("java.vendor") + ") on " + System.getProperty("os.name")
                + " " + System.getProperty("os.arch"));
        out.println("Configuration file is \"" + v.configFile() + "\"");
    }

    /** IOS uptime text: {@code 1 week, 2 days, 3 hours, 4 minutes} (zero units above the first non-zero omitted). */
    static String uptime(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        long weeks = minutes / (7 * 24 * 60);
        long days = minutes / (24 * 60) % 7;
        long hours = minutes / 60 % 24;
        long mins = minutes % 60;
        StringBuilder sb = new StringBuilder();
        unit(sb, weeks, "week", false);
        unit(sb, days, "day", !sb.isEmpty());
        unit(sb, hours, "hour", !sb.isEmpty());
        unit(sb, mins, "minute", true);
        return sb.toString();
    }

    private static void unit(StringBuilder sb, long n, String name, boolean always) {
        if (n == 0 && !always) {
            return;
        }
        if (!sb.isEmpty()) {
            sb.append(", ");
        }
        sb.append(n).append(' ').append(name).append(n == 1 ? "" : "s");
    }

    private static void showUsers(CommandContext ctx) {
        PrintWriter out = ctx.out();
        out.println("    Line       User       Host(s)              Idle       Location");
        int mine = ctx.session().lineNumber();
        for (LineDirectory.LineStatus s : ctx.environment().lines().lines()) {
            out.println(String.format("%s%3d %-9s %-10s %-20s %-10s %s",
                    s.number() == mine ? "*" : " ", s.number(), s.name(), s.user(), s.hosts(),
                    idle(s.idle()), s.location()).stripTrailing());
        }
        out.println();
        out.println("  Interface    User               Mode         Idle     Peer Address");
    }

    static String idle(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return String.format("%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    private static String clock(CommandContext ctx) {
        return "*" + CLOCK.format(ZonedDateTime.ofInstant(ctx.environment().clock().instant(),
                ctx.environment().clock().getZone()));
    }

    private static void showDebugging(CommandContext ctx) {
        var enabled = ctx.cli().debug().enabled();
        PrintWriter out = ctx.out();
        if (enabled.isEmpty()) {
            return;
        }
        out.println("Debugging on this terminal" + (ctx.cli().debug().monitor() ? "" : " (terminal monitor is off)") + ":");
        enabled.stream().sorted().forEach(c -> out.println("  " + c + " debugging is on"));
    }
}
