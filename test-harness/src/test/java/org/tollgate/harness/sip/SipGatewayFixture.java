package org.tollgate.harness.sip;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.tollgate.cdr.record.CallLegRecord;
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
 * The gateway's call path as {@code tollgate run} wires it: AAA, CDR and call control
 * ({@link CallServices}) plus the SIP edge with the B2BUA ({@link SipCallEdge}) on 127.0.0.1.
 */
final class SipGatewayFixture implements AutoCloseable {
    final CallServices services;
    final SipCallEdge sip;

    SipGatewayFixture(String configText, Path dataDir) throws Exception {
        this(configText, dataDir, null);
    }

    /** As {@link #SipGatewayFixture(String, Path)} with call timers on {@code timers} (null: the system scheduler). */
    SipGatewayFixture(String configText, Path dataDir, org.tollgate.callcontrol.time.CallScheduler timers)
            throws Exception {
        ParseResult r = ConfigParser.parse("sipp.cfg", configText);
        GatewayConfig config = assertInstanceOf(ParseResult.Ok.class, r, r.toString()).config();
        Clock clock = Clock.systemUTC();
        ConfigHolder holder = new ConfigHolder(config);
        services = timers == null
                ? CallServices.start(holder, dataDir, clock, new DebugBus(clock), new GatewayMetrics())
                : CallServices.start(holder, dataDir, clock, new DebugBus(clock), new GatewayMetrics(), timers);
        SipCallEdge edge;
        try {
            edge = SipCallEdge.start(holder::get, OptionalInt.of(Sipp.freeUdpPort()), clock,
                    services.module().calls(), services::setVoipLegs,
                    SipB2bua.Settings.defaults().withMediaAddress("127.0.0.1"));
        } catch (Exception e) {
            services.close();
            throw e;
        }
        sip = edge;
    }

    /** host:port of the gateway's SIP side. */
    String target() {
        return "127.0.0.1:" + sip.edge().server().port();
    }

    List<CallLegRecord> history() {
        try {
            return services.cdr().history();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for the call's threads to get there (a ceiling, not a timed assertion). */
    static void await(BooleanSupplier c, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!c.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(c.getAsBoolean(), what);
    }

    @Override public void close() {
        sip.close();
        services.close();
    }
}
