package org.tollgate.dsp.rtcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RtcpPacketsTest {
    @Test
    @DisplayName("RFC 3550 6.4.1: sender reports with a report block round-trip through build and parse")
    void senderReportRoundTrip() {
        qt().forAll(longs().between(0, 0xFFFFFFFFL), longs().all(), integers().between(-0x800000, 0x7FFFFF), integers().between(0, 255))
                .checkAssert((ssrc, ntp, lost, frac) -> {
                    ReportBlock rb = new ReportBlock(ssrc ^ 1, frac, lost, 70000, 123, 0xABCDEF01L, 65536);
                    RtcpReport.SenderReport sr = new RtcpReport.SenderReport(ssrc, ntp, 0xFFFFFFF0L, 50, 8000, List.of(rb));
                    byte[] pkt = RtcpPackets.senderReport(sr, "tollgate@example");
                    assertEquals(0, pkt.length % 4);
                    assertEquals(sr, assertInstanceOf(RtcpPackets.Parsed.Report.class, RtcpPackets.parse(pkt, pkt.length)).report());
                });
    }

    @Test
    @DisplayName("RFC 3550 6.4.2: receiver reports round-trip; garbage is an Invalid result")
    void receiverReportAndGarbage() {
        RtcpReport.ReceiverReport rr = new RtcpReport.ReceiverReport(5, List.of());
        byte[] pkt = RtcpPackets.receiverReport(rr, "x");
        assertEquals(rr, assertInstanceOf(RtcpPackets.Parsed.Report.class, RtcpPackets.parse(pkt, pkt.length)).report());
        assertInstanceOf(RtcpPackets.Parsed.Invalid.class, RtcpPackets.parse(new byte[] {1, 2, 3}, 3));
        pkt[3] = 99;
        assertInstanceOf(RtcpPackets.Parsed.Invalid.class, RtcpPackets.parse(pkt, pkt.length));
    }

    @Test
    @DisplayName("RFC 3550 A.3/A.8: reception statistics count losses, fraction lost and sequence wrap")
    void receptionStats() {
        ReceptionStats s = new ReceptionStats();
        for (int i = 0; i < 100; i++) {
            int seq = (65500 + i) & 0xFFFF;
            if (i % 4 == 0) {
                continue;
            }
            s.onPacket(9, seq, i * 160L, 5000 + i * 160L); // constant transit: no jitter
        }
        ReportBlock rb = s.report(0);
        assertEquals(24, rb.cumulativeLost());
        assertEquals((24 << 8) / 99, rb.fractionLost());
        assertEquals(65536 + (65500 + 99 - 65536), rb.extendedHighestSeq());
        assertEquals(0, rb.jitter());
    }
}
