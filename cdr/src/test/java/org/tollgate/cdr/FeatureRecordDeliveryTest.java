package org.tollgate.cdr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tollgate.callcontrol.record.CallRecordSink;
import org.tollgate.cdr.record.ConnectionId;
import org.tollgate.cdr.record.FeatureRecord;
import org.tollgate.cdr.record.MediaStats;
import org.tollgate.cdr.record.RecordKind;
import org.tollgate.cdr.service.CdrService;
import org.tollgate.cdr.service.CdrSettings;
import org.tollgate.cdr.sink.CdrSink;
import org.tollgate.cdr.sink.Delivery;
import org.tollgate.cdr.sink.file.FileSink;
import org.tollgate.cdr.sink.file.FileSinkSettings;
import org.tollgate.cdr.sink.radius.AccountingAttribute;
import org.tollgate.cdr.sink.radius.RadiusAccountingPort;
import org.tollgate.cdr.sink.radius.RadiusSink;
import org.tollgate.cdr.sink.syslog.SyslogFraming;
import org.tollgate.cdr.sink.syslog.SyslogSink;
import org.tollgate.cdr.store.CdrStore;
import org.tollgate.cdr.store.QueuedRecord;
import org.tollgate.config.system.DialControlMib;

/**
 * Feature records through the whole pipeline: call control's engine -> {@link CdrService}
 * (folder, H2 store, per-sink queues) -> the real file sink (CSV file on disk) and syslog sink
 * (UDP datagrams to a socket on 127.0.0.1); durability and retention as for call records; the
 * RADIUS form.
 */
class FeatureRecordDeliveryTest {
    private static final Duration BOUND = Duration.ofSeconds(30);
    @TempDir
    Path dir;
    final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:10:00Z"), ZoneId.of("UTC"));

    CdrSettings settings(Path at) {
        return CdrSettings.defaults(at, "cme-feat").withRetry(Duration.ofMillis(20), Duration.ofMillis(200))
                .withHistory(new DialControlMib(60 * 24 * 365 * 10, 1200));
    }

    static List<String> golden(String file) throws Exception {
        return Files.readAllLines(Path.of("src", "test", "resources", "golden", file));
    }

    static void run(String scenario, CallRecordSink sink) {
        FeatureScenarios s = new FeatureScenarios();
        switch (scenario) {
            case "consult-transfer" -> s.consultTransfer(sink);
            case "blind-transfer" -> s.blindTransfer(sink);
            case "forward-all" -> s.forwardAll(sink);
            case "meet-me" -> s.meetMe(sink);
            case "park" -> s.parkAndRetrieve(sink);
            case "park-recall" -> s.parkRecall(sink);
            case "directed-pickup" -> s.directedPickup(sink);
            default -> throw new IllegalArgumentException(scenario);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"consult-transfer", "blind-transfer", "forward-all", "meet-me", "park", "park-recall",
        "directed-pickup"})
    @DisplayName("Issue 8 Records: the scenario's feature records reach the file sink (one CSV line per feature, = golden .feat.csv) and the syslog sink over UDP (VOIP_FEAT_HISTORY, = golden .feat.syslog), besides its leg records")
    void deliveredToFileAndSyslog(String scenario) throws Exception {
        List<String> featCsv = golden("feature-" + scenario + ".feat.csv");
        List<String> featSyslog = golden("feature-" + scenario + ".feat.syslog");
        long legs = golden("feature-" + scenario + ".cdr").stream().filter(l -> l.startsWith("RecordId=")).count();
        Path files = dir.resolve("files");
        try (DatagramSocket server = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout((int) BOUND.toMillis());
            InetSocketAddress to = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
            FileSink file = new FileSink(new FileSinkSettings(files, "cdr", "cme-feat", false, 20, Duration.ofDays(1),
                    Duration.ofMinutes(60)), clock);
            SyslogSink syslog = new SyslogSink(List.of(to), "cme-feat", SyslogFraming.RFC5424, clock);
            try (CdrService cdr = CdrService.start(settings(dir), List.of(file, syslog), clock, MediaStats.NONE,
                    Scenarios.fixedIds())) {
                run(scenario, cdr.recordSink());
                List<String> featureMessages = new ArrayList<>();
                int callMessages = 0;
                while (featureMessages.size() < featSyslog.size() || callMessages < legs) {
                    DatagramPacket p = new DatagramPacket(new byte[8192], 8192);
                    server.receive(p);
                    String text = new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
                    if (text.contains(" tollgate - VOIP_FEAT_HISTORY - ")) {
                        featureMessages.add(text.substring(text.indexOf("%VOIPAAA")));
                    } else {
                        assertTrue(text.contains(" tollgate - VOIP_CALL_HISTORY - %VOIPAAA-5-VOIP_CALL_HISTORY: "), text);
                        callMessages++;
                    }
                }
                assertEquals(featSyslog, featureMessages);
                List<String> lines = awaitLines(files, featCsv.size() + legs);
                assertEquals(featCsv, lines.stream().filter(l -> l.startsWith(",")).toList(),
                        "feature lines: CallLegType empty, feature_vsa set");
                assertEquals(legs, lines.stream().filter(l -> !l.startsWith(",")).count(), "one line per leg too");
            }
        }
    }

