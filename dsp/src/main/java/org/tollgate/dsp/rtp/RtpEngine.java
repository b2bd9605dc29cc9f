package org.tollgate.dsp.rtp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tollgate.dsp.sched.MediaScheduler;

/**
 * The RTP engine: many {@link RtpStream}s on few threads. One NIO receive thread ({@link Selector} over
 * every stream's RTP and RTCP {@link DatagramChannel}) and the injected {@link MediaScheduler}'s threads
 * for 20 ms pacing; no thread per stream.
 *
 * <p>Pacing: the 20 ms period is cut into 20 one-millisecond slots, each a fixed-rate task on the
 * scheduler; streams are dealt round-robin into slots, so the sending load is spread evenly over the
 * period and the scheduler holds 20 tasks whatever the number of streams. A slot's tick is due at
 * its own drift-free schedule; how late each stream's send actually ran is recorded in
 * {@link #lateness()}. A tick that would run more than 60 ms late is skipped (counted in
 * {@link #skippedTicks()}; the RTP timestamp still advances), so a stall never leaves a standing
 * backlog or a burst of packets.
 *
 * <p>Ports: RTP on an even port chosen at random in [{@code minPort}, {@code maxPort}] and RTCP on the
 * next one (RFC 3550 section 11), retried on collision. Defaults ({@link Settings#defaults()}): bind
 * 0.0.0.0, ports 16384..32767 (the Cisco IOS range), a 3-frame (60 ms) jitter buffer, RTCP every 5 s,
 * CNAME {@code tollgate}.
 */
