package org.tollgate.gateway.accounting;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.tollgate.aaa.AaaService;
import org.tollgate.cdr.record.MediaStats;
import org.tollgate.cdr.service.CdrService;
import org.tollgate.cdr.service.CdrSettings;
import org.tollgate.cdr.service.CdrSinks;
import org.tollgate.cdr.show.CallClearing;
import org.tollgate.cdr.show.CdrCommands;
import org.tollgate.cdr.sink.radius.RadiusAccountingPort;
import org.tollgate.cdr.sink.syslog.SyslogFraming;
import org.tollgate.config.GatewayConfig;

/**
 * One call to start the CDR pipeline from the running configuration, for the gateway's run command:
 * <pre>{@code
 * CdrService cdr = GatewayCdr.start(config, aaa, dataDir, clock);
 * CallControlModule cc = CallControlModule.create(config, scheduler, voip, auth, cdr.recordSink());
 * registry contributions: GatewayCdr.commands(() -> cdr, bootInstant, clearing)
 * }</pre>
 * RADIUS accounting goes through {@code aaa accounting connection h323 ...} (IOS's list for voice
 * calls) when {@code gw-accounting aaa} is on; file CDRs are written under
 * {@code <dataDir>/flash} for {@code flash:} URLs; syslog uses RFC 5424 framing.
 */
public final class GatewayCdr {
    /** The accounting list voice calls use. */
    public static final String LIST = "h323";

    private GatewayCdr() {
    }

    /** Without media counters (every leg reads zero packets and no coder). */
    public static CdrService start(GatewayConfig config, AaaService aaa, Path dataDir, Clock clock)
            throws SQLException {
        return start(config, aaa, dataDir, clock, MediaStats.NONE);
    }

    /** With the legs' media counters and coders from {@code media}. */
    public static CdrService start(GatewayConfig config, AaaService aaa, Path dataDir, Clock clock, MediaStats media)
            throws SQLException {
        return start(config, aaa, dataDir, clock, media, d -> {
        });
    }

    /**
     * With the legs' media counters from {@code media}; each acknowledged RADIUS accounting
     * request's round trip goes to {@code radiusLatency}.
     */
    public static CdrService start(GatewayConfig config, AaaService aaa, Path dataDir, Clock clock, MediaStats media,
                                   Consumer<Duration> radiusLatency) throws SQLException {
        Optional<RadiusAccountingPort> radius = config.aaa().accountingList("connection", LIST)
                .map(l -> RadiusAccountingAdapter.forList(aaa, LIST, radiusLatency));
        return CdrService.start(CdrSettings.defaults(dataDir, config.hostname()).withHistory(config.dialControlMib()),
                CdrSinks.fromConfig(config, radius, dataDir.resolve("flash"), SyslogFraming.RFC5424, clock), clock,
                media);
    }

    /** The {@code show call ...} / {@code clear call voice ...} contribution. */
    public static CdrCommands commands(Supplier<CdrService> cdr, Instant boot, CallClearing clearing) {
        return new CdrCommands(cdr, boot, clearing);
    }
}
