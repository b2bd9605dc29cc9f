package org.tollgate.dsp.rtp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tollgate.dsp.dtmf.DtmfDigit;
import org.tollgate.dsp.pcm.Pcm;
import org.tollgate.dsp.pcm.PcmSource;
import org.tollgate.dsp.rfc4733.TelephoneEventReceiver;
import org.tollgate.dsp.rfc4733.TelephoneEventSender;
import org.tollgate.dsp.rtcp.RtcpPackets;
import org.tollgate.dsp.rtcp.RtcpReport;
import org.tollgate.dsp.rtcp.ReceptionStats;

/**
 * One RTP session leg: an RTP socket on an even port and RTCP on the next one, paced 20 ms audio out,
 * jitter-buffered audio and de-duplicated RFC 4733 digits in, RTCP SR/RR every
 * {@link RtpEngine.Settings#rtcpInterval()}, and {@link StreamCounters}.
 *
 * <p>Lifecycle: {@link RtpEngine#open} → ({@link #setRemote}, {@link #setSink}, {@link #play},
 * {@link #sendDigit})* → {@link #close()}. Sending starts once a remote address is known (signalled or
 * latched). All methods are thread-safe.
 *
 * <p>Each 20 ms tick (run by the engine's pacer in this stream's slot, fixed rate, so no drift): send the next frame of the
 * playing {@link PcmSource} (or silence, or the due RFC 4733 packets while a digit is being sent), hand
 * the next jitter-buffer frame to the {@link MediaSink}, and send RTCP when due. The RTP timestamp
 * advances by 160 every tick whether or not a packet is sent (RFC 3550 section 5.1).
 */
