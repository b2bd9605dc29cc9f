package org.tollgate.harness.gateway;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.tollgate.harness.process.GatewayProcess;

/**
 * One EXEC session over the stock {@code telnet} client, driven by {@code expect}: the script logs
 * in as the seed's {@code admin}, then for each line it reads on stdin sends it as a command, waits
 * for the prompt and prints a marker; {@link #run} returns everything between (the command's echo
 * and output).
 */
final class TelnetSession implements AutoCloseable {
    private static final String DONE = "@@DONE@@";
    private static final String SCRIPT = """
            set timeout 20
            log_user 1
            spawn telnet [lindex $argv 0] [lindex $argv 1]
            proc prompt {} {
                expect {
                    -ex "cme-fac#" {}
                    timeout { send_user "\\n@@TIMEOUT@@\\n"; exit 1 }
                    eof { send_user "\\n@@EOF@@\\n"; exit 1 }
                }
            }
            expect {
                -ex "Username: " {}
                timeout { send_user "\\n@@TIMEOUT@@\\n"; exit 1 }
                eof { send_user "\\n@@EOF@@\\n"; exit 1 }
            }
            send "admin\\r"
            expect -ex "Password: "
            send "tollgate-admin\\r"
            prompt
            send "terminal length 0\\r"
            prompt
            send_user "\\n@@DONE@@\\n"
            while {[gets stdin line] >= 0} {
                send -- "$line\\r"
                prompt
                send_user "\\n@@DONE@@\\n"
            }
            send "exit\\r"
            expect eof
            exit 0
            """;

    private final Process process;
    private final BufferedReader out;
    private final Writer in;
    private final StringBuilder transcript = new StringBuilder();

    private TelnetSession(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = process.outputWriter(StandardCharsets.UTF_8);
    }

    /** Logs in on {@code port} (the script is written to {@code dir}). */
    static TelnetSession open(int port, Path dir) throws IOException {
        Path script = dir.resolve("session.exp");
        Files.writeString(script, SCRIPT);
        Process p = new ProcessBuilder("expect", "-f", script.toString(), "127.0.0.1", Integer.toString(port))
                .redirectErrorStream(true).start();
        TelnetSession s = new TelnetSession(p);
        s.readUntilDone();
        return s;
    }

    /** Runs one command; returns its echo and output (without the final prompt). */
    String run(String command) throws IOException {
        in.write(command + "\n");
        in.flush();
        return readUntilDone();
    }

    /**
     * Runs {@code command} until its output satisfies {@code condition} (at most {@code tries} times,
     * 50 ms apart: a ceiling for the gateway to get there, not a timed assertion); returns the last output.
     */
    String runUntil(String command, Predicate<String> condition, int tries) throws IOException, InterruptedException {
        String o = run(command);
        for (int i = 1; i < tries && !condition.test(o); i++) {
            Thread.sleep(50);
            o = run(command);
        }
        return o;
    }

    private String readUntilDone() throws IOException {
        StringBuilder b = new StringBuilder();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            transcript.append(line).append('\n');
            if (line.equals(DONE)) {
                return b.toString();
            }
            if (line.startsWith("@@TIMEOUT@@") || line.startsWith("@@EOF@@")) {
                throw new IOException("telnet session failed (" + line + "):\n" + transcript);
            }
            b.append(line).append('\n');
        }
        throw new IOException("expect ended:\n" + transcript);
    }

    /** Everything the session printed so far. */
    String transcript() {
        return transcript.toString();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        in.close();
        if (!process.waitFor(GatewayProcess.LIMIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
