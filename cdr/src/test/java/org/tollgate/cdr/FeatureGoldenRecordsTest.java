package org.tollgate.cdr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.cdr.format.CdrFormat;
import org.tollgate.cdr.record.CallLegRecord;
import org.tollgate.cdr.record.CallRecordFolder;
import org.tollgate.cdr.record.ConnectionId;
import org.tollgate.cdr.record.FeatureRecord;
import org.tollgate.cdr.record.MediaStats;
import org.tollgate.cdr.store.internal.FeatureRecordCodec;
import org.tollgate.cdr.store.internal.RecordCodec;

/**
 * Issue 8 "Records": feature records folded from real feature scenarios (call control's engine,
 * simulated analog phones) equal the golden files {@code golden/feature-<name>.feat} (readable
 * form), {@code .feat.csv} (detailed file accounting lines) and {@code .feat.syslog}
 * ({@code VOIP_FEAT_HISTORY} messages); the legs of the same scenario equal {@code .cdr}. Every
 * feature record's {@code fcid} is the connection id of one of the scenario's calls. Set
 * {@code -Dgolden.update=true} to rewrite after a deliberate change (then review the diff).
 */
class FeatureGoldenRecordsTest {
    final FeatureScenarios s = new FeatureScenarios();
    final List<CallLegRecord> legs = new CopyOnWriteArrayList<>();
    final List<FeatureRecord> features = new CopyOnWriteArrayList<>();
    final CallRecordFolder folder = new CallRecordFolder(Scenarios.fixedIds(), MediaStats.NONE, legs::addAll,
            l -> { }, features::addAll);

    void check(String name) throws IOException {
        String base = "feature-" + name;
        GoldenRecordsTest.compare(base + ".feat", features.stream().map(FeatureRecordCodec::encode)
                .collect(Collectors.joining("\n")));
        GoldenRecordsTest.compare(base + ".feat.csv", features.stream()
                .map(f -> CdrFormat.featureCsv(f, true, "cme-feat") + "\n").collect(Collectors.joining()));
        GoldenRecordsTest.compare(base + ".feat.syslog", features.stream()
                .map(f -> CdrFormat.featureSyslog(f) + "\n").collect(Collectors.joining()));
        GoldenRecordsTest.compare(base + ".cdr", legs.stream().map(RecordCodec::encode).collect(Collectors.joining("\n")));
        assertTrue(folder.active().isEmpty(), "no leg stays active");
        Set<ConnectionId> calls = legs.stream().map(CallLegRecord::connectionId).collect(Collectors.toSet());
        for (FeatureRecord f : features) {
            assertTrue(calls.contains(f.connectionId()), "fcid of " + f.featureName() + " names a call of the scenario");
            assertEquals(f, FeatureRecordCodec.decode(FeatureRecordCodec.encode(f)), "readable round trip");
            assertEquals(f, FeatureRecordCodec.decode(FeatureRecordCodec.encodeCompact(f)), "store form round trip");
            assertTrue(CdrFormat.featureCsv(f, false, "x").endsWith("\"" + f.vsa() + "\""),
                    "compact line: feature_vsa is the 17th field");
        }
        assertEquals(features.size(), features.stream().map(FeatureRecord::recordId).distinct().count(),
                "feature record ids are unique");
    }

    List<String> names() {
        return features.stream().map(FeatureRecord::featureName).toList();
    }

    @Test
    @DisplayName("Consult transfer (hook flash, full-consult): one CXFER record on the new call A-C with trfor 1002, trfee 1001, trfto 1003 and the original call's ofcid")
    void consultTransfer() throws IOException {
        s.consultTransfer(folder);
        assertEquals(List.of("CXFER"), names());
        FeatureRecord f = features.getFirst();
        assertTrue(f.vsa().contains(",trfor:1002,trfee:1001,trfto:1003,"), f.vsa());
        assertTrue(f.vsa().contains(",ofcid:" + legs.getFirst().connectionId().compact()), f.vsa());
        check("consult-transfer");
    }

    @Test
    @DisplayName("Blind transfer (hook flash, full-blind): one BXFER record with transferor, transferee and target")
    void blindTransfer() throws IOException {
        s.blindTransfer(folder);
        assertEquals(List.of("BXFER"), names());
        assertTrue(features.getFirst().vsa().contains(",trfor:1002,trfee:1001,trfto:1003"), features.getFirst().vsa());
        check("blind-transfer");
    }

    @Test
    @DisplayName("Call forward all (**1 from 1002 to 1003): one CFA record, frson 1, fdcnt 1, fwder 1002, fwdee 1001, fwdto 1003, in the forwarded call")
    void forwardAll() throws IOException {
        s.forwardAll(folder);
        assertEquals(List.of("CFA"), names());
        assertTrue(features.getFirst().vsa().contains(",frson:1,fdcnt:1,fwder:1002,fwdee:1001,fwdto:1003,frm:1002"),
                features.getFirst().vsa());
        check("forward-all");
    }

    @Test
    @DisplayName("Meet-me conference 8000: three MEETME joins (parties 1, 2, 3) and three MEETME leaves (2, 1, 0)")
    void meetMe() throws IOException {
        s.meetMe(folder);
        assertEquals(List.of("MEETME", "MEETME", "MEETME", "MEETME", "MEETME", "MEETME"), names());
        assertTrue(features.get(2).vsa().endsWith(",cfev:join,cfpty:3"), features.get(2).vsa());
        assertTrue(features.get(5).vsa().endsWith(",cfev:leave,cfpty:0"), features.get(5).vsa());
        check("meet-me");
    }

    @Test
    @DisplayName("Park and retrieve: PARK (slot 7001, parked 1001, parker 1002) on the parker's call, PARKRET (retriever 1003) on the new call")
    void parkAndRetrieve() throws IOException {
        s.parkAndRetrieve(folder);
        assertEquals(List.of("PARK", "PARKRET"), names());
        assertTrue(features.get(0).vsa().endsWith(",pkslot:7001,pkdee:1001,pkder:1002"), features.get(0).vsa());
        assertTrue(features.get(1).vsa().contains(",pkslot:7001,rtvr:1003,ofcid:"
                + features.get(0).connectionId().compact()), features.get(1).vsa());
        check("park");
    }

    @Test
    @DisplayName("Park recall: PARK, then PARKREC (slot 7001, recalled to the parker 1002) on the new call of the parked party 1001")
    void parkRecall() throws IOException {
        s.parkRecall(folder);
        assertEquals(List.of("PARK", "PARKREC"), names());
        FeatureRecord f = features.get(1);
        assertTrue(f.vsa().contains(",cgn:1001,cdn:1002,pkslot:7001,rclto:1002,ofcid:"
                + features.get(0).connectionId().compact()), f.vsa());
        check("park-recall");
    }

    @Test
    @DisplayName("Directed pickup (**5 1002 #): one DPICKUP record (picker 1003, ringing 1002) on the new call, with the picked call's ofcid")
    void directedPickup() throws IOException {
        s.directedPickup(folder);
        assertEquals(List.of("DPICKUP"), names());
        assertTrue(features.getFirst().vsa().contains(",pkupr:1003,rgn:1002,ofcid:"
                + legs.getFirst().connectionId().compact()), features.getFirst().vsa());
        check("directed-pickup");
    }
}
