package org.tollgate.gateway.sip;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tollgate.config.GatewayConfig;
import org.tollgate.gateway.sip.auth.DigestAuthenticator;
import org.tollgate.gateway.sip.config.SipConfiguration;
import org.tollgate.gateway.sip.registrar.BindingRegistry;
import org.tollgate.gateway.sip.registrar.Registrar;
import org.tollgate.gateway.sip.registrar.SipUserDirectory;

/**
 * The SIP edge assembled from the configuration, for the gateway's {@code run} command: user
 * directory, location service, digest authenticator (realm = {@code hostname}), registrar and
 * {@link SipServer}, plus a sweep that drops lapsed bindings every {@link #PURGE_INTERVAL} (60 s).
 *
 * <p>Lifecycle: {@link #start} binds; {@link #close} stops the sweep and the server. A new
 * configuration needs a new edge (the directory is immutable).
 */
public final class SipEdge implements AutoCloseable {
    /** How often lapsed bindings are removed. */
    public static final Duration PURGE_INTERVAL = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(SipEdge.class);

    private final SipServer server;
    private final Registrar registrar;
    private final SipUserDirectory directory;
    private final ScheduledExecutorService sweeper;

    private SipEdge(SipServer server, Registrar registrar, SipUserDirectory directory, ScheduledExecutorService sweeper) {
        this.server = server;
        this.registrar = registrar;
        this.directory = directory;
        this.sweeper = sweeper;
    }

    /**
     * Starts the SIP edge of {@code config}.
     *
     * @param config the running configuration
     * @param sipPort {@code --sip-port}, overriding {@code voice register global source-address ... port}
     * @param clock time for bindings and nonces
     * @param callHandler the B2BUA; {@code null} for {@link UnroutedCallHandler} (no call routing yet)
     */
    public static SipEdge start(GatewayConfig config, OptionalInt sipPort, Clock clock, SipCallHandler callHandler)
            throws SipServer.SipStartException {
        return start(config, java.util.Optional.empty(), sipPort, clock, callHandler);
    }

    /**
     * As {@link #start(GatewayConfig, OptionalInt, Clock, SipCallHandler)}, listening on
     * {@code sipAddress} ({@code --sip-address}) instead of {@code voice register global source-address}.
     */
    public static SipEdge start(GatewayConfig config, java.util.Optional<String> sipAddress, OptionalInt sipPort,
                                Clock clock, SipCallHandler callHandler) throws SipServer.SipStartException {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        SipUserDirectory directory = SipConfiguration.directory(config);
        BindingRegistry bindings = new BindingRegistry(clock);
        DigestAuthenticator auth = new DigestAuthenticator(config.hostname(), clock,
                DigestAuthenticator.DEFAULT_NONCE_LIFETIME, new SecureRandom());
        Registrar registrar = new Registrar(directory, bindings, auth, Registrar.Settings.defaults());
        SipCallHandler handler = callHandler != null ? callHandler : new UnroutedCallHandler(directory, bindings);
        SipServer server = SipServer.start(SipConfiguration.settings(config, sipAddress, sipPort), registrar, handler);
        if (handler instanceof UnroutedCallHandler unrouted) {
            unrouted.attach(server);
        }
        ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sip-binding-sweep");
            t.setDaemon(true);
            return t;
        });
        sweeper.scheduleAtFixedRate(() -> {
            int n = bindings.purgeExpired();
            if (n > 0) {
                LOG.debug("{} lapsed SIP binding(s) removed", n);
            }
        }, PURGE_INTERVAL.toSeconds(), PURGE_INTERVAL.toSeconds(), TimeUnit.SECONDS);
        return new SipEdge(server, registrar, directory, sweeper);
    }

    /** The running server (port, stats, provider for the B2BUA). */
    public SipServer server() {
        return server;
    }

    /** The registrar; {@code registrar().registry().lookup(number)} finds a phone's contacts. */
    public Registrar registrar() {
        return registrar;
    }

    /** The SIP users of the configuration. */
    public SipUserDirectory directory() {
        return directory;
    }

    @Override public void close() {
        sweeper.shutdownNow();
        server.close();
    }
}
