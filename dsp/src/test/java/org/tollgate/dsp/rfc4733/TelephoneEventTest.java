package org.tollgate.dsp.rfc4733;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.dsp.dtmf.DtmfDigit;
import org.tollgate.dsp.rtp.RtpPackets;

class TelephoneEventTest {
    @Test
    @DisplayName("RFC 4733 2.3: payload encodes and decodes event, E bit, volume and duration")
    void payloadRoundTrip() {
        qt().forAll(integers().between(0, 255), integers().between(0, 63), integers().between(0, 65535), integers().between(0, 1))
                .checkAssert((ev, vol, dur, e) -> {
                    TelephoneEvent t = new TelephoneEvent(ev, e == 1, vol, dur);
                    byte[] b = new byte[4];
                    t.encode(b, 0);
                    assertEquals(t, assertInstanceOf(TelephoneEvent.Decoded.Ok.class, TelephoneEvent.decode(b, 0, 4)).event());
                });
        assertInstanceOf(TelephoneEvent.Decoded.Malformed.class, TelephoneEvent.decode(new byte[3], 0, 3));
    }

    @Test
    @DisplayName("RFC 4733 packets built with libjitsi's DtmfRawPacket parse back (marker, timestamp, payload)")
    void libjitsiPacket() {
        byte[] pkt = RtpPackets.buildTelephoneEvent(101, true, 42, 123456L, 0xCAFEL, new TelephoneEvent(11, true, 10, 800));
        RtpPackets.Header h = assertInstanceOf(RtpPackets.Parsed.Rtp.class, RtpPackets.parse(pkt, pkt.length)).header();
        assertEquals(101, h.payloadType());
        assertTrue(h.marker());
        assertEquals(42, h.sequence());
        assertEquals(123456L, h.timestamp());
        assertEquals(0xCAFEL, h.ssrc());
        assertEquals(new TelephoneEvent(11, true, 10, 800),
                ((TelephoneEvent.Decoded.Ok) TelephoneEvent.decode(pkt, h.payloadOffset(), h.payloadLength())).event());
    }

    @Test
    @DisplayName("RFC 4733 2.5.1: the sender plans a marked start, 50 ms updates and three identical end packets")
    void senderPlan() {
        List<TelephoneEventSender.Planned> plan = new TelephoneEventSender().plan(DtmfDigit.D7, 160);
        assertTrue(plan.get(0).marker());
        assertEquals(List.of(0L, 50L, 100L, 150L, 160L, 180L, 200L), plan.stream().map(TelephoneEventSender.Planned::atMs).toList());
        assertEquals(3, plan.stream().filter(p -> p.payload().end()).count());
        assertTrue(plan.stream().filter(p -> p.payload().end()).allMatch(p -> p.payload().duration() == 1280));
        assertTrue(plan.stream().allMatch(p -> p.payload().event() == 7));
    }

    @Test
    @DisplayName("RFC 4733 2.5.2: duplicated, reordered and partly lost packets still give one start and one end per digit")
    void receiverDeduplicates() {
        qt().forAll(longs().between(0, 0xFFFFFFFFL), integers().between(0, 1_000_000)).checkAssert((ts0, seed) -> {
            Random r = new Random(seed);
            TelephoneEventSender sender = new TelephoneEventSender();
            List<long[]> wire = new ArrayList<>();
            List<TelephoneEvent> events = new ArrayList<>();
            String digits = "19#A";
            for (int d = 0; d < digits.length(); d++) {
                long ts = (ts0 + d * 4000L) & 0xFFFFFFFFL;
                List<TelephoneEventSender.Planned> plan = sender.plan(DtmfDigit.ofSymbol(digits.charAt(d)).orElseThrow(), 100);
                List<TelephoneEvent> mine = new ArrayList<>();
                for (TelephoneEventSender.Planned p : plan) {
                    // drop some non-final packets, duplicate others
                    if (!p.payload().end() && p.atMs() > 0 && r.nextInt(4) == 0) {
                        continue;
                    }
                    mine.add(p.payload());
                    if (r.nextInt(3) == 0) {
                        mine.add(p.payload());
                    }
                }
                // local reordering within a digit's packets
                if (mine.size() > 2 && r.nextBoolean()) {
                    Collections.swap(mine, 1, 2);
                }
                for (TelephoneEvent e : mine) {
                    wire.add(new long[] {ts});
                    events.add(e);
                }
            }
            TelephoneEventReceiver rx = new TelephoneEventReceiver();
            StringBuilder starts = new StringBuilder();
            StringBuilder ends = new StringBuilder();
            for (int i = 0; i < wire.size(); i++) {
                for (TelephoneEventReceiver.Relayed rel : rx.onEvent(wire.get(i)[0], events.get(i))) {
                    (rel instanceof TelephoneEventReceiver.Relayed.Started ? starts : ends).append(rel.digit());
                }
            }
            assertEquals(digits, starts.toString());
            assertEquals(digits, ends.toString());
        });
    }

    @Test
    @DisplayName("RFC 4733: when every end packet is lost, the next digit ends the previous one")
    void lostEndPackets() {
        TelephoneEventReceiver rx = new TelephoneEventReceiver();
        assertEquals(1, rx.onEvent(1000, new TelephoneEvent(1, false, 10, 0)).size());
        assertEquals(0, rx.onEvent(1000, new TelephoneEvent(1, false, 10, 400)).size());
        List<TelephoneEventReceiver.Relayed> next = rx.onEvent(5000, new TelephoneEvent(2, false, 10, 0));
        assertEquals(List.of(new TelephoneEventReceiver.Relayed.Ended(DtmfDigit.D1, 1000, 50),
                new TelephoneEventReceiver.Relayed.Started(DtmfDigit.D2, 5000)), next);
        assertEquals(List.of(), rx.onEvent(5000, new TelephoneEvent(200, false, 10, 0)));
    }
}
