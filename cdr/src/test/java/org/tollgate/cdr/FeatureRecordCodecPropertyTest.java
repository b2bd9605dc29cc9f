package org.tollgate.cdr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.cdr.format.CdrFormat;
import org.tollgate.cdr.record.ConnectionId;
import org.tollgate.cdr.record.FeatureRecord;
import org.tollgate.cdr.store.internal.FeatureRecordCodec;

/** Properties of the feature record codec, the feature VSA and the feature CSV line over arbitrary text. */
class FeatureRecordCodecPropertyTest {
    static FeatureRecord with(String calling, String value, int n) {
        ConnectionId id = ConnectionId.of(new UUID(n, n));
        return new FeatureRecord(FeatureRecord.recordId(id, n), id, n, "CXFER",
                Instant.parse("2026-11-21T10:00:00Z").plusMillis(n), true, 1, calling, "1003",
                List.of(new FeatureRecord.Attribute("trfor", value), new FeatureRecord.Attribute("x", "")));
    }

    @Test
    @DisplayName("Any number / attribute text (line breaks, backslashes, ':', '=', unicode) survives both feature codec forms")
    void codecRoundTrip() {
        qt().withExamples(500).forAll(strings().allPossible().ofLengthBetween(0, 40),
                strings().allPossible().ofLengthBetween(0, 40), integers().between(1, 100_000))
                .checkAssert((calling, value, n) -> {
                    FeatureRecord r = with(calling, value, n);
                    assertEquals(r, FeatureRecordCodec.decode(FeatureRecordCodec.encode(r)));
                    assertEquals(r, FeatureRecordCodec.decode(FeatureRecordCodec.encodeCompact(r)));
                });
    }

    @Test
    @DisplayName("The feature VSA never holds a comma inside a value (the separator), and an RFC 4180 reader gets back every CSV field of the feature line")
    void vsaAndCsv() {
        qt().withExamples(500).forAll(strings().basicLatinAlphabet().ofLengthBetween(0, 30), integers().between(1, 1000))
                .checkAssert((text, n) -> {
                    String clean = text.replace("\r", "").replace("\n", "");
                    FeatureRecord r = with(clean, clean, n);
                    String vsa = r.vsa();
                    assertEquals(8 + r.attributes().size(), vsa.split(",", -1).length, vsa);
                    assertFalse(r.callingNumber().contains(","));
                    assertEquals(CdrFormat.featureValues(r, true, "gw"),
                            RecordCodecPropertyTest.parse(CdrFormat.featureCsv(r, true, "gw")));
                });
    }
}
