package org.tollgate.harness.cdr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tollgate.aaa.radius.RadiusAccountingClient;
import org.tollgate.aaa.radius.RadiusServerSpec;
import org.tollgate.aaa.radius.RadiusSettings;
import org.tollgate.callcontrol.adapter.CallControlModule;
import org.tollgate.callcontrol.adapter.EndpointDirectory;
import org.tollgate.callcontrol.auth.AuthorizationResult;
import org.tollgate.callcontrol.auth.AuthorizationSession;
import org.tollgate.callcontrol.cause.Q850Cause;
import org.tollgate.callcontrol.cli.TestVoicePortCommand;
import org.tollgate.callcontrol.engine.IncomingCall;
import org.tollgate.callcontrol.leg.LegCommand;
import org.tollgate.callcontrol.leg.LegFactory;
import org.tollgate.callcontrol.leg.LegSignaling;
import org.tollgate.callcontrol.time.ManualScheduler;
import org.tollgate.cdr.record.MediaStats;
import org.tollgate.cdr.service.CdrService;
import org.tollgate.cdr.service.CdrSettings;
import org.tollgate.cdr.service.CdrSinks;
import org.tollgate.cdr.sink.syslog.SyslogFraming;
import org.tollgate.config.ConfigParser;
import org.tollgate.config.GatewayConfig;
import org.tollgate.config.ParseResult;
import org.tollgate.gateway.accounting.RadiusAccountingAdapter;
import org.tollgate.harness.radius.FreeRadiusServer;
import org.tollgate.harness.syslog.RsyslogServer;

/**
 * CDRs of the seed's FAC call (examples/cme-fac.cfg: ephone 102 calls 99329, FAC 786) to real
 * peers: FreeRADIUS (Accounting-Request STOP through aaa's client, VSAs in its detail file) and
 * rsyslog (the VOIP_CALL_HISTORY message over UDP, RFC 5424 and RFC 3164 framing).
 */
class CdrInteropTest {
    @TempDir
    Path data;
    final ManualScheduler clock = new ManualScheduler(Instant.parse("2026-11-21T10:00:00Z"));

    static GatewayConfig seed(String extra) throws IOException {
        String text = Files.readString(Path.of("..", "examples", "cme-fac.cfg"));
        ParseResult r = ConfigParser.parse("cme-fac.cfg", text);
        GatewayConfig base = assertInstanceOf(ParseResult.Ok.class, r, r.toString()).config();
        if (extra.isEmpty()) {
            return base;
        }
        ParseResult applied = ConfigParser.apply(base, "variant", extra);
        return assertInstanceOf(ParseResult.Ok.class, applied, applied.toString()).config();
    }

