package org.tollgate.cdr.service;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tollgate.cdr.sink.CdrSink;
import org.tollgate.cdr.sink.file.FileSink;
import org.tollgate.cdr.sink.file.FileSinkSettings;
import org.tollgate.cdr.sink.radius.RadiusAccountingPort;
import org.tollgate.cdr.sink.radius.RadiusSink;
import org.tollgate.cdr.sink.syslog.SyslogFraming;
import org.tollgate.cdr.sink.syslog.SyslogSink;
import org.tollgate.config.GatewayConfig;
import org.tollgate.config.system.LogHost;

/**
 * The sinks a configuration asks for: {@code gw-accounting aaa} → {@link RadiusSink} over
 * {@code radius} (when the gateway has a port: {@code aaa accounting connection h323 ...}),
 * {@code gw-accounting file} → {@link FileSink}, {@code gw-accounting syslog} → {@link SyslogSink}
 * to every UDP {@code logging host}.
 */
public final class CdrSinks {
    private static final Logger LOG = LoggerFactory.getLogger(CdrSinks.class);

    private CdrSinks() {
    }

    /**
     * @param radius         the RADIUS accounting port, empty when no accounting list is configured
     * @param flashDirectory where {@code flash:} URLs of {@code primary ifs} point
     * @param framing        syslog framing (RFC 5424 unless the operator chose RFC 3164)
     */
    public static List<CdrSink> fromConfig(GatewayConfig config, Optional<RadiusAccountingPort> radius,
                                           Path flashDirectory, SyslogFraming framing, Clock clock) {
        List<CdrSink> sinks = new ArrayList<>();
        if (config.accounting().aaa()) {
            if (radius.isPresent()) {
                boolean startStop = config.aaa().accountingList("connection", "h323")
                        .map(org.tollgate.config.aaa.AccountingList::startStop).orElse(false);
                sinks.add(new RadiusSink(radius.get(), config.hostname(), config.aaa().sessionIdCommon(), clock,
                        java.time.Duration.ofSeconds(60), startStop));
            } else {
                LOG.warn("gw-accounting aaa without an 'aaa accounting connection h323' list: no RADIUS CDRs");
            }
        }
        config.accounting().file().ifPresent(f -> FileSinkSettings.from(f, config.hostname(), flashDirectory)
                .ifPresentOrElse(s -> sinks.add(new FileSink(s, clock)),
                        () -> LOG.warn("gw-accounting file without an ifs primary/secondary: no file CDRs")));
        if (config.accounting().syslog()) {
            List<InetSocketAddress> hosts = new ArrayList<>();
            for (LogHost h : config.logging().hosts()) {
                if (h.tcp()) {
                    LOG.warn("logging host {} transport tcp: CDRs go to UDP hosts only", h.address());
                } else {
                    hosts.add(new InetSocketAddress(h.address(), h.port()));
                }
            }
            if (hosts.isEmpty()) {
                LOG.warn("gw-accounting syslog without a UDP 'logging host': syslog CDRs go nowhere");
            }
            sinks.add(new SyslogSink(hosts, config.hostname(), framing, clock));
        }
        return sinks;
    }
}
