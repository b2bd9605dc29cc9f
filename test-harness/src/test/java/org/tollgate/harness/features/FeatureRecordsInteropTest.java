package org.tollgate.harness.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tollgate.aaa.radius.RadiusAccountingClient;
import org.tollgate.aaa.radius.RadiusServerSpec;
import org.tollgate.aaa.radius.RadiusSettings;
import org.tollgate.callcontrol.adapter.CallControlModule;
import org.tollgate.callcontrol.analog.SimulatedPhone;
import org.tollgate.callcontrol.cause.Q850Cause;
import org.tollgate.callcontrol.engine.CallControl;
import org.tollgate.callcontrol.leg.LegFactory;
import org.tollgate.callcontrol.time.ManualScheduler;
import org.tollgate.cdr.record.FeatureRecord;
import org.tollgate.cdr.record.MediaStats;
import org.tollgate.cdr.service.CdrService;
import org.tollgate.cdr.service.CdrSettings;
import org.tollgate.cdr.service.CdrSinks;
import org.tollgate.cdr.sink.CdrSink;
import org.tollgate.cdr.sink.Delivery;
import org.tollgate.cdr.sink.syslog.SyslogFraming;
import org.tollgate.cdr.sink.syslog.SyslogSink;
import org.tollgate.cdr.store.CdrStore;
import org.tollgate.cdr.store.QueuedRecord;
import org.tollgate.config.ConfigParser;
import org.tollgate.config.GatewayConfig;
import org.tollgate.config.ParseResult;
import org.tollgate.config.system.DialControlMib;
import org.tollgate.gateway.accounting.RadiusAccountingAdapter;
import org.tollgate.harness.process.ChildJvm;
import org.tollgate.harness.process.PersistingChild;
import org.tollgate.harness.radius.FreeRadiusServer;
import org.tollgate.harness.syslog.RsyslogServer;

/**
 * Issue 8 "Records" against real peers. FreeRADIUS: a park and retrieve through call control's
 * engine and the CDR service with the RADIUS sink over aaa's accounting client puts each feature
 * record into the detail file as an Accounting-Request of its own with
 * {@code Cisco-AVPair = "feature-vsa=fn:PARK,..."}. Durability as for call records: a separate JVM ({@link Load}: call control's
 * engine with four simulated analog phones doing hook-flash park + retrieve and consult transfers in
 * a loop, and the CDR service whose {@code syslog} queue is never acknowledged) is SIGKILLed; every
 * feature record it reported durable is in the H2 store and queued; a restarted CDR service then
 * sends each one exactly once through the real syslog sink to a real rsyslogd ({@code imudp} on
 * 127.0.0.1), which parses {@code %VOIPAAA-5-VOIP_FEAT_HISTORY: FEAT_VSA=...} with RFC 5424 MSGID
 * {@code VOIP_FEAT_HISTORY} and never sees one twice (UDP itself may drop datagrams of the burst).
 */
class FeatureRecordsInteropTest {
    static final String OWNER = "cme-feat";
    private static final Pattern FEATURE_ID = Pattern.compile("fid:(\\d+),fcid:([0-9A-F]{32}),");
    static final String CONFIG = """
            hostname cme-feat
            voice-port 0/1/0
             station-id number 1001
            voice-port 0/1/1
             station-id number 1002
            voice-port 0/1/2
             station-id number 1003
            dial-peer voice 1 pots
             destination-pattern 1001
             port 0/1/0
            dial-peer voice 2 pots
             destination-pattern 1002
             port 0/1/1
            dial-peer voice 3 pots
             destination-pattern 1003
             port 0/1/2
            ephone-dn 50
             number 7001
             park-slot timeout 60 limit 2 recall
            """;

    @TempDir
    Path data;

    static CdrSettings settings(Path data) {
        return CdrSettings.defaults(data, OWNER).withHistory(new DialControlMib(100_000, 100_000))
                .withRetry(Duration.ofMillis(50), Duration.ofMillis(300));
    }

    /** The {@code syslog} queue of the process to be killed: never acknowledged (the host is "down"). */
    static final class DownSink implements CdrSink {
        @Override
        public String name() {
            return "syslog";
        }

        @Override
        public Delivery deliver(List<QueuedRecord> batch) {
            return new Delivery.Partial(0, "syslog host down");
        }
    }

