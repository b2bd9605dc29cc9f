package org.tollgate.cdr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tollgate.cdr.service.CdrSinks;
import org.tollgate.cdr.sink.CdrSink;
import org.tollgate.cdr.sink.file.FileSink;
import org.tollgate.cdr.sink.radius.RadiusAccountingPort;
import org.tollgate.cdr.sink.syslog.SyslogFraming;
import org.tollgate.config.GatewayConfig;

/** The sinks a configuration asks for. */
class CdrSinksTest {
    @TempDir
    Path dir;
    final RadiusAccountingPort port = a -> CompletableFuture.completedFuture(
            new RadiusAccountingPort.Ack.Acknowledged("x"));

    @Test
    @DisplayName("gw-accounting aaa + file (primary ifs, compact) + syslog with an h323 start-stop list: radius (with STARTs), file, syslog")
    void allThree() throws Exception {
        GatewayConfig cfg = Scenarios.config(false, """
                aaa accounting connection h323 start-stop group radius
                gw-accounting syslog
                logging host 127.0.0.1 transport udp port 5514
                gw-accounting file
                 primary ifs file:%s/
                 cdr-format compact
                 maximum fileclose-timer 60
                """.formatted(dir));
        List<CdrSink> sinks = CdrSinks.fromConfig(cfg, Optional.of(port), dir, SyslogFraming.RFC5424, Clock.systemUTC());
        assertEquals(List.of("radius", "file", "syslog"), sinks.stream().map(CdrSink::name).toList());
        assertTrue(sinks.get(0).wantsStarts(), "start-stop");
        assertInstanceOf(FileSink.class, sinks.get(1));
        assertFalse(sinks.get(2).wantsStarts());
    }

    @Test
    @DisplayName("The seed (gw-accounting aaa, no accounting list, no port): no sinks, nothing sent anywhere")
    void seedWithoutList() throws Exception {
        assertTrue(CdrSinks.fromConfig(Scenarios.config(true, ""), Optional.empty(), dir, SyslogFraming.RFC5424,
                Clock.systemUTC()).isEmpty());
    }
}