public final class RtpStream implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RtpStream.class);
    /** Guards the relay wiring between streams (rare: call setup, transfers, conferences). */
    private static final Object RELAYS = new Object();

    private final RtpEngine engine;
    private final StreamOptions options;
    private final DatagramChannel rtp;
    private final DatagramChannel rtcp;
    private final long ssrc = ThreadLocalRandom.current().nextLong(1, 0xFFFF_FFFFL);
    private final JitterBuffer jitter;
    private final ReceptionStats stats = new ReceptionStats();
    private final TelephoneEventReceiver digitsIn = new TelephoneEventReceiver();
    private final TelephoneEventSender digitsOut = new TelephoneEventSender();
    private final int slot;

    private volatile InetSocketAddress remote;
    private volatile InetSocketAddress remoteRtcp;
    private volatile boolean latched;
    private volatile MediaSink sink = MediaSink.NONE;
    private volatile RtpStream forwardTo;
    /** The stream relaying into this one, if any (guarded by {@link #RELAYS} for writes). */
    private volatile RtpStream relayFrom;
    /** The audio payload format sent and decoded; starts as the options' codec, follows the SDP answer. */
    private volatile Codec codec;
    private volatile RtcpReport lastRemoteReport;
    private volatile boolean closed;

    // touched by the pacing task only (or under this)
    private PcmSource source;
    private final ArrayDeque<PendingEvent> pendingEvents = new ArrayDeque<>();
    private int seq = ThreadLocalRandom.current().nextInt(0x10000);
    private long timestamp = ThreadLocalRandom.current().nextLong(0x1_0000_0000L);
    private long ticks;
    private long nextRtcpNanos;
    private long sentAtLastRtcp;
    private final short[] frame = new short[Pcm.FRAME_SAMPLES];
    private final short[] playout = new short[Pcm.FRAME_SAMPLES];
    private final byte[] payload = new byte[Pcm.FRAME_SAMPLES];

    private final AtomicLong packetsSent = new AtomicLong();
    private final AtomicLong octetsSent = new AtomicLong();
    private final AtomicLong packetsReceived = new AtomicLong();
    private final AtomicLong octetsReceived = new AtomicLong();
    private final AtomicLong rtcpSent = new AtomicLong();
    private final AtomicLong rtcpReceived = new AtomicLong();
    private final AtomicLong discarded = new AtomicLong();

    private record PendingEvent(long dueTick, boolean marker, long eventTimestamp,
                                org.tollgate.dsp.rfc4733.TelephoneEvent event) {}

    RtpStream(RtpEngine engine, StreamOptions options, DatagramChannel rtp, DatagramChannel rtcp, int slot) {
        this.engine = engine;
        this.options = options;
        this.rtp = rtp;
        this.rtcp = rtcp;
        this.jitter = new JitterBuffer(engine.settings().jitterDepthFrames());
        this.codec = options.codec();
        if (options.remote() != null) {
            setRemote(options.remote());
        }
        this.slot = slot;
        this.nextRtcpNanos = engine.scheduler().nanoTime() + engine.settings().rtcpInterval().toNanos();
    }

    /** The engine's pacing slot (0..19, the millisecond within each 20 ms period) this stream ticks in. */
    int slot() {
        return slot;
    }

    /** The local RTP address (RTCP is on the next port). */
    public InetSocketAddress localAddress() {
        try {
            return (InetSocketAddress) rtp.getLocalAddress();
        } catch (IOException e) {
            throw new IllegalStateException("stream closed", e);
        }
    }

    /** The local RTP port. */
    public int localPort() {
        return localAddress().getPort();
    }

    /** This stream's SSRC. */
    public long ssrc() {
        return ssrc;
    }

    /**
     * Sets the peer's RTP address from signalling (SDP); RTCP goes to the next port. With symmetric RTP
     * off the address is final, so the RTP socket is connected to it: the kernel then drops packets from
     * anyone else and each send is cheaper. (A latched address is not connected: connecting makes the
     * JDK discard datagrams already queued, which would lose the first frames after the latch.)
     */
    public void setRemote(InetSocketAddress rtpAddress) {
        this.remote = rtpAddress;
        this.remoteRtcp = new InetSocketAddress(rtpAddress.getAddress(), rtpAddress.getPort() + 1);
        if (!options.symmetric()) {
            connect(rtpAddress);
        }
    }

    private synchronized void connect(InetSocketAddress to) {
        try {
            if (rtp.isConnected()) {
                rtp.disconnect();
            }
            rtp.connect(to);
        } catch (IOException e) {
            LOG.debug("RTP stream {} cannot connect to {}: {}", localPort(), to, e.toString());
        }
    }

    /** The peer's RTP address, once signalled or latched. */
    public Optional<InetSocketAddress> remote() {
        return Optional.ofNullable(remote);
    }

    /** Where received audio and digits go. */
    public void setSink(MediaSink sink) {
        this.sink = sink == null ? MediaSink.NONE : sink;
    }

    /** Starts sending {@code src} (replacing what was playing); when it ends the stream sends silence. */
    public synchronized void play(PcmSource src) {
        this.source = src;
    }

    /** Stops what is playing. */
    public synchronized void stopPlaying() {
        this.source = null;
    }

    /** True while a source is playing. */
    public synchronized boolean isPlaying() {
        return source != null;
    }

    /** Sends {@code digit} as RFC 4733 telephone-events lasting {@code durationMs}, starting at the next tick. */
    public synchronized void sendDigit(DtmfDigit digit, int durationMs) {
        long startTick = Math.max(ticks, pendingEvents.isEmpty() ? ticks : pendingEvents.getLast().dueTick + 3);
        long eventTs = (timestamp + (startTick - ticks) * Pcm.FRAME_SAMPLES) & 0xFFFF_FFFFL;
        for (TelephoneEventSender.Planned p : digitsOut.plan(digit, durationMs)) {
            pendingEvents.add(new PendingEvent(startTick + p.atMs() / 20, p.marker(), eventTs, p.payload()));
        }
    }

    /**
     * Switches the audio payload format sent and decoded (the codec of the SDP answer, RFC 3264
     * section 6.1, when it differs from the one the stream was opened with). Packets of the other
     * G.711 law are discarded afterwards.
     */
    public void useCodec(Codec newCodec) {
        this.codec = java.util.Objects.requireNonNull(newCodec, "codec");
    }

    /** The audio payload format sent and decoded now. */
    public Codec codec() {
        return codec;
    }

    /** Counters now. */
    public StreamCounters counters() {
        return new StreamCounters(packetsSent.get(), octetsSent.get(), packetsReceived.get(), octetsReceived.get(),
                stats.cumulativeLost(), stats.jitter() / 8.0, rtcpSent.get(), rtcpReceived.get(), discarded.get());
    }

    /** The last SR or RR received from the peer, if any. */
    public Optional<RtcpReport> lastRemoteReport() {
        return Optional.ofNullable(lastRemoteReport);
    }

    /**
     * Relays every RTP packet received here (same SSRC, sequence and timestamp; G.711 transcoded and
     * payload types rewritten when the two streams differ, see {@code adaptForRelay}) out of
     * {@code other} to its peer; while relaying this stream sends no audio of its own and delivers nothing
     * to its sink. {@code null} stops relaying. Used by {@link org.tollgate.dsp.relay.MediaRelay}.
     *
     * <p>A stream relays to at most one stream and is relayed into by at most one: a stream that
     * was relaying into {@code other} before stops (it decodes into its sink again), so a peer's
     * packets never leave {@code other}'s socket interleaved with another source.
     */
    public void relayTo(RtpStream other) {
        if (other == this) {
            throw new IllegalArgumentException("a stream cannot relay to itself");
        }
        synchronized (RELAYS) {
            RtpStream old = forwardTo;
            if (old != null && old.relayFrom == this) {
                old.relayFrom = null;
            }
            if (other != null) {
                RtpStream previous = other.relayFrom;
                if (previous != null && previous != this && previous.forwardTo == other) {
                    previous.forwardTo = null;
                }
                other.relayFrom = this;
            }
            forwardTo = other;
        }
    }

    /**
     * Ends packet relay in both directions: this stream stops relaying out, and the stream relaying
     * into this one (if any) stops too. Afterwards this stream decodes what it receives into its
     * {@link MediaSink} (through the jitter buffer) and sends its own {@link #play playing} source,
     * as a party of an in-gateway mix (a conference) or a leg bridged to in-gateway audio does.
     */
    public void stopRelays() {
        synchronized (RELAYS) {
            relayTo(null);
            RtpStream from = relayFrom;
            if (from != null && from.forwardTo == this) {
                from.forwardTo = null;
            }
            relayFrom = null;
        }
    }

    /** True while this stream relays its received packets to another stream. */
    public boolean isRelaying() {
        return forwardTo != null;
    }

    /** One 20 ms tick, due at {@code intendedNanos} on the engine's scheduler clock. */
    void tick(long intendedNanos) {
        if (closed) {
            return;
        }
        long now = engine.scheduler().nanoTime();
        synchronized (this) {
            engine.lateness().record(now - intendedNanos);
            transmit();
            ticks++;
            timestamp = (timestamp + Pcm.FRAME_SAMPLES) & 0xFFFF_FFFFL;
        }
        receiveTick();
        if (now >= nextRtcpNanos) {
            nextRtcpNanos += engine.settings().rtcpInterval().toNanos();
            sendRtcp(now);
        }
    }

    /** A tick the engine dropped: nothing is sent or played, but media time advances. */
    synchronized void skipTick() {
        ticks++;
        timestamp = (timestamp + Pcm.FRAME_SAMPLES) & 0xFFFF_FFFFL;
        if (source != null) {
            short[] discard = new short[Pcm.FRAME_SAMPLES];
            if (source.read(discard, 0, discard.length) < 0) {
                source = null;
            }
        }
    }

    private void transmit() {
        InetSocketAddress to = remote;
        if (to == null) {
            return;
        }
        if (forwardTo != null && pendingEvents.isEmpty()) {
            return; // bridged by relay: the other stream's packets leave through this one's peer stream
        }
        if (!pendingEvents.isEmpty()) {
            // RFC 4733 events of this stream (sendDigit) go out even while it relays: a separate SSRC
            // next to the relayed one (RFC 3550 allows several sources in a session)
            while (!pendingEvents.isEmpty() && pendingEvents.peek().dueTick <= ticks) {
                PendingEvent p = pendingEvents.poll();
                byte[] pkt = RtpPackets.buildTelephoneEvent(options.telephoneEventPayloadType(), p.marker,
                        nextSeq(), p.eventTimestamp, ssrc, p.event);
                send(pkt, pkt.length, 4, to);
            }
            return;
        }
        int n = 0;
        if (source != null) {
            while (n < frame.length) {
                int r = source.read(frame, n, frame.length - n);
                if (r < 0) {
                    source = null;
                    break;
                }
                n += r;
            }
        }
        if (n == 0 && !options.sendSilence()) {
            return;
        }
        Arrays.fill(frame, n, frame.length, (short) 0);
        Codec c = codec;
        c.encode(frame, 0, payload, frame.length);
        byte[] pkt = RtpPackets.build(c.payloadType(), false, nextSeq(), timestamp, ssrc,
                payload, 0, payload.length);
        send(pkt, pkt.length, payload.length, to);
    }

    private int nextSeq() {
        int s = seq;
        seq = (seq + 1) & 0xFFFF;
        return s;
    }

    private void send(byte[] pkt, int len, int payloadLen, InetSocketAddress to) {
        try {
            if (rtp.send(ByteBuffer.wrap(pkt, 0, len), to) > 0) {
                packetsSent.incrementAndGet();
                octetsSent.addAndGet(payloadLen);
            } else {
                discarded.incrementAndGet();
            }
        } catch (IOException | java.nio.channels.AlreadyConnectedException | IllegalArgumentException e) {
            // I/O error, ICMP port unreachable, or the remote changed between reading it and sending
            discarded.incrementAndGet();
            LOG.debug("RTP send to {} failed: {}", to, e.toString());
        }
    }

    /**
     * Makes a packet received here fit the stream it is relayed out of, in place: G.711 audio in this
     * stream's law when the other stream uses the other law is transcoded (μ-law ↔ A-law, same
     * length and timing) and gets the other payload type; telephone-events get the other stream's
     * telephone-event payload type when the two differ (each leg negotiated its own, RFC 4733
     * section 7). Everything else (SSRC, sequence, timestamp, marker) is kept.
     */
    private void adaptForRelay(byte[] buf, RtpPackets.Header h, RtpStream fwd) {
        int pt = h.payloadType();
        Codec mine = codec;
        Codec theirs = fwd.codec;
        if (pt == mine.payloadType() && theirs != mine) {
            if (mine == Codec.PCMU) {
                org.tollgate.dsp.g711.G711.ulawToAlawInPlace(buf, h.payloadOffset(), h.payloadLength());
            } else {
                org.tollgate.dsp.g711.G711.alawToUlawInPlace(buf, h.payloadOffset(), h.payloadLength());
            }
            setPayloadType(buf, theirs.payloadType());
        } else if (pt == options.telephoneEventPayloadType()
                && fwd.options.telephoneEventPayloadType() != pt) {
            setPayloadType(buf, fwd.options.telephoneEventPayloadType());
        }
    }

    private static void setPayloadType(byte[] buf, int pt) {
        buf[1] = (byte) ((buf[1] & 0x80) | (pt & 0x7F));
    }

    /** Sends a relayed packet unchanged to this stream's peer. */
    private void relayOut(byte[] pkt, int len, int payloadLen) {
        InetSocketAddress to = remote;
        if (to != null) {
            send(pkt, len, payloadLen, to);
        }
    }

    private void receiveTick() {
        if (forwardTo != null || !jitter.isPlaying()) {
            return;
        }
        byte[] f = jitter.poll();
        if (f == null) {
            Arrays.fill(playout, (short) 0);
        } else {
            codec.decode(f, 0, playout, Math.min(f.length, playout.length));
            if (f.length < playout.length) {
                Arrays.fill(playout, f.length, playout.length, (short) 0);
            }
        }
        sink.onAudio(playout);
    }

    private void sendRtcp(long now) {
        InetSocketAddress to = remoteRtcp;
        if (to == null) {
            return;
        }
        java.util.List<org.tollgate.dsp.rtcp.ReportBlock> blocks =
                stats.hasSource() ? java.util.List.of(stats.report(now)) : java.util.List.of();
        long sent = packetsSent.get();
        byte[] pkt;
        if (sent > sentAtLastRtcp) {
            long ms = engine.wallClock().millis();
            long ntp = ((ms / 1000 + 2_208_988_800L) << 32) | (((ms % 1000) << 32) / 1000);
            long ts;
            synchronized (this) {
                ts = timestamp;
            }
            pkt = RtcpPackets.senderReport(new RtcpReport.SenderReport(ssrc, ntp, ts, sent, octetsSent.get(), blocks),
                    engine.settings().cname());
        } else {
            pkt = RtcpPackets.receiverReport(new RtcpReport.ReceiverReport(ssrc, blocks), engine.settings().cname());
        }
        sentAtLastRtcp = sent;
        try {
            rtcp.send(ByteBuffer.wrap(pkt), to);
            rtcpSent.incrementAndGet();
        } catch (IOException e) {
            LOG.debug("RTCP send to {} failed: {}", to, e.toString());
        }
    }

    /** Called by the engine's receive thread for each RTP datagram. */
    void onRtp(byte[] buf, int len, InetSocketAddress from) {
        if (!(RtpPackets.parse(buf, len) instanceof RtpPackets.Parsed.Rtp(RtpPackets.Header h))) {
            discarded.incrementAndGet();
            return;
        }
        if (options.symmetric() && !latched) {
            latched = true;
            if (!from.equals(remote)) {
                LOG.debug("RTP stream {} latched to {}", localPort(), from);
                setRemote(from);
            }
        } else if (latched && !from.equals(remote)) {
            discarded.incrementAndGet();
            return;
        }
        stats.onPacket(h.ssrc(), h.sequence(), h.timestamp(), engine.scheduler().nanoTime() * 8 / 1_000_000);
        RtpStream fwd = forwardTo;
        if (fwd != null) {
            adaptForRelay(buf, h, fwd);
            fwd.relayOut(buf, len, h.payloadLength());
        } else if (h.payloadType() == options.telephoneEventPayloadType()) {
            for (TelephoneEventReceiver.Relayed d : digitsIn.onPacket(h.timestamp(), buf, h.payloadOffset(), h.payloadLength())) {
                sink.onDigit(d);
            }
        } else if (h.payloadType() == codec.payloadType()) {
            jitter.offer(h.sequence(), Arrays.copyOfRange(buf, h.payloadOffset(), h.payloadOffset() + h.payloadLength()));
        } else {
            discarded.incrementAndGet();
            return;
        }
        // counted once handled, so a reader that sees the count also sees the packet's effects
        octetsReceived.addAndGet(h.payloadLength());
        packetsReceived.incrementAndGet();
    }

    /** Called by the engine's receive thread for each RTCP datagram. */
    void onRtcp(byte[] buf, int len, InetSocketAddress from) {
        switch (RtcpPackets.parse(buf, len)) {
            case RtcpPackets.Parsed.Invalid bad -> discarded.incrementAndGet();
            case RtcpPackets.Parsed.Report r -> {
                rtcpReceived.incrementAndGet();
                lastRemoteReport = r.report();
                if (options.symmetric()) {
                    remoteRtcp = from;
                }
                if (r.report() instanceof RtcpReport.SenderReport sr) {
                    stats.onSenderReport(sr.ntpMiddle(), engine.scheduler().nanoTime());
                }
            }
        }
    }

    DatagramChannel rtpChannel() {
        return rtp;
    }

    DatagramChannel rtcpChannel() {
        return rtcp;
    }

    /** Stops pacing and closes both sockets. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopRelays();
        engine.closed(this);
        try {
            rtp.close();
            rtcp.close();
        } catch (IOException e) {
            LOG.debug("closing RTP stream: {}", e.toString());
        }
    }
}