    /** The lines of the one CSV file under {@code files} once it holds {@code n} (bounded wait). */
    static List<String> awaitLines(Path files, long n) throws Exception {
        long end = System.nanoTime() + BOUND.toNanos();
        while (true) {
            if (Files.isDirectory(files)) {
                try (var s = Files.list(files)) {
                    List<Path> csv = s.toList();
                    if (csv.size() == 1) {
                        List<String> lines = Files.readAllLines(csv.getFirst());
                        if (lines.size() >= n) {
                            return lines;
                        }
                    }
                }
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("file sink did not write " + n + " lines");
            }
            Thread.sleep(10);
        }
    }

    /** A sink named {@code radius} that acknowledges only while {@code up}; keeps what it delivered. */
    static final class Switchable implements CdrSink {
        final boolean up;
        final List<QueuedRecord> delivered = new CopyOnWriteArrayList<>();

        Switchable(boolean up) {
            this.up = up;
        }

        @Override
        public String name() {
            return "radius";
        }

        @Override
        public Delivery deliver(List<QueuedRecord> batch) {
            if (!up) {
                return new Delivery.Partial(0, "server down");
            }
            delivered.addAll(batch);
            return new Delivery.All(batch.size());
        }
    }

    @Test
    @DisplayName("Durability as for call records: a feature record reported persisted is in cdr_feature and queued; after a restart the queue delivers each feature record exactly once, in order with the legs")
    void durableAndResumed() throws Exception {
        List<FeatureRecord> persisted = new CopyOnWriteArrayList<>();
        CountDownLatch parkStored = new CountDownLatch(2);
        try (CdrService cdr = CdrService.start(settings(dir), List.of(new Switchable(false)), clock, MediaStats.NONE,
                Scenarios.fixedIds())) {
            cdr.onFeaturesPersisted(l -> {
                persisted.addAll(l);
                l.forEach(f -> parkStored.countDown());
            });
            run("park", cdr.recordSink());
            assertTrue(parkStored.await(BOUND.toSeconds(), TimeUnit.SECONDS), "both feature records persisted");
            try (Connection c = cdr.store().connect()) {
                for (FeatureRecord f : persisted) {
                    assertEquals(f, cdr.store().findFeature(c, f.recordId()).orElseThrow());
                }
                assertEquals(2, cdr.store().featureCount(c));
            }
        }
        Switchable up = new Switchable(true);
        try (CdrService cdr = CdrService.start(settings(dir), List.of(up), clock, MediaStats.NONE)) {
            long end = System.nanoTime() + BOUND.toNanos();
            while (cdr.queueDepths().get("radius") > 0 && System.nanoTime() < end) {
                Thread.sleep(10);
            }
            assertEquals(0L, cdr.queueDepths().get("radius"));
        }
        List<FeatureRecord> got = up.delivered.stream().filter(QueuedRecord::isFeature)
                .map(q -> q.feature().orElseThrow()).toList();
        assertEquals(persisted, got, "every persisted feature record delivered once, in order");
        assertEquals(5, up.delivered.stream().filter(q -> q.kind() == RecordKind.STOP).count(), "and the 5 legs");
        for (FeatureRecord f : got) {
            int at = indexOf(up.delivered, q -> q.isFeature() && q.feature().orElseThrow().equals(f));
            int firstLeg = indexOf(up.delivered, q -> !q.isFeature() && q.record().connectionId().equals(f.connectionId()));
            assertTrue(at < firstLeg, f.featureName() + " is delivered before the legs of its call (call order)");
        }
        Switchable again = new Switchable(true);
        try (CdrService cdr = CdrService.start(settings(dir), List.of(again), clock, MediaStats.NONE)) {
            assertEquals(0L, cdr.queueDepths().get("radius"), "acknowledged feature entries were removed");
        }
        assertTrue(again.delivered.isEmpty(), "nothing delivered twice");
    }

    static int indexOf(List<QueuedRecord> l, java.util.function.Predicate<QueuedRecord> p) {
        for (int i = 0; i < l.size(); i++) {
            if (p.test(l.get(i))) {
                return i;
            }
        }
        throw new AssertionError("not delivered");
    }

    static FeatureRecord feature(long n, Instant at) {
        ConnectionId id = ConnectionId.of(new java.util.UUID(0x5678L << 32 | n, n));
        return new FeatureRecord(FeatureRecord.recordId(id, 1), id, 1, "BXFER", at, true, 1, "1001", "1003",
                List.of(new FeatureRecord.Attribute("trfor", "1002"), new FeatureRecord.Attribute("trfee", "1001"),
                        new FeatureRecord.Attribute("trfto", "1003")));
    }

