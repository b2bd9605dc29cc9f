package org.tollgate.cdr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tollgate.callcontrol.time.ManualClock;
import org.tollgate.cdr.format.CdrFormat;
import org.tollgate.cdr.format.IosTime;
import org.tollgate.cdr.record.CallLegRecord;
import org.tollgate.cdr.sink.Delivery;
import org.tollgate.cdr.sink.file.FileSink;
import org.tollgate.cdr.sink.file.FileSinkSettings;
import org.tollgate.cdr.sink.radius.AccountingAttribute;
import org.tollgate.cdr.sink.radius.RadiusAccountingPort;
import org.tollgate.cdr.sink.radius.RadiusSink;
import org.tollgate.cdr.sink.syslog.SyslogFraming;
import org.tollgate.cdr.sink.syslog.SyslogSink;
import org.tollgate.cdr.store.QueuedRecord;
import org.tollgate.config.accounting.FileAccounting;
import org.tollgate.config.accounting.FileTarget;

/** File, syslog and RADIUS sinks: formats, rotation, framing, attributes, re-send delay. */
class SinksTest {
    @TempDir
    Path dir;
    final Instant end = Instant.parse("2005-12-25T15:59:47Z");

    static List<QueuedRecord> queued(CallLegRecord... rs) {
        List<QueuedRecord> q = new ArrayList<>();
        for (int i = 0; i < rs.length; i++) {
            q.add(new QueuedRecord(i + 1, 0, rs[i]));
        }
        return q;
    }

    @Test
    @DisplayName("IOS clock format of CDR times: 15:59:47.000 UTC Sun Dec 25 2005")
    void iosTime() {
        assertEquals("15:59:47.000 UTC Sun Dec 25 2005", IosTime.format(end));
    }

    @Test
    @DisplayName("cdr-format compact: 17 CSV fields in the IOS order; detailed adds FAC, LPCOR and numbers")
    void csvFormats() {
        CallLegRecord r = Records.stop(1, end);
        String compact = CdrFormat.csv(r, false, "cme-fac");
        List<String> f = List.of(compact.replaceAll("\"[^\"]*\"", "VSA").split(",", -1));
        assertEquals(17, f.size(), compact);
        assertEquals("1", f.get(0));
        assertEquals(r.connectionId().syslogForm(), f.get(1));
        assertEquals("15:58:47.000 UTC Sun Dec 25 2005", f.get(2));
        assertEquals("786786", f.get(3));
        assertEquals("10", f.get(5));
        assertEquals("normal call clearing", f.get(6));
        assertEquals("2", f.get(9));
        assertEquals("48620", f.get(13));
        assertTrue(compact.endsWith(",\"fn:FAC,fac-digits:786,fac-status:success\""), compact);
        String detailed = CdrFormat.csv(r, true, "cme-fac");
        assertTrue(detailed.endsWith(",786786,99329,0,calling-party,g711ulaw,786,success,LocalUser,AnalogPhone,cme-fac"),
                detailed);
    }