    /**
     * The process the test kills. Argument: the data directory. Prints {@code READY}, then
     * {@code PERSISTED <feature record id>} for each feature record once its transaction committed;
     * runs park/retrieve and consult transfer scenarios until killed.
     */
    public static final class Load {
        private Load() {
        }

        public static void main(String[] args) throws Exception {
            Path data = Path.of(args[0]);
            CdrService cdr = CdrService.start(settings(data), List.of(new DownSink()), Clock.systemUTC(),
                    MediaStats.NONE);
            cdr.onFeaturesPersisted(l -> {
                StringBuilder sb = new StringBuilder();
                l.forEach(f -> sb.append("PERSISTED ").append(f.recordId()).append('\n'));
                System.out.print(sb);
                System.out.flush();
            });
            ParseResult r = ConfigParser.parse("features.cfg", CONFIG);
            GatewayConfig cfg = ((ParseResult.Ok) r).config();
            ManualScheduler clock = new ManualScheduler();
            CallControlModule m = CallControlModule.create(cfg, clock,
                    LegFactory.unavailable(Q850Cause.NO_ROUTE_TO_DESTINATION, "no SIP"), CallControl.NO_AUTHORIZATION,
                    cdr.recordSink());
            Function<String, SimulatedPhone> phone = p -> (SimulatedPhone) m.ports().port(p).orElseThrow().driver();
            SimulatedPhone a = phone.apply("0/1/0");
            SimulatedPhone b = phone.apply("0/1/1");
            SimulatedPhone c = phone.apply("0/1/2");
            System.out.println("READY");
            System.out.flush();
            for (long i = 0; ; i++) {
                a.offHook();
                a.dial("1002");
                b.offHook();
                clock.advance(Duration.ofSeconds(5));
                b.flash();
                if (i % 2 == 0) {
                    b.dial("**6");
                    b.onHook();
                    c.offHook();
                    c.dial("7001");
                    clock.advance(Duration.ofSeconds(5));
                    c.onHook();
                    a.onHook();
                } else {
                    b.dial("1003");
                    c.offHook();
                    b.onHook();
                    clock.advance(Duration.ofSeconds(5));
                    a.onHook();
                    c.onHook();
                }
                clock.advance(Duration.ofSeconds(1));
                Thread.sleep(2);
            }
        }
    }

    @Test
    @DisplayName("SIGKILL while features happen: every durable feature record is stored and queued; after a restart each is sent exactly once as VOIP_FEAT_HISTORY to rsyslogd, which parses it and sees none twice")
    void killRestartDeliverExactlyOnce() throws Exception {
        assumeTrue(RsyslogServer.available(), "rsyslogd not installed");
        PersistingChild child = new PersistingChild(ChildJvm.command(List.of(), Load.class.getName(), data.toString()));
        try {
            assertTrue(child.awaitReady(60), child.log());
            Instant deadline = Instant.now().plusSeconds(60);
            while (child.persisted().size() < 120 && Instant.now().isBefore(deadline) && child.isAlive()) {
                Thread.sleep(10);
            }
        } finally {
            child.kill();
        }
        Set<String> durable = Set.copyOf(child.persisted());
        assertTrue(durable.size() >= 120, "the load produced " + durable.size() + " feature records\n" + child.log());

        long features;
        CdrStore store = CdrStore.open(CdrStore.h2Url(data), OWNER, List.of("syslog"));
        try (Connection c = store.connect()) {
            for (String id : durable) {
                assertTrue(store.findFeature(c, id).isPresent(), "feature record " + id + " lost");
            }
            features = store.featureCount(c);
            assertEquals(store.count(c) + features, store.depth(c, "syslog"),
                    "every stored leg and feature record is queued for syslog");
        }

        try (RsyslogServer rsyslog = RsyslogServer.start(Duration.ofSeconds(20))) {
            Sent sink = new Sent(new SyslogSink(List.of(new InetSocketAddress("127.0.0.1", rsyslog.port())), OWNER,
                    SyslogFraming.RFC5424, Clock.systemUTC()));
            try (CdrService cdr = CdrService.start(settings(data), List.of(sink), Clock.systemUTC(), MediaStats.NONE)) {
                assertEquals(0L, awaitDrained(cdr), "queue drained");
            }
            Map<String, Long> sent = sink.features.stream()
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertEquals(features, sent.size(), "every stored feature record was sent");
            for (String id : durable) {
                assertEquals(1L, sent.getOrDefault(id, 0L), "feature record " + id + " sent exactly once");
            }
            assertTrue(sent.values().stream().allMatch(n -> n == 1L), "no feature record sent twice");

            Instant until = Instant.now().plusSeconds(20);
            Map<String, Long> got = received(rsyslog);
            while (got.size() < features && Instant.now().isBefore(until)) {
                Thread.sleep(50);
                got = received(rsyslog);
            }
            // UDP syslog has no acknowledgement (RFC 5426): a burst may lose datagrams at the receiver,
            // so rsyslogd's count is reported, not required; it must never see one twice.
            assertTrue(got.size() > features / 2, "rsyslogd received " + got.size() + " of " + features);
            assertTrue(got.values().stream().allMatch(n -> n == 1L), "rsyslogd saw no feature record twice");
            assertTrue(sent.keySet().containsAll(got.keySet()), "rsyslogd got only records that were sent");
            List<String> parsed = rsyslog.parsed().stream().filter(l -> l.contains("VOIP_FEAT_HISTORY: ")).toList();
            assertTrue(parsed.stream().allMatch(l -> l.startsWith(OWNER + "|tollgate|VOIP_FEAT_HISTORY|"
                    + "%VOIPAAA-5-VOIP_FEAT_HISTORY: FEAT_VSA=fn:")), "rsyslog parsed host, app and MSGID: "
                    + parsed.getFirst());
            assertTrue(parsed.stream().anyMatch(l -> l.contains("FEAT_VSA=fn:PARK,")), "park records");
            assertTrue(parsed.stream().anyMatch(l -> l.contains("FEAT_VSA=fn:PARKRET,")), "retrieve records");
            assertTrue(parsed.stream().anyMatch(l -> l.contains("FEAT_VSA=fn:CXFER,")
                    && l.contains(",trfor:1002,trfee:1001,trfto:1003,")), "consult transfer records");
        }
    }

