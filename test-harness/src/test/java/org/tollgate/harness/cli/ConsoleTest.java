package org.tollgate.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tollgate.harness.process.ChildJvm;

/** The console CLI (JLine) on a pseudo-terminal, driven by expect. */
class ConsoleTest {

    @Test
    @DisplayName("console: ? help, configure terminal applied on end, show users con 0, exit and a new session")
    void consoleOnTerminal(@TempDir Path tmp) throws Exception {
        Path config = tmp.resolve("cme-fac.cfg");
        Files.copy(ChildJvm.repoRoot().resolve("examples/cme-fac.cfg"), config);
        Path script = tmp.resolve("console-session.exp");
        try (InputStream in = ConsoleTest.class.getResourceAsStream("/cli/console-session.exp")) {
            Files.write(script, in.readAllBytes());
        }
        Process p = new ProcessBuilder("expect", "-f", script.toString(), ChildJvm.java(),
                ChildJvm.classpath(), config.toString(), tmp.resolve("data").toString())
                .redirectErrorStream(true).start();
        String transcript = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), transcript);
        assertTrue(transcript.contains("CONSOLE OK"), transcript);
    }
}
