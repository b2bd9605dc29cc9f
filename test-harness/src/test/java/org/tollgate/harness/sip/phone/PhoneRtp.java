package org.tollgate.harness.sip.phone;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.tollgate.dsp.dtmf.DtmfDetector;
import org.tollgate.dsp.dtmf.DtmfEvent;
import org.tollgate.dsp.g711.G711;
import org.tollgate.dsp.pcm.Pcm;
import org.tollgate.dsp.rtp.RtpPackets;
import org.tollgate.dsp.tone.Heard;
import org.tollgate.dsp.tone.ToneClassifier;

/**
 * The test phone's media: one UDP socket on 127.0.0.1 sending and receiving RTP with G.711
 * (PCMU payload type 0, PCMA 8) and RFC 4733 telephone-events (payload type {@value #TELEPHONE_EVENT_PT}).
 *
 * <p>Sending: while a tone is set ({@link #playTone}), one 20 ms frame of that sine (at
 * {@value #TONE_DBM0} dBm0) every 20 ms to the remote address from the peer's SDP; {@link #silence}
 * sends silent frames, {@link #stop} sends nothing. Receiving: every audio frame is decoded and kept
 * (the last {@value #KEEP_MS} ms) for {@link #level}/{@link #hears}, fed to a {@code dsp}
 * {@link ToneClassifier} ({@link #heard}) and to a {@link DtmfDetector}; RFC 4733 events are
 * collected too ({@link #digitsHeard}: in-band and RFC 4733 digits in order of arrival).
 *
 * <p>Pacing uses a real 20 ms timer: this is I/O for the peer, not logic under test; tests wait for
 * what is heard with a ceiling, never for a time.
 */
public final class PhoneRtp implements AutoCloseable {
    /** The telephone-event payload type the phone offers. */
    public static final int TELEPHONE_EVENT_PT = 101;
    /** Level of the phone's test tones. */
    public static final double TONE_DBM0 = -10;
    /** How much received audio is kept for {@link #level}. */
    public static final int KEEP_MS = 400;

    /** Frames with audio (20 ms each, not silent) {@link #level} needs in its window: 10 (200 ms). */
    public static final int MIN_AUDIO_FRAMES = 10;

    private static final int KEEP = KEEP_MS * 8;

    private final DatagramSocket socket;
    private final long ssrc = System.nanoTime() & 0xFFFF_FFFFL;
    private final ScheduledExecutorService pacer;
    private final Thread receiver;
    private volatile InetSocketAddress remote;
    private volatile int payloadType;
    /** Hz of the tone being sent; 0 silence; negative: nothing is sent. */
    private volatile double toneHz = -1;
    private int seq;
    private long ts;
    private double phase;
    private boolean marker = true;
    // received side, guarded by this
    private final short[] ring = new short[KEEP];
    private int ringPos;
    private int ringFilled;
    private final ToneClassifier classifier = new ToneClassifier();
    private Heard heard = Heard.UNKNOWN;
    private final DtmfDetector detector = new DtmfDetector();
    private final StringBuilder digits = new StringBuilder();
    private long lastEventTs = -1;
    private final AtomicLong packetsReceived = new AtomicLong();
    private final AtomicLong packetsSent = new AtomicLong();