    /** The real syslog sink, noting the feature record ids of every batch it reported sent. */
    static final class Sent implements CdrSink {
        final SyslogSink sink;
        final List<String> features = new java.util.concurrent.CopyOnWriteArrayList<>();

        Sent(SyslogSink sink) {
            this.sink = sink;
        }

        @Override
        public String name() {
            return sink.name();
        }

        @Override
        public Delivery deliver(List<QueuedRecord> batch) {
            Delivery d = sink.deliver(batch);
            batch.subList(0, d.delivered()).stream().filter(QueuedRecord::isFeature)
                    .forEach(q -> features.add(q.feature().orElseThrow().recordId()));
            return d;
        }

        @Override
        public void close() {
            sink.close();
        }
    }

    @Test
    @DisplayName("FreeRADIUS (aaa accounting connection h323 stop-only): park and retrieve put two feature records into the detail file, each its own Stop with Cisco-AVPair feature-vsa=fn:PARK / fn:PARKRET, h323-conf-id and cdr-record-id, besides the 5 leg Stops")
    void freeRadiusFeatureVsa() throws Exception {
        assumeTrue(FreeRadiusServer.available(), "freeradius not installed");
        try (FreeRadiusServer radius = FreeRadiusServer.builder().secret("feat-secret").start()) {
            ParseResult r = ConfigParser.parse("features.cfg", CONFIG + "gw-accounting aaa\naaa new-model\n"
                    + "radius server fr\n address ipv4 127.0.0.1 auth-port " + radius.authPort() + " acct-port "
                    + radius.acctPort() + "\n key feat-secret\naaa accounting connection h323 stop-only group radius\n");
            GatewayConfig cfg = assertInstanceOf(ParseResult.Ok.class, r, r.toString()).config();
            RadiusAccountingClient client = new RadiusAccountingClient(List.of(new RadiusServerSpec("freeradius",
                    radius.address(), radius.authPort(), radius.acctPort(), "feat-secret")),
                    RadiusSettings.defaults().withTimeout(Duration.ofSeconds(2)).withRetransmit(1)
                            .withSourceAddress(InetAddress.getLoopbackAddress()), Clock.systemUTC());
            try (CdrService cdr = CdrService.start(CdrSettings.defaults(data, cfg.hostname()),
                    CdrSinks.fromConfig(cfg, Optional.of(RadiusAccountingAdapter.of(client)), data,
                            SyslogFraming.RFC5424, Clock.systemUTC()), Clock.systemUTC(), MediaStats.NONE)) {
                ManualScheduler clock = new ManualScheduler();
                CallControlModule m = CallControlModule.create(cfg, clock, LegFactory.unavailable(
                        Q850Cause.NO_ROUTE_TO_DESTINATION, "no SIP"), CallControl.NO_AUTHORIZATION, cdr.recordSink());
                Function<String, SimulatedPhone> phone = p -> (SimulatedPhone) m.ports().port(p).orElseThrow().driver();
                phone.apply("0/1/0").offHook();
                phone.apply("0/1/0").dial("1002");
                phone.apply("0/1/1").offHook();
                clock.advance(Duration.ofSeconds(5));
                phone.apply("0/1/1").flash();
                phone.apply("0/1/1").dial("**6");
                phone.apply("0/1/1").onHook();
                phone.apply("0/1/2").offHook();
                phone.apply("0/1/2").dial("7001");
                clock.advance(Duration.ofSeconds(5));
                phone.apply("0/1/2").onHook();
                phone.apply("0/1/0").onHook();
                Instant until = Instant.now().plusSeconds(30);
                while (count(radius.detailFile(), "Acct-Status-Type = Stop") < 7 && Instant.now().isBefore(until)) {
                    Thread.sleep(50);
                }
            }
            String detail = java.nio.file.Files.readString(radius.detailFile());
            assertEquals(7, count(radius.detailFile(), "Acct-Status-Type = Stop"), detail);
            assertEquals(2, count(radius.detailFile(), "feature-vsa="), detail);
            Matcher park = Pattern.compile("Cisco-AVPair = \"feature-vsa=(fn:PARK,ft:[0-9/ :.]+,frs:0,fid:1,fcid:"
                    + "[0-9A-F]{32},legID:1,cgn:1001,cdn:7001,pkslot:7001,pkdee:1001,pkder:1002)\"").matcher(detail);
            assertTrue(park.find(), "PARK feature-vsa in the detail file:\n" + detail);
            assertTrue(detail.contains("feature-vsa=fn:PARKRET,"), detail);
            assertTrue(detail.contains(",pkslot:7001,rtvr:1003,ofcid:"), detail);
            assertTrue(detail.contains("h323-gw-id = \"h323-gw-id=cme-feat\""), detail);
        }
    }

