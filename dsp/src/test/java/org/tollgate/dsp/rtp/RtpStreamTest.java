package org.tollgate.dsp.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tollgate.dsp.rtp.RtpTestSupport.await;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.dsp.dtmf.DtmfDigit;
import org.tollgate.dsp.dtmf.DtmfGenerator;
import org.tollgate.dsp.g711.G711;
import org.tollgate.dsp.pcm.Pcm;
import org.tollgate.dsp.pcm.PcmSource;
import org.tollgate.dsp.rfc4733.TelephoneEventReceiver;
import org.tollgate.dsp.rtcp.RtcpReport;
import org.tollgate.dsp.tone.CallProgressTone;
import org.tollgate.dsp.tone.Heard;
import org.tollgate.dsp.tone.ToneClassifier;
import org.tollgate.dsp.tone.ToneGenerator;

class RtpStreamTest {

    private static RtpStream[] pair(RtpTestSupport t) throws Exception {
        RtpStream a = t.engine.open(StreamOptions.defaults());
        RtpStream b = t.engine.open(StreamOptions.defaults().withRemote(a.localAddress()));
        a.setRemote(b.localAddress());
        return new RtpStream[] {a, b};
    }

    @Test
    @DisplayName("RTP: a played PCM source arrives as G.711 audio at the peer; packet and octet counters match both ways")
    void audioAndCounters() throws Exception {
        try (RtpTestSupport t = new RtpTestSupport()) {
            RtpStream[] s = pair(t);
            RtpTestSupport.RecordingSink sink = new RtpTestSupport.RecordingSink();
            s[1].setSink(sink);
            s[1].stopPlaying();
            s[0].play(new ToneGenerator(CallProgressTone.DIAL));
            t.tick(60, List.of(s[0], s[1]), List.of(s[1], s[0]));
            StreamCounters a = s[0].counters();
            StreamCounters b = s[1].counters();
            assertEquals(60, a.packetsSent());
            assertEquals(60 * 160, a.octetsSent());
            assertEquals(a.packetsSent(), b.packetsReceived());
            assertEquals(a.octetsSent(), b.octetsReceived());
            assertEquals(b.packetsSent(), a.packetsReceived());
            assertEquals(0, b.packetsLost());
            assertTrue(sink.frames.size() >= 55, "frames " + sink.frames.size());
            assertEquals(Heard.DIAL_TONE, ToneClassifier.classify(sink.audio()));
        }
    }