public final class RtpEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RtpEngine.class);
    private static final int MAX_DATAGRAM = 2048;
    private static final int BIND_ATTEMPTS = 64;
    private static final int SLOTS = 20;
    private static final long PERIOD_NANOS = 20_000_000L;
    private static final long SLOT_NANOS = PERIOD_NANOS / SLOTS;
    /** A tick running later than this (3 periods, 60 ms) is skipped rather than sent late. */
    static final long MAX_LATENESS_NANOS = 3 * PERIOD_NANOS;

    /**
     * Engine settings.
     *
     * @param bindAddress      local address of all media sockets
     * @param minPort          lowest RTP port (even)
     * @param maxPort          highest RTCP port
     * @param jitterDepthFrames jitter-buffer playout delay in 20 ms frames
     * @param rtcpInterval     RTCP report interval (RFC 3550 section 6.2: 5 s minimum is customary)
     * @param cname            RTCP SDES CNAME
     */
    public record Settings(InetAddress bindAddress, int minPort, int maxPort, int jitterDepthFrames,
                           Duration rtcpInterval, String cname) {
        /** Validates the port range. */
        public Settings {
            if (minPort < 1024 || maxPort > 65535 || maxPort - minPort < 3) {
                throw new IllegalArgumentException("bad RTP port range " + minPort + ".." + maxPort);
            }
        }

        /** 0.0.0.0, 16384..32767, 3 frames, 5 s, "tollgate". */
        public static Settings defaults() {
            return new Settings(new InetSocketAddress(0).getAddress(), 16384, 32767, 3, Duration.ofSeconds(5), "tollgate");
        }

        /** These settings bound to {@code address}. */
        public Settings withBindAddress(InetAddress address) {
            return new Settings(address, minPort, maxPort, jitterDepthFrames, rtcpInterval, cname);
        }
    }

    private final Settings settings;
    private final MediaScheduler scheduler;
    private final Clock wallClock;
    private final Selector selector;
    private final Thread receiver;
    private final ConcurrentLinkedQueue<RtpStream> toRegister = new ConcurrentLinkedQueue<>();
    private final Set<RtpStream> streams = ConcurrentHashMap.newKeySet();
    private final LatenessRecorder lateness = new LatenessRecorder();
    private final List<Set<RtpStream>> slots = new ArrayList<>();
    private final List<MediaScheduler.Cancellable> pacers = new ArrayList<>();
    private final AtomicInteger nextSlot = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong skippedTicks = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean running = true;

    /** Starts the receive thread. {@code wallClock} only stamps RTCP sender reports (NTP time). */
    public RtpEngine(Settings settings, MediaScheduler scheduler, Clock wallClock) throws IOException {
        this.settings = settings;
        this.scheduler = scheduler;
        this.wallClock = wallClock;
        this.selector = Selector.open();
        this.receiver = new Thread(this::receiveLoop, "tollgate-rtp-rx");
        receiver.setDaemon(true);
        receiver.start();
        // The slot tasks are built first and scheduled afterwards against one anchor, each with its
        // delay computed at the moment it is scheduled: building a task (lambda linkage, class loading)
        // can take milliseconds, and a delay fixed before that would shift the executor's schedule away
        // from the intended one for ever (a constant "lateness" of several ms in the benchmark).
        List<long[]> dues = new ArrayList<>(SLOTS);
        List<Runnable> tasks = new ArrayList<>(SLOTS);
        for (int i = 0; i < SLOTS; i++) {
            Set<RtpStream> members = ConcurrentHashMap.newKeySet();
            slots.add(members);
            long[] due = {0};
            dues.add(due);
            tasks.add(() -> {
                long intended = due[0];
                due[0] += PERIOD_NANOS;
                if (scheduler.nanoTime() - intended > MAX_LATENESS_NANOS) {
                    // hopelessly late (CPU starvation, a long GC pause): drop this tick instead of
                    // sending a burst, so the schedule recovers instead of carrying the backlog
                    skippedTicks.addAndGet(members.size());
                    for (RtpStream s : members) {
                        s.skipTick();
                    }
                    return;
                }
                for (RtpStream s : members) {
                    s.tick(intended);
                }
            });
        }
        long start = scheduler.nanoTime();
        for (int i = 0; i < SLOTS; i++) {
            long first = start + (i + 1) * SLOT_NANOS;
            dues.get(i)[0] = first;
            pacers.add(scheduler.scheduleAtFixedRate(tasks.get(i),
                    Math.max(0, first - scheduler.nanoTime()), PERIOD_NANOS));
        }
        LOG.info("RTP engine on {} ports {}..{}", settings.bindAddress().getHostAddress(), settings.minPort(), settings.maxPort());
    }

    Settings settings() {
        return settings;
    }

    MediaScheduler scheduler() {
        return scheduler;
    }

    Clock wallClock() {
        return wallClock;
    }

    /** Send-lateness histogram over all streams (for benchmarks and diagnostics). */
    public LatenessRecorder lateness() {
        return lateness;
    }

    /** Stream ticks dropped because they ran more than 60 ms late (nothing was sent for them). */
    public long skippedTicks() {
        return skippedTicks.get();
    }

    /** Streams open now. */
    public int streamCount() {
        return streams.size();
    }

    /** Opens a stream on a fresh RTP/RTCP port pair. */
    public RtpStream open(StreamOptions options) throws IOException {
        if (!running) {
            throw new IllegalStateException("RTP engine closed");
        }
        int pairs = (settings.maxPort() - settings.minPort() + 1) / 2;
        for (int attempt = 0; attempt < BIND_ATTEMPTS; attempt++) {
            int port = (settings.minPort() + 1 & ~1) + 2 * ThreadLocalRandom.current().nextInt(pairs - 1);
            DatagramChannel a = DatagramChannel.open();
            DatagramChannel b = DatagramChannel.open();
            try {
                a.setOption(StandardSocketOptions.SO_RCVBUF, 64 * 1024);
                a.bind(new InetSocketAddress(settings.bindAddress(), port));
                b.bind(new InetSocketAddress(settings.bindAddress(), port + 1));
            } catch (BindException e) {
                a.close();
                b.close();
                continue;
            }
            a.configureBlocking(false);
            b.configureBlocking(false);
            int slot = Math.floorMod(nextSlot.getAndIncrement(), SLOTS);
            RtpStream s = new RtpStream(this, options, a, b, slot);
            streams.add(s);
            slots.get(slot).add(s);
            toRegister.add(s);
            selector.wakeup();
            return s;
        }
        throw new BindException("no free RTP port pair after " + BIND_ATTEMPTS + " attempts");
    }

    void closed(RtpStream s) {
        streams.remove(s);
        slots.get(s.slot()).remove(s);
    }

    private void receiveLoop() {
        ByteBuffer buf = ByteBuffer.allocateDirect(MAX_DATAGRAM);
        byte[] bytes = new byte[MAX_DATAGRAM];
        try {
            while (running) {
                selector.select();
                RtpStream s;
                while ((s = toRegister.poll()) != null) {
                    register(s);
                }
                var it = selector.selectedKeys().iterator();
                while (it.hasNext()) {
                    SelectionKey key = it.next();
                    it.remove();
                    if (!key.isValid()) {
                        continue;
                    }
                    drain(key, buf, bytes);
                }
            }
        } catch (IOException e) {
            LOG.error("RTP receive loop failed", e);
        } catch (ClosedSelectorException e) {
            LOG.debug("RTP selector closed");
        }
    }

    private void register(RtpStream s) {
        try {
            s.rtpChannel().register(selector, SelectionKey.OP_READ, new Object[] {s, Boolean.FALSE});
            s.rtcpChannel().register(selector, SelectionKey.OP_READ, new Object[] {s, Boolean.TRUE});
        } catch (java.nio.channels.ClosedChannelException e) {
            LOG.debug("stream closed before registration");
        }
    }

    private static void drain(SelectionKey key, ByteBuffer buf, byte[] bytes) {
        Object[] att = (Object[]) key.attachment();
        RtpStream s = (RtpStream) att[0];
        boolean isRtcp = (Boolean) att[1];
        DatagramChannel ch = (DatagramChannel) key.channel();
        for (int i = 0; i < 64; i++) {
            buf.clear();
            InetSocketAddress from;
            try {
                from = (InetSocketAddress) ch.receive(buf);
            } catch (java.net.PortUnreachableException e) {
                // ICMP for an earlier send on a connected socket: not fatal for the stream
                continue;
            } catch (IOException e) {
                key.cancel();
                return;
            }
            if (from == null) {
                return;
            }
            buf.flip();
            int len = buf.remaining();
            buf.get(bytes, 0, len);
            if (isRtcp) {
                s.onRtcp(bytes, len, from);
            } else {
                s.onRtp(bytes, len, from);
            }
        }
    }

    /** Closes every stream and stops the receive thread. */
    @Override
    public void close() {
        running = false;
        pacers.forEach(MediaScheduler.Cancellable::cancel);
        for (RtpStream s : streams) {
            s.close();
        }
        try {
            selector.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            receiver.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