    @Test
    @DisplayName("File CDRs: primary ifs directory, names with hostname and timestamp, rotation by fileclose-timer")
    void fileSinkRotates() throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-21T10:00:00Z"));
        FileAccounting cfg = FileAccounting.DEFAULT.withPrimary(Optional.of(new FileTarget("ifs", "file:" + dir + "/")))
                .withCompact(true).withFileCloseMinutes(60);
        FileSink sink = new FileSink(FileSinkSettings.from(cfg, "cme-fac", dir).orElseThrow(), clock);
        assertInstanceOf(Delivery.All.class, sink.deliver(queued(Records.stop(1, end), Records.stop(2, end))));
        Path first = sink.currentFile().orElseThrow();
        assertEquals("cdr.cme-fac.20261121-100000.csv", first.getFileName().toString());
        assertEquals(2, Files.readAllLines(first).size(), "lines reach the file before the batch is acknowledged");
        clock.advance(Duration.ofMinutes(61));
        sink.deliver(queued(Records.stop(3, end)));
        Path second = sink.currentFile().orElseThrow();
        assertEquals("cdr.cme-fac.20261121-110100.csv", second.getFileName().toString());
        sink.close();
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(2, files.count());
        }
        assertEquals(CdrFormat.csv(Records.stop(3, end), false, "cme-fac"), Files.readAllLines(second).getFirst());
    }

    @Test
    @DisplayName("primary ifs flash:cdrs -> <flash>/cdrs.<hostname>.<stamp>.csv")
    void flashUrl() {
        FileAccounting cfg = FileAccounting.DEFAULT.withPrimary(Optional.of(new FileTarget("ifs", "flash:cdrs")));
        FileSinkSettings s = FileSinkSettings.from(cfg, "gw", dir).orElseThrow();
        assertEquals(dir.toAbsolutePath(), s.directory());
        assertEquals("cdrs", s.prefix());
        assertTrue(FileSinkSettings.from(FileAccounting.DEFAULT.withPrimary(Optional.of(
                new FileTarget("ftp", "ftp://x/y"))), "gw", dir).isEmpty(), "ftp is not written");
    }

    @Test
    @DisplayName("Syslog: %VOIPAAA-5-VOIP_CALL_HISTORY over UDP with RFC 5424 framing (PRI 189), RFC 3164 as an option")
    void syslogUdp() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneId.of("UTC"));
        try (DatagramSocket server = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(10_000);
            InetSocketAddress to = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
            for (SyslogFraming framing : SyslogFraming.values()) {
                SyslogSink sink = new SyslogSink(List.of(to), "cme-fac", framing, clock);
                assertInstanceOf(Delivery.All.class, sink.deliver(queued(Records.stop(1, end))));
                DatagramPacket p = new DatagramPacket(new byte[4096], 4096);
                server.receive(p);
                String text = new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
                String head = framing == SyslogFraming.RFC5424
                        ? "<189>1 2026-11-21T10:00:00.000Z cme-fac tollgate - VOIP_CALL_HISTORY - "
                        : "<189>Nov 21 10:00:00 cme-fac tollgate: ";
                assertTrue(text.startsWith(head + "%VOIPAAA-5-VOIP_CALL_HISTORY: CallLegType 1, ConnectionId "), text);
                assertTrue(text.contains(", DisconnectCause 10  , DisconnectText normal call clearing., "), text);
                assertTrue(text.contains(", FacDigits 786, FacStatus success, InLpcorGroup LocalUser, OutLpcorGroup AnalogPhone"), text);
                sink.close();
            }
        }
    }

    @Test
    @DisplayName("RADIUS STOP: Acct-Session-Id, numbered h323 VSAs (times, cause in hex), Cisco-AVPair fac/lpcor; Acct-Delay-Time only on re-sends")
    void radiusAttributes() {
        List<List<AccountingAttribute>> sent = new ArrayList<>();
        boolean[] up = {false};
        RadiusAccountingPort port = attrs -> {
            sent.add(attrs);
            return CompletableFuture.completedFuture(up[0] ? new RadiusAccountingPort.Ack.Acknowledged("r1")
                    : new RadiusAccountingPort.Ack.NotAcknowledged("timeout"));
        };
        Clock clock = Clock.fixed(end.plusSeconds(90), ZoneId.of("UTC"));
        RadiusSink sink = new RadiusSink(port, "cme-fac", true, clock);
        CallLegRecord r = Records.stop(1, end);
        assertEquals(new Delivery.Partial(0, "timeout"), sink.deliver(queued(r)));
        up[0] = true;
        assertEquals(new Delivery.All(1), sink.deliver(List.of(new QueuedRecord(1, 1, r))));
        List<AccountingAttribute> first = sent.get(0);
        List<AccountingAttribute> resend = sent.get(1);
        assertTrue(first.contains(new AccountingAttribute.Number(40, 2)));
        assertTrue(first.contains(new AccountingAttribute.Text(44, r.connectionId().compact())));
        assertTrue(first.stream().noneMatch(a -> a instanceof AccountingAttribute.Number n && n.type() == 41));
        assertTrue(resend.contains(new AccountingAttribute.Number(41, 90)), "Acct-Delay-Time = seconds since the leg ended");
        for (AccountingAttribute want : List.of(
                new AccountingAttribute.CiscoVsa(25, "h323-setup-time=15:58:47.000 UTC Sun Dec 25 2005"),
                new AccountingAttribute.CiscoVsa(28, "h323-connect-time=15:58:57.000 UTC Sun Dec 25 2005"),
                new AccountingAttribute.CiscoVsa(29, "h323-disconnect-time=15:59:47.000 UTC Sun Dec 25 2005"),
                new AccountingAttribute.CiscoVsa(30, "h323-disconnect-cause=10"),
                new AccountingAttribute.CiscoVsa(26, "h323-call-origin=answer"),
                new AccountingAttribute.CiscoVsa(27, "h323-call-type=Telephony"),
                new AccountingAttribute.CiscoVsa(24, "h323-conf-id=" + r.connectionId().radiusForm()),
                new AccountingAttribute.CiscoVsa(33, "h323-gw-id=cme-fac"),
                new AccountingAttribute.CiscoVsa(1, "fac-digits=786"),
                new AccountingAttribute.CiscoVsa(1, "fac-status=success"),
                new AccountingAttribute.CiscoVsa(1, "in-lpcor-group=LocalUser"),
                new AccountingAttribute.CiscoVsa(1, "out-lpcor-group=AnalogPhone"))) {
            assertTrue(first.contains(want), "missing " + want + " in " + first);
        }
        List<AccountingAttribute> start = sink.start(r, 0);
        assertTrue(start.contains(new AccountingAttribute.Number(40, 1)), "Acct-Status-Type Start");
        assertTrue(start.stream().noneMatch(a -> a instanceof AccountingAttribute.CiscoVsa v && v.vendorType() == 29),
                "no disconnect time in a START");
        assertTrue(start.contains(new AccountingAttribute.CiscoVsa(1, "fac-digits=786")));
        RadiusSink unique = new RadiusSink(port, "cme-fac", false, clock);
        assertTrue(unique.stop(r, 0).contains(new AccountingAttribute.Text(44, r.recordId())),
                "aaa session-id unique: per-leg Acct-Session-Id");
    }
}
