package org.tollgate.gateway.run;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tollgate.config.ConfigPrinter;
import org.tollgate.config.GatewayConfig;
import org.tollgate.config.cli.BuiltinCommands;
import org.tollgate.config.cli.CliContribution;
import org.tollgate.config.cli.CliEnvironment;
import org.tollgate.config.cli.CommandRegistry;
import org.tollgate.config.cli.CommandTree;
import org.tollgate.config.cli.ConfigFacts;
import org.tollgate.config.cli.ConfigHolder;
import org.tollgate.config.cli.DebugBus;
import org.tollgate.config.cli.VersionInfo;
import org.tollgate.gateway.metrics.GatewayMetrics;
import org.tollgate.gateway.metrics.HttpEndpoint;
import org.tollgate.gateway.store.GatewayStore;
import org.tollgate.gateway.wiring.CallServices;
import org.tollgate.lines.callback.CliExecLauncher;
import org.tollgate.lines.callback.ExecSessionLauncher;
import org.tollgate.lines.callback.ModemLineCommands;
import org.tollgate.lines.callback.ModemLineService;
import org.tollgate.lines.console.ConsoleLine;
import org.tollgate.lines.exec.LineTable;
import org.tollgate.lines.exec.LoginMode;
import org.tollgate.lines.vty.SshCliServer;
import org.tollgate.lines.vty.TelnetServer;
import org.tollgate.lines.vty.VtyPolicy;

/**
 * The running gateway: the configuration holder, the store, the CLI servers, the HTTP endpoint.
 * {@link #start} brings everything up in order; {@link #close} (idempotent) takes it down in reverse.
 *
 * <p>To add a module's CLI commands, add its {@link CliContribution} in {@link #contributions}.
 */