    @Test
    @DisplayName("Store: feature rows and their queue rows in one transaction; a feature id is stored once; retention never drops an undelivered feature record, drops a delivered old one")
    void storeAndRetention() throws Exception {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        CdrStore store = CdrStore.open(CdrStore.h2Url(dir), "gw1", List.of("file", "syslog"));
        try (Connection c = store.connect()) {
            store.append(c, List.of(), List.of(Records.stop(1, t0)), List.of(feature(1, t0), feature(2, t0)));
            List<QueuedRecord> file = store.pending(c, "file", 10);
            assertEquals(List.of(RecordKind.FEATURE, RecordKind.FEATURE, RecordKind.STOP),
                    file.stream().map(QueuedRecord::kind).toList());
            assertEquals(feature(1, t0), file.getFirst().feature().orElseThrow());
            assertEquals(3, store.depth(c, "syslog"));
            try {
                store.append(c, List.of(), List.of(), List.of(feature(1, t0)));
                throw new AssertionError("a feature record id is unique");
            } catch (java.sql.SQLException e) {
                assertTrue(e.getSQLState().startsWith("23"), e.getSQLState());
            }
            assertEquals(2, store.featureCount(c));
            store.acknowledge(c, "file", file.stream().map(QueuedRecord::seq).toList());
            List<QueuedRecord> syslog = store.pending(c, "syslog", 10);
            store.acknowledge(c, "syslog", List.of(syslog.getFirst().seq()));
            store.prune(c, t0.plusSeconds(60), 0);
            assertEquals(1, store.featureCount(c), "the delivered feature 1 is gone, feature 2 waits for syslog");
            assertTrue(store.findFeature(c, feature(2, t0).recordId()).isPresent());
        }
        CdrStore again = CdrStore.open(CdrStore.h2Url(dir), "gw1", List.of("file", "syslog"));
        try (Connection c = again.connect()) {
            assertEquals(feature(2, t0), again.pending(c, "syslog", 10).getFirst().feature().orElseThrow(),
                    "the queue survives reopening");
            assertEquals(List.of(feature(2, t0)), again.features(c, feature(2, t0).connectionId().compact()));
        }
    }

    @Test
    @DisplayName("RADIUS: a feature record is an Accounting-Request of its own (Acct-Status-Type Stop) with Cisco-AVPair feature-vsa=<vsa>, h323-conf-id of the call, cdr-record-id; Acct-Delay-Time on re-send")
    void radiusFeatureRecord() {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        List<List<AccountingAttribute>> sent = new ArrayList<>();
        boolean[] up = {false};
        RadiusAccountingPort port = attrs -> {
            sent.add(attrs);
            return CompletableFuture.completedFuture(up[0] ? new RadiusAccountingPort.Ack.Acknowledged("r")
                    : new RadiusAccountingPort.Ack.NotAcknowledged("timeout"));
        };
        RadiusSink sink = new RadiusSink(port, "cme-feat", true, Clock.fixed(at.plusSeconds(42), ZoneId.of("UTC")));
        FeatureRecord f = feature(7, at);
        assertInstanceOf(Delivery.Partial.class, sink.deliver(List.of(QueuedRecord.feature(1, 0, f))));
        up[0] = true;
        assertInstanceOf(Delivery.All.class, sink.deliver(List.of(QueuedRecord.feature(1, 1, f))));
        Consumer<List<AccountingAttribute>> common = a -> {
            assertTrue(a.contains(new AccountingAttribute.Number(RadiusSink.ACCT_STATUS_TYPE, RadiusSink.STATUS_STOP)));
            assertTrue(a.contains(new AccountingAttribute.Text(RadiusSink.ACCT_SESSION_ID, f.connectionId().compact())));
            assertTrue(a.contains(new AccountingAttribute.CiscoVsa(RadiusSink.CISCO_AVPAIR, "feature-vsa=" + f.vsa())));
            assertTrue(a.contains(new AccountingAttribute.CiscoVsa(RadiusSink.H323_CONF_ID,
                    "h323-conf-id=" + f.connectionId().radiusForm())));
            assertTrue(a.contains(new AccountingAttribute.CiscoVsa(RadiusSink.CISCO_AVPAIR, "cdr-record-id=" + f.recordId())));
        };
        common.accept(sent.get(0));
        common.accept(sent.get(1));
        assertTrue(sent.get(0).stream().noneMatch(a -> a instanceof AccountingAttribute.Number n
                && n.type() == RadiusSink.ACCT_DELAY_TIME));
        assertTrue(sent.get(1).contains(new AccountingAttribute.Number(RadiusSink.ACCT_DELAY_TIME, 42)));
        assertTrue(f.vsa().startsWith("fn:BXFER,ft:01/01/2026 00:00:00.000,frs:0,fid:1,fcid:"), f.vsa());
    }
}
