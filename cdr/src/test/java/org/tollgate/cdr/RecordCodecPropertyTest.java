package org.tollgate.cdr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.cdr.format.CdrFormat;
import org.tollgate.cdr.record.CallLegRecord;
import org.tollgate.cdr.store.internal.RecordCodec;

/** Properties of the record codec and the CSV form over arbitrary field text. */
class RecordCodecPropertyTest {

    static CallLegRecord with(String peer, String endpoint, String fac, long n) {
        CallLegRecord b = Records.stop(n, Instant.parse("2026-11-21T10:00:00Z"));
        return new CallLegRecord(b.recordId(), b.connectionId(), b.legIndex(), b.kind(), b.origin(), peer,
                b.peerSubAddress(), b.peerId(), endpoint, b.callingNumber(), b.calledNumber(), b.setupTime(),
                b.connectTime(), b.disconnectTime(), b.cause(), b.releaseSource(), b.progress(), b.infoType(),
                b.counters(), b.coder(), fac, b.facStatus(), Optional.of(endpoint), b.lpcorOut());
    }

    @Test
    @DisplayName("Any field text (line breaks, backslashes, '=', unicode) survives both codec forms unchanged")
    void codecRoundTrip() {
        qt().withExamples(500).forAll(strings().allPossible().ofLengthBetween(0, 40),
                strings().allPossible().ofLengthBetween(0, 40), strings().numeric(), longs().between(0, 1L << 40))
                .checkAssert((peer, endpoint, fac, n) -> {
                    CallLegRecord r = with(peer, endpoint, fac, n);
                    assertEquals(r, RecordCodec.decode(RecordCodec.encode(r)));
                    assertEquals(r, RecordCodec.decode(RecordCodec.encodeCompact(r)));
                });
    }

    @Test
    @DisplayName("CSV: an RFC 4180 reader gets back the 17 compact fields for any peer address (commas, quotes)")
    void csvQuoting() {
        qt().withExamples(500).forAll(strings().basicLatinAlphabet().ofLengthBetween(0, 30), integers().between(0, 1000))
                .checkAssert((peer, n) -> {
                    CallLegRecord r = with(peer.replace("\r", "").replace("\n", ""), "port 0/1/1", "786", n);
                    assertEquals(CdrFormat.values(r, false, "gw"), parse(CdrFormat.csv(r, false, "gw")));
                });
    }

    /** A minimal RFC 4180 field splitter (one line). */
    static List<String> parse(String line) {
        List<String> out = new java.util.ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        out.add(f.toString());
        return out;
    }
}
