package org.tollgate.harness.sip.phone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.tollgate.callcontrol.engine.CallControl;
import org.tollgate.callcontrol.engine.CallView;
import org.tollgate.callcontrol.time.ManualScheduler;
import org.tollgate.cdr.record.CallLegRecord;
import org.tollgate.cdr.record.FeatureRecord;
import org.tollgate.config.ConfigParser;
import org.tollgate.config.GatewayConfig;
import org.tollgate.config.ParseResult;
import org.tollgate.config.cli.ConfigHolder;
import org.tollgate.config.cli.DebugBus;
import org.tollgate.gateway.metrics.GatewayMetrics;
import org.tollgate.gateway.sip.SipCallEdge;
import org.tollgate.gateway.sip.b2bua.SipB2bua;
import org.tollgate.gateway.wiring.CallServices;

/**
 * The real gateway in process for {@link SipPhone} tests: AAA, CDR and call control
 * ({@link CallServices}) and the SIP edge with the B2BUA ({@link SipCallEdge}) on 127.0.0.1, wired as
 * {@code tollgate run} does, except that call control's timers run on a {@link ManualScheduler}
 * ({@link #advance}: no-answer, call-forward no answer, park recall and digit timeouts are advanced,
 * never slept).
 *
 * <p>{@link #seed(String, Path)} starts from the seed FAC/LPCOR configuration
 * ({@code examples/cme-fac.cfg}) with extra lines applied. Records: every committed CDR leg
 * ({@link #cdrs()}) and feature record ({@link #features()}, IOS {@code VOIP_FEAT_HISTORY}).
 */
public final class PhoneGateway implements AutoCloseable {
    private final ManualScheduler timers = new ManualScheduler();
    private final CallServices services;
    private final SipCallEdge sip;
    private final List<CallLegRecord> cdrs = new CopyOnWriteArrayList<>();
    private final List<FeatureRecord> features = new CopyOnWriteArrayList<>();
    private final List<SipPhone> phones = new ArrayList<>();

    private PhoneGateway(GatewayConfig config, Path dataDir) throws Exception {
        Clock clock = Clock.systemUTC();
        ConfigHolder holder = new ConfigHolder(config);
        services = CallServices.start(holder, dataDir, clock, new DebugBus(clock), new GatewayMetrics(), timers);
        services.cdr().onPersisted(cdrs::addAll);
        services.cdr().onFeaturesPersisted(features::addAll);
        SipCallEdge edge;
        try {
            edge = SipCallEdge.start(holder::get, OptionalInt.of(0), clock, services.module().calls(),
                    services::setVoipLegs, SipB2bua.Settings.defaults().withMediaAddress("127.0.0.1"));
        } catch (Exception e) {
            services.close();
            throw e;
        }
        sip = edge;
    }

    /** The gateway running {@code configText}. */
    public static PhoneGateway of(String configText, Path dataDir) throws Exception {
        ParseResult r = ConfigParser.parse("phones.cfg", configText);
        if (!(r instanceof ParseResult.Ok ok)) {
            throw new AssertionError(r.toString());
        }
        return new PhoneGateway(ok.config(), dataDir);
    }

    /**
     * The gateway running the seed configuration ({@code examples/cme-fac.cfg}: LPCOR groups LocalUser
     * and AnalogPhone, {@code accept ... fac}, the auth package with user 786 / 54321, ephone-dn 102
     * number 786786 in LocalUser) with {@code extra} applied on top, listening on 127.0.0.1.
     */
    public static PhoneGateway seed(String extra, Path dataDir) throws Exception {
        ParseResult seed = ConfigParser.parse("cme-fac.cfg", Files.readString(seedConfig()));
        if (!(seed instanceof ParseResult.Ok base)) {
            throw new AssertionError(seed.toString());
        }
        ParseResult applied = ConfigParser.apply(base.config(), "extra",
                "voice register global\n source-address 127.0.0.1\n" + extra);
        if (!(applied instanceof ParseResult.Ok ok)) {
            throw new AssertionError(applied.toString());
        }
        return new PhoneGateway(ok.config(), dataDir);
    }

    private static Path seedConfig() {
        Path p = Path.of("../examples/cme-fac.cfg");
        return Files.exists(p) ? p : Path.of("examples/cme-fac.cfg");
    }

    /** The gateway's SIP address. */
    public InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", sip.edge().server().port());
    }

    /** A phone with {@code number} pointed at this gateway (closed with the gateway). */
    public SipPhone phone(String number) throws Exception {
        SipPhone p = SipPhone.start(number, address());
        synchronized (phones) {
            phones.add(p);
        }
        return p;
    }

    /** A phone that has registered {@code number} (no credentials) with 200. */
    public SipPhone registeredPhone(String number) throws Exception {
        SipPhone p = phone(number);
        assertEquals(200, p.register(), number + " registers");
        return p;
    }

    /** Advances call control's timers by {@code d} (runs what falls due on this thread). */
    public void advance(Duration d) {
        timers.advance(d);
    }

    public ManualScheduler timers() {
        return timers;
    }

    public CallControl calls() {
        return services.module().calls();
    }

    public CallServices services() {
        return services;
    }

    public SipCallEdge sip() {
        return sip;
    }

    /** CDR legs committed so far (one per leg of each released call). */
    public List<CallLegRecord> cdrs() {
        return List.copyOf(cdrs);
    }

    /** Feature records ({@code VOIP_FEAT_HISTORY}) committed so far. */
    public List<FeatureRecord> features() {
        return List.copyOf(features);
    }

    /** The committed feature records named {@code fn} ({@code BXFER}, {@code CFNA}, ...). */
    public List<FeatureRecord> features(String fn) {
        return features.stream().filter(f -> f.featureName().equals(fn)).toList();
    }

    /**
     * True when a live call from {@code callingNumber} is collecting a FAC (state {@code Authorizing}):
     * the FAC prompt and digit collector are on that call's incoming leg, i.e. that party is asked.
     */
    public boolean facAskedFrom(String callingNumber) {
        return calls().activeCalls().stream().anyMatch(c -> c.state().equals("Authorizing")
                && c.callingNumber().equals(callingNumber));
    }

    /** True when any live call is collecting a FAC. */
    public boolean anyFacAsked() {
        return calls().activeCalls().stream().anyMatch(c -> c.state().equals("Authorizing"));
    }

    /** Live calls (for diagnostics in assertion messages). */
    public List<CallView> activeCalls() {
        return calls().activeCalls();
    }

    /** Waits for {@code condition} with the ceiling {@link SipPhone#WAIT}; fails with {@code what}. */
    public static void await(BooleanSupplier condition, String what) {
        assertTrue(SipPhone.poll(condition, SipPhone.WAIT), what);
    }

    /**
     * Stops the phones and the gateway. The JAIN-SIP RI's {@code stop()} sleeps a second per stack, so
     * the phones' stacks and the gateway's SIP edge are stopped in parallel; then call services close.
     */
    @Override public void close() {
        List<Thread> stopping = new ArrayList<>();
        synchronized (phones) {
            for (SipPhone p : phones) {
                stopping.add(Thread.ofPlatform().daemon().name("stop-" + p.number()).start(p::close));
            }
        }
        sip.close();
        for (Thread t : stopping) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        services.close();
    }
}
