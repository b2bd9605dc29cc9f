package org.tollgate.dsp.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.tollgate.dsp.dtmf.DtmfDetector;
import org.tollgate.dsp.dtmf.DtmfGenerator;
import org.tollgate.dsp.pcm.Pcm;

/**
 * DTMF detector throughput: one operation = one second of 8 kHz audio (digits in noise) fed in 20 ms
 * frames, so ops/s on one thread = real-time channels one core can serve (target ≥ 5,000).
 *
 * <p>Not run by {@code mvn verify}; see docs/benchmarks.md for the command.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DtmfDetectorBenchmark {
    private short[] second;
    private DtmfDetector detector;

    @Setup
    public void setup() {
        short[] digits = DtmfGenerator.generate("1234567890", new DtmfGenerator.Settings(50, 50, -8, -6));
        second = new short[Pcm.SAMPLE_RATE];
        Random r = new Random(1);
        for (int i = 0; i < second.length; i++) {
            second[i] = Pcm.clip(digits[i] + r.nextGaussian() * 300);
        }
        detector = new DtmfDetector();
    }

    @Benchmark
    public void oneSecondOfAudio(Blackhole bh) {
        for (int off = 0; off < second.length; off += Pcm.FRAME_SAMPLES) {
            bh.consume(detector.process(second, off, Pcm.FRAME_SAMPLES));
        }
    }
}
