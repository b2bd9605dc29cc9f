package org.tollgate.cdr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.callcontrol.auth.AuthorizationResult;
import org.tollgate.cdr.format.CdrFormat;
import org.tollgate.cdr.record.CallLegRecord;
import org.tollgate.cdr.record.CallRecordFolder;
import org.tollgate.cdr.record.MediaStats;
import org.tollgate.cdr.store.internal.RecordCodec;

/**
 * Records folded from real call scenarios (call control's engine, simulated phones, the seed
 * configuration) equal the golden records in {@code src/test/resources/golden/*.cdr}, and their
 * detailed CSV lines and syslog messages equal {@code *.csv} / {@code *.syslog}. Set
 * {@code -Dgolden.update=true} to rewrite the files after a deliberate change (then review the diff).
 */
class GoldenRecordsTest {
    final Scenarios s = new Scenarios();
    final List<CallLegRecord> records = new CopyOnWriteArrayList<>();
    final CallRecordFolder folder = new CallRecordFolder(Scenarios.fixedIds(), MediaStats.NONE, records::addAll);

    void check(String name) throws IOException {
        compare(name + ".cdr", records.stream().map(RecordCodec::encode).collect(Collectors.joining("\n")));
        compare(name + ".csv", records.stream().map(r -> CdrFormat.csv(r, true, "cme-fac") + "\n")
                .collect(Collectors.joining()));
        compare(name + ".syslog", records.stream().map(r -> CdrFormat.syslog(r) + "\n").collect(Collectors.joining()));
        assertTrue(folder.active().isEmpty(), "no leg stays active after the release");
        records.forEach(r -> assertEquals(r, RecordCodec.decode(RecordCodec.encode(r)), "codec round trip"));
        records.forEach(r -> assertEquals(r, RecordCodec.decode(RecordCodec.encodeCompact(r)), "store form round trip"));
    }

    static void compare(String file, String actual) throws IOException {
        Path golden = Path.of("src", "test", "resources", "golden", file);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, actual);
        }
        assertEquals(Files.readString(golden), actual, "golden " + golden);
    }

    @Test
    @DisplayName("Connected call 0/1/0 -> 99329: two legs (TELE answer + TELE originate, peer 11), cause 10, shared ConnectionId")
    void connectedCall() throws IOException {
        s.connectedCall(folder);
        assertEquals(2, records.size());
        assertEquals(records.get(0).connectionId(), records.get(1).connectionId());
        check("connected-call");
    }

    @Test
    @DisplayName("LPCOR-blocked call: one leg, DisconnectCause 3F, LPCOR groups LocalUser/AnalogPhone, no FAC")
    void lpcorBlocked() throws IOException {
        s.lpcorBlockedCall(folder);
        assertEquals(1, records.size());
        assertEquals("3F", records.get(0).disconnectCauseHex());
        check("lpcor-blocked");
    }

    @Test
    @DisplayName("FAC success (seed call ephone 102 -> 99329 with 786): FacDigits=786, FacStatus success on both legs")
    void facSuccess() throws IOException {
        s.facCall(folder, new AuthorizationResult.Success("786"));
        assertEquals(2, records.size());
        records.forEach(r -> assertEquals("786", r.facDigits()));
        records.forEach(r -> assertEquals("success", r.facStatusText()));
        check("fac-success");
    }

    @Test
    @DisplayName("FAC failure: one leg, FacStatus failure, released with the LPCOR cause 63 (3F)")
    void facFailure() throws IOException {
        s.facCall(folder, new AuthorizationResult.Failure("999", "bad code"));
        assertEquals(1, records.size());
        assertEquals("failure", records.get(0).facStatusText());
        assertEquals("3F", records.get(0).disconnectCauseHex());
        check("fac-failure");
    }
}
