package org.tollgate.harness.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A load process for crash tests, to be SIGKILLed: a separate JVM that prints {@code READY} once
 * running and {@code PERSISTED <record id>} for each record whose transaction committed. Collects
 * the ids and the rest of its output (the first 20,000 characters, for failure messages).
 */
public final class PersistingChild {
    private final Process process;
    private final Set<String> persisted = ConcurrentHashMap.newKeySet();
    private final CountDownLatch ready = new CountDownLatch(1);
    private final StringBuffer log = new StringBuffer();
    private final Thread reader;

    /** Starts {@code command} (e.g. from {@link ChildJvm#command}), output merged. */
    public PersistingChild(List<String> command) throws IOException {
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        reader = Thread.ofPlatform().daemon(true).start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.startsWith("PERSISTED ")) {
                        persisted.add(line.substring(10));
                    } else {
                        if (line.equals("READY")) {
                            ready.countDown();
                        }
                        if (log.length() < 20_000) {
                            log.append(line).append('\n');
                        }
                    }
                }
            } catch (IOException e) {
                log.append("reader: ").append(e).append('\n');
            }
        });
    }

    /** Waits up to {@code seconds} for {@code READY} (a ceiling, not a timed assertion). */
    public boolean awaitReady(long seconds) throws InterruptedException {
        return ready.await(seconds, TimeUnit.SECONDS);
    }

    /** The record ids reported persisted so far. */
    public Set<String> persisted() {
        return persisted;
    }

    /** The output other than {@code PERSISTED} lines. */
    public String log() {
        return log.toString();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL, then waits for the exit and the end of the output. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        reader.join(10_000);
    }
}
