package org.tollgate.harness.relay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.tollgate.harness.process.ChildJvm;

/** {@code tollgate} subcommands as separate JVMs (the test classpath), with their merged output collected. */
final class Processes {
    /** A ceiling for start-up and exits (never a timed assertion). */
    static final long LIMIT_SECONDS = 60;

    private Processes() {}

    /** {@code java -cp <test classpath> org.tollgate.gateway.Main ARGS}. */
    static List<String> tollgate(String... args) {
        return ChildJvm.command(List.of(), "org.tollgate.gateway.Main", args);
    }

    /** A running process whose output lines are collected. */
    static final class Running implements AutoCloseable {
        final Process process;
        final List<String> output = new CopyOnWriteArrayList<>();
        private final Thread reader;

        Running(List<String> command) throws IOException {
            this(new ProcessBuilder(command).redirectErrorStream(true));
        }

        /** Starts {@code builder} (its environment and redirections as set). */
        Running(ProcessBuilder builder) throws IOException {
            process = builder.start();
            reader = Thread.ofVirtual().start(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String l = r.readLine(); l != null; l = r.readLine()) {
                        output.add(l);
                    }
                } catch (IOException e) {
                    output.add("(reader: " + e + ")");
                }
            });
        }

        /** Waits (bounded) for an output line; returns it, or fails with the output so far. */
        String awaitLine(Predicate<String> wanted, String what) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LIMIT_SECONDS);
            while (System.nanoTime() < deadline) {
                for (String l : output) {
                    if (wanted.test(l)) {
                        return l;
                    }
                }
                if (!process.isAlive() && output.stream().noneMatch(wanted)) {
                    Thread.sleep(200);
                    if (output.stream().noneMatch(wanted)) {
                        break;
                    }
                }
                Thread.sleep(50);
            }
            throw new AssertionError("never saw " + what + " in:\n" + String.join("\n", output));
        }

        int waitFor() throws InterruptedException {
            if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("did not exit:\n" + String.join("\n", output));
            }
            reader.join(TimeUnit.SECONDS.toMillis(LIMIT_SECONDS));
            return process.exitValue();
        }

        String text() {
            return String.join("\n", output);
        }

        @Override
        public void close() throws InterruptedException {
            if (process.isAlive()) {
                process.toHandle().destroy();
                if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }
    }
}
