package org.tollgate.gateway.run;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tollgate.config.ConfigError;
import org.tollgate.config.ConfigParser;
import org.tollgate.config.ConfigWarning;
import org.tollgate.config.ParseResult;

/**
 * {@code tollgate run --config FILE [--data-dir DIR] [--sip-address A] [--sip-port N] [--telnet-port N]
 * [--ssh-port N] [--http-port N] [--no-console]}: loads and validates the configuration (errors are
 * printed as {@code check-config} prints them, exit 1), starts the gateway and runs until SIGTERM or
 * SIGINT (Ctrl+C), then shuts down cleanly and exits 0. Usage errors exit 2.
 */
public final class RunCommand {
    private RunCommand() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        RuntimeOptions options;
        switch (RuntimeOptions.parse(args)) {
            case RuntimeOptions.Parsed.Error e -> {
                err.println("tollgate run: " + e.message());
                err.println("usage: tollgate run --config FILE [--data-dir DIR] [--sip-address A] [--sip-port N]"
                        + " [--telnet-port N] [--ssh-port N] [--http-port N] [--no-console]");
                return 2;
            }
            case RuntimeOptions.Parsed.Ok ok -> options = ok.options();
        }
        boolean console = options.console() && interactive();
        if (console) {
            // the console CLI owns the terminal: only warnings reach it; everything goes to the log file
            System.setProperty("tollgate.console.level", "WARN");
        }
        String text;
        try {
            text = Files.readString(options.config(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("tollgate: cannot read " + options.config() + ": " + e.getMessage());
            return 1;
        }
        ParseResult parsed = ConfigParser.parse(options.config().toString(), text);
        if (parsed instanceof ParseResult.Failed failed) {
            for (ConfigError e : failed.errors()) {
                err.println(e.format());
            }
            err.println(failed.errors().size() + (failed.errors().size() == 1 ? " error" : " errors")
                    + " in " + options.config() + "; not started");
            return 1;
        }
        ParseResult.Ok ok = (ParseResult.Ok) parsed;
        for (ConfigWarning w : ok.warnings()) {
            err.println(CheckConfigCommand.warning(w));
        }
        try {
            Files.createDirectories(options.dataDir());
        } catch (IOException e) {
            err.println("tollgate: cannot create data directory " + options.dataDir() + ": " + e.getMessage());
            return 1;
        }
        logToFile(options.dataDir().resolve("logs"));
        Logger log = LoggerFactory.getLogger(RunCommand.class);
        RuntimeOptions effective = new RuntimeOptions(options.config(), options.dataDir(), options.sipAddress(),
                options.sipPort(), options.telnetPort(), options.sshPort(), options.httpPort(), console);
        Gateway gateway;
        try {
            gateway = Gateway.start(effective, ok.config(), Clock.systemDefaultZone());
        } catch (IOException | SQLException e) {
            log.error("start failed: {}", e.toString());
            err.println("tollgate: start failed: " + e.getMessage());
            return 1;
        }
        log.info("tollgate {} started: config {}, telnet port {}, SSH port {}{}", Gateway.VERSION,
                options.config(), gateway.telnetPort(), gateway.sshPort(),
                options.httpPort().isPresent() ? ", HTTP port " + options.httpPort().getAsInt() : "");
        Signals.onTerminate(() -> {
            log.info("shutdown requested by signal");
            gateway.close();
        });
        Runtime.getRuntime().addShutdownHook(new Thread(gateway::close, "shutdown"));
        try {
            gateway.awaitStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            gateway.close();
        }
        log.info("tollgate stopped cleanly");
        return 0;
    }

    /** Whether stdin/stdout are a terminal (JDK 22+ {@code Console.isTerminal}, else console != null). */
    private static boolean interactive() {
        java.io.Console c = System.console();
        if (c == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /** Adds a rolling log file {@code DIR/tollgate.log} (10 MB per file, 7 days, 100 MB in all). */
    private static void logToFile(Path dir) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
            return;
        }
        PatternLayoutEncoder enc = new PatternLayoutEncoder();
        enc.setContext(ctx);
        enc.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n");
        enc.start();
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(ctx);
        file.setName("FILE");
        file.setFile(dir.resolve("tollgate.log").toString());
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(ctx);
        policy.setParent(file);
        policy.setFileNamePattern(dir.resolve("tollgate.%d{yyyy-MM-dd}.%i.log").toString());
        policy.setMaxFileSize(FileSize.valueOf("10MB"));
        policy.setMaxHistory(7);
        policy.setTotalSizeCap(FileSize.valueOf("100MB"));
        policy.start();
        file.setRollingPolicy(policy);
        file.setEncoder(enc);
        file.start();
        ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(file);
    }
}