    /** The seed's FAC call through call control, authorized with 786; 0/1/1 answers, the caller hangs up after 30 s. */
    void facCall(GatewayConfig cfg, CdrService cdr) {
        CallControlModule m = CallControlModule.create(cfg, clock, LegFactory.unavailable(
                Q850Cause.NO_ROUTE_TO_DESTINATION, "no SIP"), (req, ctx) -> AuthorizationSession.completed(
                new AuthorizationResult.Success("786")), cdr.recordSink());
        IncomingCall call = m.calls().startCall(EndpointDirectory.byNumber(cfg, "786786").orElseThrow().caller(),
                new LegSignaling() {
                    @Override
                    public void handle(LegCommand command) {
                    }

                    @Override
                    public String describe() {
                        return "ephone 102";
                    }
                }, Optional.of("99329"));
        clock.advance(Duration.ofSeconds(3));
        TestVoicePortCommand.run(m.ports(), "0/1/1", List.of("off-hook"));
        clock.advance(Duration.ofSeconds(30));
        call.events().released(Q850Cause.NORMAL_CALL_CLEARING);
        TestVoicePortCommand.run(m.ports(), "0/1/1", List.of("on-hook"));
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean() && Instant.now().isBefore(until)) {
            Thread.sleep(50);
        }
        assertTrue(condition.getAsBoolean(), what);
    }

    @Test
    @DisplayName("FreeRADIUS (aaa accounting connection h323 start-stop): the FAC call's START and STOP records land in the "
            + "detail file with the h323 VSAs and fac-digits=786")
    void freeRadiusDetailFile() throws Exception {
        assumeTrue(FreeRadiusServer.available(), "freeradius not installed");
        try (FreeRadiusServer radius = FreeRadiusServer.builder().secret("cdr-secret").start()) {
            GatewayConfig cfg = seed("radius server fr\n address ipv4 127.0.0.1 auth-port " + radius.authPort()
                    + " acct-port " + radius.acctPort() + "\n key cdr-secret\naaa accounting connection h323 start-stop group radius\n");
            RadiusAccountingClient client = new RadiusAccountingClient(List.of(new RadiusServerSpec("freeradius",
                    radius.address(), radius.authPort(), radius.acctPort(), "cdr-secret")),
                    RadiusSettings.defaults().withTimeout(Duration.ofSeconds(2)).withRetransmit(1)
                            .withSourceAddress(InetAddress.getLoopbackAddress()), Clock.systemUTC());
            try (CdrService cdr = CdrService.start(CdrSettings.defaults(data, cfg.hostname()),
                    CdrSinks.fromConfig(cfg, Optional.of(RadiusAccountingAdapter.of(client)), data,
                            SyslogFraming.RFC5424, Clock.systemUTC()), Clock.systemUTC(), MediaStats.NONE)) {
                facCall(cfg, cdr);
                await(() -> count(radius.detailFile(), "fac-digits=786") == 4, "two START, two STOP records with fac-digits=786");
            }
            String detail = Files.readString(radius.detailFile());
            assertEquals(2, count(radius.detailFile(), "Acct-Status-Type = Start"), detail);
            assertEquals(2, count(radius.detailFile(), "Acct-Status-Type = Stop"), detail);
            assertTrue(detail.indexOf("Acct-Status-Type = Start") < detail.indexOf("Acct-Status-Type = Stop"));
            for (String want : List.of("Acct-Status-Type = Stop", "h323-setup-time = \"h323-setup-time=10:00:00.000 UTC Sat Nov 21 2026\"",
                    "h323-connect-time = \"h323-connect-time=10:00:03.000 UTC Sat Nov 21 2026\"",
                    "h323-disconnect-time = \"h323-disconnect-time=10:00:33.000 UTC Sat Nov 21 2026\"",
                    "h323-disconnect-cause = \"h323-disconnect-cause=10\"", "h323-call-origin = \"h323-call-origin=answer\"",
                    "h323-call-origin = \"h323-call-origin=originate\"", "h323-gw-id = \"h323-gw-id=cme-fac\"",
                    "h323-conf-id = \"h323-conf-id=", "fac-status=success", "in-lpcor-group=LocalUser",
                    "out-lpcor-group=AnalogPhone", "Calling-Station-Id = \"786786\"", "Called-Station-Id = \"99329\"")) {
                assertTrue(detail.contains(want), "detail file lacks " + want + ":\n" + detail);
            }
        }
    }

    static long count(Path file, String text) {
        try {
            if (!Files.exists(file)) {
                return 0;
            }
            String s = Files.readString(file);
            long n = 0;
            for (int i = s.indexOf(text); i >= 0; i = s.indexOf(text, i + 1)) {
                n++;
            }
            return n;
        } catch (IOException e) {
            return -1;
        }
    }

    @Test
    @DisplayName("rsyslog (imudp on loopback) receives %VOIPAAA-5-VOIP_CALL_HISTORY for each leg, RFC 5424 and RFC 3164 framing")
    void rsyslogReceives() throws Exception {
        assumeTrue(RsyslogServer.available(), "rsyslogd not installed");
        try (RsyslogServer syslog = RsyslogServer.start(Duration.ofSeconds(20))) {
            int round = 0;
            for (SyslogFraming framing : SyslogFraming.values()) {
                round++;
                GatewayConfig cfg = seed("gw-accounting syslog\nlogging host 127.0.0.1 transport udp port "
                        + syslog.port() + "\n");
                Path dir = data.resolve("r" + round);
                CountDownLatch two = new CountDownLatch(2);
                try (CdrService cdr = CdrService.start(CdrSettings.defaults(dir, cfg.hostname()),
                        CdrSinks.fromConfig(cfg, Optional.empty(), dir, framing, Clock.systemUTC()), Clock.systemUTC(),
                        MediaStats.NONE)) {
                    cdr.onPersisted(l -> l.forEach(r -> two.countDown()));
                    facCall(cfg, cdr);
                    assertTrue(two.await(30, TimeUnit.SECONDS));
                    long expected = 2L * round;
                    await(() -> countLines(syslog, "%VOIPAAA-5-VOIP_CALL_HISTORY: CallLegType 1") >= expected,
                            "rsyslog got the records: " + safeRaw(syslog));
                }
            }
            List<String> parsed = syslog.parsed().stream().filter(l -> l.contains("VOIP_CALL_HISTORY: ")).toList();
            assertEquals(4, parsed.size(), parsed.toString());
            for (String l : parsed) {
                assertTrue(l.startsWith("cme-fac|tollgate|"), "rsyslog parsed the hostname and app-name: " + l);
                assertTrue(l.contains("FacDigits 786, FacStatus success"), l);
                assertTrue(l.contains("DisconnectCause 10  , DisconnectText normal call clearing."), l);
            }
            assertTrue(parsed.get(0).startsWith("cme-fac|tollgate|VOIP_CALL_HISTORY|"), "RFC 5424 MSGID: " + parsed.get(0));
        }
    }

    static long countLines(RsyslogServer s, String text) {
        return safeRaw(s).lines().filter(l -> l.contains(text)).count();
    }

    static String safeRaw(RsyslogServer s) {
        try {
            return s.raw();
        } catch (IOException e) {
            return "";
        }
    }

}