    static long count(Path file, String text) throws IOException {
        if (!java.nio.file.Files.exists(file)) {
            return 0;
        }
        String s = java.nio.file.Files.readString(file);
        long n = 0;
        for (int i = s.indexOf(text); i >= 0; i = s.indexOf(text, i + 1)) {
            n++;
        }
        return n;
    }

    static long awaitDrained(CdrService cdr) throws Exception {
        Instant until = Instant.now().plusSeconds(30);
        long depth = cdr.queueDepths().get("syslog");
        while (depth > 0 && Instant.now().isBefore(until)) {
            Thread.sleep(20);
            depth = cdr.queueDepths().get("syslog");
        }
        return depth;
    }

    /** Feature record id ({@code <fcid>-F<fid>}) -> how many times rsyslogd received it. */
    static Map<String, Long> received(RsyslogServer s) throws IOException {
        List<String> ids = new ArrayList<>();
        for (String line : s.raw().lines().toList()) {
            if (!line.contains("%VOIPAAA-5-VOIP_FEAT_HISTORY: FEAT_VSA=")) {
                continue;
            }
            Matcher m = FEATURE_ID.matcher(line);
            if (m.find()) {
                ids.add(m.group(2) + "-F" + m.group(1));
            }
        }
        return ids.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    /** Keeps {@link FeatureRecord#recordId} and the syslog text in step: the id is {@code <fcid>-F<fid>}. */
    @Test
    @DisplayName("A feature record's id can be rebuilt from its VSA (fcid, fid): receivers drop re-sends by it")
    void idFromVsa() {
        org.tollgate.cdr.record.ConnectionId id = org.tollgate.cdr.record.ConnectionId.of(java.util.UUID.randomUUID());
        FeatureRecord f = new FeatureRecord(FeatureRecord.recordId(id, 3), id, 3, "PARK", Instant.now(), true, 1,
                "1001", "7001", List.of());
        Matcher m = FEATURE_ID.matcher(f.vsa() + ",");
        assertTrue(m.find(), f.vsa());
        assertEquals(f.recordId(), m.group(2) + "-F" + m.group(1));
    }
}