    @Test
    @DisplayName("RTP pacing: one packet per 20 ms without drift, sequence +1 and timestamp +160 each, however the clock is advanced")
    void pacingWithoutDrift() throws Exception {
        try (RtpTestSupport t = new RtpTestSupport(); DatagramChannel peer = DatagramChannel.open()) {
            peer.setOption(java.net.StandardSocketOptions.SO_RCVBUF, 4 << 20);
            peer.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            peer.configureBlocking(false);
            RtpStream s = t.engine.open(StreamOptions.defaults().withRemote((InetSocketAddress) peer.getLocalAddress()));
            List<RtpPackets.Header> got = new ArrayList<>();
            ByteBuffer buf = ByteBuffer.allocate(2048);
            // irregular steps: 7 ms, 13 ms, 29 ms ... adding up to exactly 10 s
            long total = 0;
            int[] steps = {7, 13, 29, 1, 50};
            for (int i = 0; total < 10_000; i++) {
                long step = Math.min(steps[i % steps.length], 10_000 - total);
                t.clock.advance(Duration.ofMillis(step));
                total += step;
                long want = s.counters().packetsSent();
                RtpTestSupport.await(() -> {
                    try {
                        buf.clear();
                        if (peer.receive(buf) != null) {
                            buf.flip();
                            byte[] b = new byte[buf.remaining()];
                            buf.get(b);
                            got.add(assertInstanceOf(RtpPackets.Parsed.Rtp.class, RtpPackets.parse(b, b.length)).header());
                        }
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    return got.size() == want;
                }, "packets at the peer");
            }
            assertEquals(500, s.counters().packetsSent());
            assertEquals(500, got.size());
            for (int i = 1; i < got.size(); i++) {
                assertEquals((got.get(i - 1).sequence() + 1) & 0xFFFF, got.get(i).sequence());
                assertEquals((got.get(i - 1).timestamp() + 160) & 0xFFFFFFFFL, got.get(i).timestamp());
                assertEquals(s.ssrc(), got.get(i).ssrc());
                assertEquals(0, got.get(i).payloadType());
            }
            assertEquals(0.1, t.engine.lateness().percentileMs(0.99), 1e-9);
        }
    }

    @Test
    @DisplayName("RTP pacing after a stall: ticks more than 60 ms late are skipped (no burst), timestamps keep media time")
    void stallSkipsInsteadOfBursting() throws Exception {
        try (RtpTestSupport t = new RtpTestSupport(); DatagramChannel peer = DatagramChannel.open()) {
            peer.setOption(java.net.StandardSocketOptions.SO_RCVBUF, 1 << 20);
            peer.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            RtpStream s = t.engine.open(StreamOptions.defaults().withRemote((InetSocketAddress) peer.getLocalAddress()));
            t.clock.advance(Duration.ofMillis(100));
            assertEquals(5, s.counters().packetsSent());
            t.clock.stall(Duration.ofSeconds(1));
            long afterStall = s.counters().packetsSent();
            // of the 50 ticks that fell due during the stall only those at most 60 ms late are sent
            assertTrue(afterStall - 5 <= 3, "sent " + (afterStall - 5) + " late packets");
            assertTrue(t.engine.skippedTicks() >= 47, "skipped " + t.engine.skippedTicks());
            t.clock.advance(Duration.ofMillis(200));
            assertEquals(afterStall + 10, s.counters().packetsSent());
            // media time kept running: the last packet's timestamp is 65 ticks after the first
            peer.configureBlocking(false);
            ByteBuffer buf = ByteBuffer.allocate(2048);
            List<RtpPackets.Header> got = new ArrayList<>();
            RtpTestSupport.await(() -> {
                try {
                    buf.clear();
                    if (peer.receive(buf) != null) {
                        buf.flip();
                        byte[] b = new byte[buf.remaining()];
                        buf.get(b);
                        got.add(((RtpPackets.Parsed.Rtp) RtpPackets.parse(b, b.length)).header());
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return got.size() == s.counters().packetsSent();
            }, "all packets");
            long span = (got.get(got.size() - 1).timestamp() - got.get(0).timestamp()) & 0xFFFFFFFFL;
            assertEquals(64 * 160, span);
        }
    }

    @Test
    @DisplayName("Symmetric RTP: a stream without a remote latches to the first packet's source, then ignores other sources")
    void symmetricLatching() throws Exception {
        try (RtpTestSupport t = new RtpTestSupport(); DatagramChannel intruder = DatagramChannel.open()) {
            RtpStream b = t.engine.open(StreamOptions.defaults());
            RtpStream a = t.engine.open(StreamOptions.defaults().withRemote(b.localAddress()));
            assertTrue(b.remote().isEmpty());
            t.tick(3, List.of(a), List.of(b));
            assertEquals(a.localAddress().getPort(), b.remote().orElseThrow().getPort());
            t.tick(5, List.of(a, b), List.of(b, a));
            assertTrue(a.counters().packetsReceived() >= 4);
            byte[] pkt = RtpPackets.build(0, false, 1, 1, 1234, new byte[160], 0, 160);
            long before = b.counters().discarded();
            intruder.send(ByteBuffer.wrap(pkt), b.localAddress());
            await(() -> b.counters().discarded() > before, "intruder packet discarded");
        }
    }

    @Test
    @DisplayName("With symmetric RTP off the signalled peer is final: packets from any other source never arrive")
    void nonSymmetricStreamAcceptsOnlyItsPeer() throws Exception {
        try (RtpTestSupport t = new RtpTestSupport(); DatagramChannel intruder = DatagramChannel.open()) {
            StreamOptions fixed = new StreamOptions(Codec.PCMU, 101, false, true, null);
            RtpStream a = t.engine.open(fixed);
            RtpStream b = t.engine.open(fixed.withRemote(a.localAddress()));
            a.setRemote(b.localAddress());
            byte[] pkt = RtpPackets.build(0, false, 1, 1, 1234, new byte[160], 0, 160);
            intruder.send(ByteBuffer.wrap(pkt), b.localAddress());
            t.tick(5, List.of(a, b), List.of(b, a));
            assertEquals(a.counters().packetsSent(), b.counters().packetsReceived());
            assertEquals(0, b.counters().discarded());
            assertEquals(a.localAddress().getPort(), b.remote().orElseThrow().getPort());
        }
    }

    @Test
    @DisplayName("RFC 4733: a digit sent as telephone-events (3 end packets) is received as exactly one start and one end")
    void telephoneEventsEndToEnd() throws Exception {
        try (RtpTestSupport t = new RtpTestSupport()) {
            RtpStream[] s = pair(t);
            RtpTestSupport.RecordingSink sink = new RtpTestSupport.RecordingSink();
            s[1].setSink(sink);
            s[0].sendDigit(DtmfDigit.D5, 100);
            s[0].sendDigit(DtmfDigit.HASH, 60);
            t.tick(40, List.of(s[0]), List.of(s[1]));
            assertEquals(List.of(
                    TelephoneEventReceiver.Relayed.Started.class, TelephoneEventReceiver.Relayed.Ended.class,
                    TelephoneEventReceiver.Relayed.Started.class, TelephoneEventReceiver.Relayed.Ended.class),
                    sink.digits.stream().map(Object::getClass).toList());
            assertEquals(DtmfDigit.D5, sink.digits.get(0).digit());
            assertEquals(100, ((TelephoneEventReceiver.Relayed.Ended) sink.digits.get(1)).durationMs());
            assertEquals(DtmfDigit.HASH, sink.digits.get(3).digit());
        }
    }

    @Test
    @DisplayName("In-band DTMF played over PCMU RTP is found by the detector at the far end")
    void inbandDtmfOverRtp() throws Exception {
        try (RtpTestSupport t = new RtpTestSupport()) {
            RtpStream[] s = pair(t);
            RtpTestSupport.RecordingSink sink = new RtpTestSupport.RecordingSink();
            s[1].setSink(sink);
            s[0].play(PcmSource.of(DtmfGenerator.generate("4711#")));
            t.tick(60, List.of(s[0]), List.of(s[1]));
            org.tollgate.dsp.dtmf.DtmfDetector det = new org.tollgate.dsp.dtmf.DtmfDetector();
            StringBuilder sb = new StringBuilder();
            List<org.tollgate.dsp.dtmf.DtmfEvent> ev = new ArrayList<>(det.process(sink.audio()));
            ev.addAll(det.flush());
            ev.stream().filter(e -> e instanceof org.tollgate.dsp.dtmf.DtmfEvent.DigitStarted).forEach(e -> sb.append(e.digit()));
            assertEquals("4711#", sb.toString());
        }
    }

    @Test
    @DisplayName("RTCP: peers exchange sender reports every interval; the report carries the sent counts and a block on the peer's SSRC")
    void rtcpReports() throws Exception {
        try (RtpTestSupport t = new RtpTestSupport(Duration.ofSeconds(1))) {
            RtpStream[] s = pair(t);
            t.tick(55, List.of(s[0], s[1]), List.of(s[1], s[0]));
            await(() -> s[1].lastRemoteReport().isPresent() && s[0].lastRemoteReport().isPresent(), "RTCP");
            RtcpReport.SenderReport sr = assertInstanceOf(RtcpReport.SenderReport.class, s[1].lastRemoteReport().orElseThrow());
            assertEquals(s[0].ssrc(), sr.ssrc());
            assertTrue(sr.packetCount() >= 49 && sr.packetCount() <= 51, "count " + sr.packetCount());
            assertEquals(sr.packetCount() * 160, sr.octetCount());
            assertEquals(1, sr.blocks().size());
            assertEquals(s[1].ssrc(), sr.blocks().get(0).ssrc());
            assertEquals(0, sr.blocks().get(0).cumulativeLost());
            assertEquals(1, s[0].counters().rtcpSent());
        }
    }

    @Test
    @DisplayName("RTCP/RFC 3550 A.3: sequence gaps are counted as lost and reported in the receiver's report block")
    void lossIsCountedAndReported() throws Exception {
        try (RtpTestSupport t = new RtpTestSupport(Duration.ofSeconds(1))) {
            // the peer's RTP on an even port P and its RTCP on P + 1, where the stream will report
            DatagramChannel peer = null;
            DatagramChannel peerRtcp = null;
            for (int attempt = 0; peerRtcp == null; attempt++) {
                int p = 40_000 + 2 * java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000);
                DatagramChannel a = DatagramChannel.open();
                DatagramChannel b = DatagramChannel.open();
                try {
                    a.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), p));
                    b.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), p + 1));
                    peer = a;
                    peerRtcp = b;
                } catch (java.net.BindException e) {
                    a.close();
                    b.close();
                    assertTrue(attempt < 50, "no free port pair");
                }
            }
            try (DatagramChannel rtpPeer = peer; DatagramChannel rtcpPeer = peerRtcp) {
                int port = ((InetSocketAddress) rtpPeer.getLocalAddress()).getPort();
                RtpStream s = t.engine.open(StreamOptions.defaults().withSendSilence(false));
                int sent = 0;
                for (int seq = 100; seq < 200; seq++) {
                    if (seq % 10 == 3) {
                        continue;
                    }
                    byte[] pkt = RtpPackets.build(0, false, seq, seq * 160L, 777, new byte[160], 0, 160);
                    rtpPeer.send(ByteBuffer.wrap(pkt), s.localAddress());
                    sent++;
                }
                int expect = sent;
                await(() -> s.counters().packetsReceived() == expect, "packets");
                assertEquals(10, s.counters().packetsLost());
                assertEquals(port, s.remote().orElseThrow().getPort());
                // the next RTCP interval: a receiver report (nothing sent) with the loss in its block
                t.clock.advance(Duration.ofMillis(1100));
                ByteBuffer buf = ByteBuffer.allocate(2048);
                rtcpPeer.configureBlocking(false);
                await(() -> {
                    try {
                        return rtcpPeer.receive(buf) != null;
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }, "RTCP report");
                buf.flip();
                byte[] b = new byte[buf.remaining()];
                buf.get(b);
                RtcpReport.ReceiverReport rr = assertInstanceOf(RtcpReport.ReceiverReport.class,
                        assertInstanceOf(org.tollgate.dsp.rtcp.RtcpPackets.Parsed.Report.class,
                                org.tollgate.dsp.rtcp.RtcpPackets.parse(b, b.length)).report());
                assertEquals(s.ssrc(), rr.ssrc());
                assertEquals(777, rr.blocks().get(0).ssrc());
                assertEquals(10, rr.blocks().get(0).cumulativeLost());
                assertEquals((10 << 8) / 100, rr.blocks().get(0).fractionLost());
                assertEquals(199, rr.blocks().get(0).extendedHighestSeq());
            }
        }
    }

    @Test
    @DisplayName("Many streams share one receive thread and the scheduler's threads (no thread per stream)")
    void manyStreamsFewThreads() throws Exception {
        try (RtpTestSupport t = new RtpTestSupport()) {
            List<RtpStream> streams = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                streams.add(t.engine.open(StreamOptions.defaults()));
            }
            assertEquals(100, t.engine.streamCount());
            long rx = Thread.getAllStackTraces().keySet().stream().filter(th -> th.getName().startsWith("tollgate-rtp")).count();
            assertEquals(1, rx);
            streams.forEach(RtpStream::close);
            assertEquals(0, t.engine.streamCount());
        }
    }

    @Test
    @DisplayName("A-law streams carry audio too")
    void alaw() throws Exception {
        try (RtpTestSupport t = new RtpTestSupport()) {
            StreamOptions o = new StreamOptions(Codec.PCMA, 101, true, true, null);
            RtpStream a = t.engine.open(o);
            RtpStream b = t.engine.open(o.withRemote(a.localAddress()));
            a.setRemote(b.localAddress());
            RtpTestSupport.RecordingSink sink = new RtpTestSupport.RecordingSink();
            b.setSink(sink);
            a.play(new ToneGenerator(CallProgressTone.BUSY));
            t.tick(120, List.of(a), List.of(b));
            assertEquals(Heard.BUSY, ToneClassifier.classify(sink.audio()));
            assertEquals(8, G711.linearToAlaw((short) 0) == G711.ALAW_SILENCE ? 8 : -1);
            assertTrue(Pcm.meanPower(sink.audio()) > 0);
        }
    }
}