    /** Opens the socket on 127.0.0.1 (ephemeral port) and starts the receiver and pacer. */
    public PhoneRtp(String name) throws SocketException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        pacer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name(name + "-rtp-tx").factory());
        pacer.scheduleAtFixedRate(this::sendFrame, 20, 20, TimeUnit.MILLISECONDS);
        receiver = Thread.ofPlatform().daemon().name(name + "-rtp-rx").start(this::receive);
    }

    /** The local RTP port (for SDP). */
    public int localPort() {
        return socket.getLocalPort();
    }

    /** Where RTP goes (the gateway's address from its SDP) and which G.711 payload type (0 or 8). */
    public void remote(InetSocketAddress address, int g711PayloadType) {
        this.remote = address;
        this.payloadType = g711PayloadType;
    }

    /** Sends a sine of {@code hz} from now on. */
    public void playTone(double hz) {
        toneHz = hz;
    }

    /** Sends silent frames from now on. */
    public void silence() {
        toneHz = 0;
    }

    /** Sends nothing from now on. */
    public void stop() {
        toneHz = -1;
    }

    public long packetsReceived() {
        return packetsReceived.get();
    }

    public long packetsSent() {
        return packetsSent.get();
    }

    /** Forgets what was heard so far (audio, verdict and digits). */
    public synchronized void clearHeard() {
        ringFilled = 0;
        ringPos = 0;
        heard = Heard.UNKNOWN;
        digits.setLength(0);
    }

    /** What the {@code dsp} tone classifier makes of the received audio. */
    public synchronized Heard heard() {
        return heard;
    }

    /** Digits heard in band or as RFC 4733 events since the last {@link #clearHeard}. */
    public synchronized String digitsHeard() {
        return digits.toString();
    }

    /**
     * The share of the last {@value #KEEP_MS} ms of received audio power that lies at {@code hz}
     * (0..1), measured per 20 ms frame and summed over the frames: Goertzel energy at {@code hz} in
     * each frame over the frame's energy, silent frames (below -40 dBm0: gaps where nothing was mixed
     * or relayed, e.g. a conference tick or an RTP pacer held up by a loaded machine) left out. Per
     * frame, so a tone missing from some frames (a party's frame late for one mix) lowers its share
     * only in proportion, not quadratically as one coherent sum over the window would (the phase
     * is not continuous across such a hole). 0 when fewer than {@value #MIN_AUDIO_FRAMES} frames
     * with audio are in the window. The phones' test tones are whole multiples of 50 Hz, so each
     * lies on a bin of a 160-sample frame and the tones do not leak into each other.
     */
    public synchronized double level(double hz) {
        if (ringFilled < KEEP) {
            return 0;
        }
        double coef = 2 * Math.cos(2 * Math.PI * hz / Pcm.SAMPLE_RATE);
        double silent = Pcm.sinePower(-40);
        int n = Pcm.FRAME_SAMPLES;
        double tone = 0;
        double total = 0;
        int frames = 0;
        for (int f = 0; f + n <= KEEP; f += n) {
            double s1 = 0;
            double s2 = 0;
            double energy = 0;
            for (int i = 0; i < n; i++) {
                double x = ring[(ringPos + f + i) % KEEP];
                energy += x * x;
                double s = x + coef * s1 - s2;
                s2 = s1;
                s1 = s;
            }
            if (energy / n < silent) {
                continue;
            }
            frames++;
            double mag2 = s1 * s1 + s2 * s2 - coef * s1 * s2;
            tone += 2 * mag2 / n; // the energy of a sine at hz in this frame
            total += energy;
        }
        if (frames < MIN_AUDIO_FRAMES) {
            return 0;
        }
        return Math.min(1, tone / total);
    }

    /** True when most of what arrives lately is a tone of {@code hz}. */
    public boolean hears(double hz) {
        return level(hz) > 0.5;
    }

    private void sendFrame() {
        double hz = toneHz;
        InetSocketAddress to = remote;
        if (hz < 0 || to == null) {
            return;
        }
        short[] pcm = new short[Pcm.FRAME_SAMPLES];
        if (hz > 0) {
            double peak = Pcm.sinePeak(TONE_DBM0);
            double step = 2 * Math.PI * hz / Pcm.SAMPLE_RATE;
            for (int i = 0; i < pcm.length; i++) {
                pcm[i] = (short) Math.round(peak * Math.sin(phase));
                phase += step;
            }
            phase %= 2 * Math.PI;
        }
        int pt = payloadType;
        byte[] payload = pt == 8 ? G711.encodeAlaw(pcm) : G711.encodeUlaw(pcm);
        byte[] packet = RtpPackets.build(pt, marker, seq++, ts, ssrc, payload, 0, payload.length);
        marker = false;
        ts += Pcm.FRAME_SAMPLES;
        try {
            socket.send(new DatagramPacket(packet, packet.length, to));
            packetsSent.incrementAndGet();
        } catch (IOException e) {
            // closed or unreachable: the next frame tries again
        }
    }

    private void receive() {
        byte[] buf = new byte[2048];
        while (!socket.isClosed()) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
            } catch (IOException e) {
                return;
            }
            if (RtpPackets.parse(buf, p.getLength()) instanceof RtpPackets.Parsed.Rtp rtp) {
                packetsReceived.incrementAndGet();
                onPacket(buf, rtp.header());
            }
        }
    }

    private synchronized void onPacket(byte[] buf, RtpPackets.Header h) {
        int off = h.payloadOffset();
        int len = h.payloadLength();
        if (h.payloadType() == 0 || h.payloadType() == 8) {
            byte[] payload = java.util.Arrays.copyOfRange(buf, off, off + len);
            short[] pcm = h.payloadType() == 0 ? G711.decodeUlaw(payload) : G711.decodeAlaw(payload);
            for (short s : pcm) {
                ring[ringPos] = s;
                ringPos = (ringPos + 1) % KEEP;
            }
            ringFilled = Math.min(KEEP, ringFilled + pcm.length);
            heard = classifier.feed(pcm);
            for (DtmfEvent ev : detector.process(pcm)) {
                if (ev instanceof DtmfEvent.DigitStarted started) {
                    digits.append(started.digit().symbol());
                }
            }
        } else if (h.payloadType() == TELEPHONE_EVENT_PT && len >= 4) {
            if (h.timestamp() != lastEventTs) {
                lastEventTs = h.timestamp();
                int event = buf[off] & 0xFF;
                if (event < 16) {
                    digits.append("0123456789*#ABCD".charAt(event));
                }
            }
        }
    }

    @Override public void close() {
        pacer.shutdownNow();
        socket.close();
        try {
            receiver.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
