package org.tollgate.dsp.rtp;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.tollgate.dsp.rfc4733.TelephoneEventReceiver;
import org.tollgate.dsp.sched.ManualMediaScheduler;

/** A loopback engine on a manual clock, and helpers to wait for datagrams crossing the real sockets. */
public final class RtpTestSupport implements AutoCloseable {
    public final ManualMediaScheduler clock = new ManualMediaScheduler();
    public final RtpEngine engine;

    public RtpTestSupport() throws IOException {
        this(Duration.ofSeconds(5));
    }

    public RtpTestSupport(Duration rtcpInterval) throws IOException {
        RtpEngine.Settings d = RtpEngine.Settings.defaults();
        engine = new RtpEngine(new RtpEngine.Settings(InetAddress.getLoopbackAddress(), d.minPort(), d.maxPort(),
                2, rtcpInterval, "test"), clock, Clock.systemUTC());
    }

    /** Two gateway legs on loopback, each with the phone stream it talks to (remotes wired both ways). */
    public record Legs(RtpStream legA, RtpStream legB, RtpStream phoneA, RtpStream phoneB) {
    }

    /** {@link Legs} with leg A and its phone on options {@code a}, leg B and its phone on {@code b}. */
    public Legs legsWithPhones(StreamOptions a, StreamOptions b) throws IOException {
        RtpStream legA = engine.open(a);
        RtpStream legB = engine.open(b);
        RtpStream phoneA = engine.open(a.withRemote(legA.localAddress()));
        RtpStream phoneB = engine.open(b.withRemote(legB.localAddress()));
        legA.setRemote(phoneA.localAddress());
        legB.setRemote(phoneB.localAddress());
        return new Legs(legA, legB, phoneA, phoneB);
    }

    /** {@link Legs} on the default options. */
    public Legs legsWithPhones() throws IOException {
        return legsWithPhones(StreamOptions.defaults(), StreamOptions.defaults());
    }

    /** Waits (up to 10 s of real time) for datagrams in flight on loopback to satisfy {@code cond}. */
    public static void await(BooleanSupplier cond, String what) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /**
     * Advances the manual clock one 20 ms tick at a time, after each waiting until every packet the
     * {@code senders} sent has reached the matching {@code receivers}.
     */
    public void tick(int ticks, List<RtpStream> senders, List<RtpStream> receivers) {
        for (int i = 0; i < ticks; i++) {
            clock.advance(Duration.ofMillis(20));
            for (int k = 0; k < senders.size(); k++) {
                RtpStream s = senders.get(k);
                RtpStream r = receivers.get(k);
                await(() -> r.counters().packetsReceived() + r.counters().discarded() >= s.counters().packetsSent(),
                        "packets from " + s.localPort() + " at " + r.localPort());
            }
        }
    }

    /** A sink recording audio frames and digits. */
    public static final class RecordingSink implements MediaSink {
        public final List<short[]> frames = new CopyOnWriteArrayList<>();
        public final List<TelephoneEventReceiver.Relayed> digits = new CopyOnWriteArrayList<>();

        @Override
        public void onAudio(short[] frame) {
            frames.add(frame.clone());
        }

        @Override
        public void onDigit(TelephoneEventReceiver.Relayed digit) {
            digits.add(digit);
        }

        public short[] audio() {
            short[] out = new short[frames.size() * 160];
            for (int i = 0; i < frames.size(); i++) {
                System.arraycopy(frames.get(i), 0, out, i * 160, 160);
            }
            return out;
        }
    }

    @Override
    public void close() {
        engine.close();
    }
}
