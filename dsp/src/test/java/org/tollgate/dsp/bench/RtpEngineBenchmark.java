package org.tollgate.dsp.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.tollgate.dsp.dtmf.DtmfGenerator;
import org.tollgate.dsp.pcm.PcmSource;
import org.tollgate.dsp.rtp.LatenessRecorder;
import org.tollgate.dsp.rtp.RtpEngine;
import org.tollgate.dsp.rtp.RtpStream;
import org.tollgate.dsp.rtp.StreamOptions;
import org.tollgate.dsp.sched.ExecutorMediaScheduler;

/**
 * RTP engine under load: {@code streams} concurrent 20 ms PCMU prompt streams (each looping a prompt)
 * sending over loopback to as many receiving streams of the same engine (which jitter-buffer and play
 * out), on a 2-thread scheduler plus one receive thread. One operation = 10 s of media; after it the
 * p50/p99/p99.9 send lateness against the ideal drift-free schedule is printed and appended to
 * {@code target/rtp-lateness.txt} (target: ≥ 1,000 streams with p99 &lt; 5 ms on 2 cores).
 *
 * <p>Not run by {@code mvn verify}; see docs/benchmarks.md for the command.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, batchSize = 1)
@Measurement(iterations = 3, batchSize = 1)
@Fork(1)
public class RtpEngineBenchmark {
    @Param({"1000"})
    public int streams;

    /**
     * {@code duplex}: each sending stream has a receiving stream in the same engine (the engine sends and
     * receives N x 50 packets/s); {@code sendOnly}: the streams send to 8 plain sockets nobody reads
     * (the kernel drops what overflows), measuring prompt playout alone.
     */
    @Param({"duplex", "sendOnly"})
    public String mode;

    private final List<java.nio.channels.DatagramChannel> sinks = new ArrayList<>();

    private ExecutorMediaScheduler scheduler;
    private RtpEngine engine;
    private final List<RtpStream> all = new ArrayList<>();
    private short[] prompt;

    @Setup(Level.Trial)
    public void setup() throws IOException {
        scheduler = new ExecutorMediaScheduler(2);
        RtpEngine.Settings d = RtpEngine.Settings.defaults();
        engine = new RtpEngine(new RtpEngine.Settings(InetAddress.getLoopbackAddress(), d.minPort(), d.maxPort(), 3,
                Duration.ofSeconds(5), "bench"), scheduler, Clock.systemUTC());
        prompt = DtmfGenerator.generate("0123456789", new DtmfGenerator.Settings(200, 300, -10, -8));
        for (int i = 0; i < 8; i++) {
            java.nio.channels.DatagramChannel sink = java.nio.channels.DatagramChannel.open();
            sink.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            sinks.add(sink);
        }
        for (int i = 0; i < streams; i++) {
            java.net.InetSocketAddress to;
            if (mode.equals("duplex")) {
                RtpStream rx = engine.open(StreamOptions.defaults().withSendSilence(false));
                all.add(rx);
                to = rx.localAddress();
            } else {
                to = (java.net.InetSocketAddress) sinks.get(i % sinks.size()).getLocalAddress();
            }
            // the prompt player knows its peer from signalling: no latching, so its socket is connected
            RtpStream tx = engine.open(new StreamOptions(org.tollgate.dsp.rtp.Codec.PCMU, 101, false, true, to));
            all.add(tx);
            tx.play(looping(prompt));
        }
    }

    private static PcmSource looping(short[] pcm) {
        return new PcmSource() {
            private int pos;

            @Override
            public int read(short[] buf, int off, int len) {
                for (int i = 0; i < len; i++) {
                    buf[off + i] = pcm[pos];
                    pos = (pos + 1) % pcm.length;
                }
                return len;
            }
        };
    }

    @Setup(Level.Iteration)
    public void resetHistogram() {
        engine.lateness().reset();
    }

    @Benchmark
    public long tenSecondsOfMedia() throws InterruptedException {
        Thread.sleep(10_000);
        return engine.lateness().count();
    }

    @TearDown(Level.Iteration)
    public void report() throws IOException {
        LatenessRecorder l = engine.lateness();
        long sent = all.stream().mapToLong(s -> s.counters().packetsSent()).sum();
        long received = all.stream().mapToLong(s -> s.counters().packetsReceived()).sum();
        String line = String.format("mode=%s streams=%d ticks=%d p50=%.1fms p99=%.1fms p99.9=%.1fms skipped=%d sent=%d received=%d cores=%d%n",
                mode, streams, l.count(), l.percentileMs(0.5), l.percentileMs(0.99), l.percentileMs(0.999), engine.skippedTicks(), sent, received,
                Runtime.getRuntime().availableProcessors());
        System.out.print("RTP lateness: " + line);
        Files.writeString(Path.of("target", "rtp-lateness.txt"), line,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        engine.close();
        scheduler.close();
        for (java.nio.channels.DatagramChannel c : sinks) {
            c.close();
        }
    }
}