public final class Gateway implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Gateway.class);
    /** The software version {@code show version} and {@code tollgate version} report. */
    public static final String VERSION = "0.1.0";
    /** How often idle sessions are checked against their {@code exec-timeout} (so it fires up to this late). */
    static final long IDLE_CHECK_SECONDS = 5;

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final ConfigHolder config;
    private final GatewayMetrics metrics = new GatewayMetrics();
    private final DebugBus debug;
    private TelnetServer telnet;
    private SshCliServer ssh;
    private HttpEndpoint http;
    private CliEnvironment cliEnvironment;
    private CommandTree commandTree;
    private LineTable lineTable;
    private CallServices calls;

    private final RuntimeOptions options;

    private Gateway(RuntimeOptions options, ConfigHolder config, DebugBus debug) {
        this.options = options;
        this.config = config;
        this.debug = debug;
    }

    /** Starts the gateway with an already validated configuration. */
    public static Gateway start(RuntimeOptions options, GatewayConfig initial, Clock clock) throws IOException, SQLException {
        DebugBus debug = new DebugBus(clock);
        Gateway g = new Gateway(options, new ConfigHolder(initial), debug);
        try {
            g.startAll(options, clock);
        } catch (IOException | SQLException | RuntimeException e) {
            g.close();
            throw e;
        }
        return g;
    }

    private void startAll(RuntimeOptions options, Clock clock) throws IOException, SQLException {
        Files.createDirectories(options.dataDir());
        GatewayStore store = GatewayStore.open(options.dataDir());
        resources.add(store);
        store.archive(clock.instant(), "startup", "file:" + options.config(), ConfigPrinter.print(config.get()));
        config.observe(change -> {
            try {
                store.archive(clock.instant(), change.user(), change.source(), change.text());
            } catch (SQLException e) {
                log.warn("archiving the configuration failed: {}", e.toString());
            }
        });

        // AAA, CDR and call control; closed first at shutdown (added again at the end of startAll)
        CallServices callServices = CallServices.start(config, options.dataDir(), clock, debug, metrics);
        resources.add(callServices);
        this.calls = callServices;

        LineTable lines = new LineTable(clock);
        // modem lines (EXEC callback): their EXEC sessions need the tree, which needs their commands
        AtomicReference<ExecSessionLauncher> launcher = new AtomicReference<>();
        ModemLineService modems = ModemLineService.builder(config::get)
                .launcher(session -> launcher.get().run(session))
                .debug(debug::emit)
                .clock(clock)
                .build();
        CliEnvironment env = new CliEnvironment(config, debug, clock, new FileStartupConfig(options.config()),
                new VersionInfo(VERSION, clock.instant(), options.config().toString()), lines);
        CommandRegistry registry = new CommandRegistry();
        for (CliContribution c : contributions(modems, callServices.contributions(clock.instant()))) {
            c.register(registry);
        }
        new BuiltinCommands().register(registry);
        CommandTree tree = registry.build();
        this.cliEnvironment = env;
        this.commandTree = tree;
        this.lineTable = lines;
        ScheduledExecutorService idle = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("exec-timeout").factory());
        idle.scheduleWithFixedDelay(lines::expireIdle, IDLE_CHECK_SECONDS, IDLE_CHECK_SECONDS, TimeUnit.SECONDS);
        resources.add(idle::shutdownNow);
        launcher.set(new CliExecLauncher(env, tree, lines));

        telnet = TelnetServer.start(env, tree, lines, () -> vtyPolicy(config.get()),
                InetAddress.getByName("0.0.0.0"), options.telnetPort());
        resources.add(telnet);
        ssh = SshCliServer.start(env, tree, lines, () -> vtyPolicy(config.get()), "0.0.0.0", options.sshPort(),
                options.dataDir().resolve("ssh-host-key.ser"));
        resources.add(ssh);
        if (options.httpPort().isPresent()) {
            http = HttpEndpoint.start(metrics, "0.0.0.0", options.httpPort().getAsInt());
            resources.add(http);
        }
        modems.start();
        resources.add(modems);
        if (options.console()) {
            new ConsoleLine(env, tree, lines).start();
        }
        // shutdown order: calls cleared and CDRs closed before the servers and the store. Resources
        // are closed in reverse order, so a call edge (SIP) added after this line stops accepting
        // calls before they are cleared.
        resources.add(callServices);
        startSip(options, clock, callServices);
    }

    /**
     * The SIP edge with the B2BUA (SIP phones, voip dial-peers), closed before call services. A port
     * that cannot be bound leaves the gateway running without SIP (logged; voip calls fail with 63).
     */
    private void startSip(RuntimeOptions options, Clock clock, CallServices callServices) {
        try {
            resources.add(org.tollgate.gateway.sip.SipCallEdge.start(config::get, options.sipAddress(),
                    options.sipPort(), clock, callServices.module().calls(), callServices::setVoipLegs,
                    org.tollgate.gateway.sip.b2bua.SipB2bua.Settings.defaults()));
        } catch (org.tollgate.gateway.sip.SipServer.SipStartException | IOException | RuntimeException e) {
            log.error("SIP edge not started: {}", e.toString());
        }
    }

    /**
     * The modules' CLI contributions, in registration order (the built-ins come last, after every
     * debug category is known). Add yours here.
     */
    private List<CliContribution> contributions(ModemLineService modems, List<CliContribution> callServices) {
        List<CliContribution> list = new ArrayList<>(callServices);
        list.add(new ModemLineCommands(modems));
        return list;
    }

    static VtyPolicy vtyPolicy(GatewayConfig cfg) {
        ConfigFacts.VtyFacts v = ConfigFacts.vty(cfg);
        LoginMode login;
        if (v.login().filter("local"::equals).isPresent()) {
            login = new LoginMode.Local();
        } else if (v.login().isPresent() && v.password().isPresent()) {
            login = new LoginMode.LinePassword(v.password().get());
        } else {
            // IOS refuses vty sessions without a login method ("Password required, but none set");
            // we require login local then, so a vty never opens without authentication.
            login = new LoginMode.Local();
        }
        return new VtyPolicy(v.first(), v.last(), LineTable.vtyBase(v.lastTty()), login, v.telnet(), v.ssh(),
                java.time.Duration.ofSeconds(v.execTimeoutSeconds()));
    }

    /** The command-line options ({@code --sip-address}, {@code --sip-port} ... for the SIP edge). */
    public RuntimeOptions options() {
        return options;
    }

    public ConfigHolder config() {
        return config;
    }

    public DebugBus debug() {
        return debug;
    }

    /** AAA, CDR and call control (the SIP edge starts calls through {@code calls().module()}). */
    public CallServices calls() {
        return calls;
    }

    public GatewayMetrics metrics() {
        return metrics;
    }

    /** What an EXEC session needs (for line services that start their own sessions, e.g. modem lines). */
    public CliEnvironment cliEnvironment() {
        return cliEnvironment;
    }

    /** The EXEC command tree built from every contribution. */
    public CommandTree commandTree() {
        return commandTree;
    }

    /** The terminal lines in use ({@code show users}); line services claim their lines here. */
    public LineTable lineTable() {
        return lineTable;
    }

    public int telnetPort() {
        return telnet.port();
    }

    public int sshPort() {
        return ssh.port();
    }

    /** Blocks until {@link #close()} ran. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                log.warn("closing {} failed: {}", resources.get(i).getClass().getSimpleName(), e.toString());
            }
        }
        stopped.countDown();
    }
}
