package org.tollgate.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tollgate.harness.process.GatewayProcess;
import org.tollgate.harness.process.ChildJvm;

/** {@code tollgate check-config} as a separate process. */
class CheckConfigTest {

    @Test
    @DisplayName("a broken file: every error as FILE:LINE:COL: message with the source line and caret, exit 1")
    void brokenFile(@TempDir Path tmp) throws Exception {
        Path broken = tmp.resolve("broken.cfg");
        try (InputStream in = CheckConfigTest.class.getResourceAsStream("/cli/broken.cfg")) {
            Files.write(broken, in.readAllBytes());
        }
        GatewayProcess.Result r = GatewayProcess.runMain("check-config", broken.toString());
        assertEquals(1, r.exitCode(), r.output());
        String out = r.output();
        assertTrue(out.contains(broken + ":3:1: "), out);
        assertTrue(out.contains("frobnicate the gateway\n^"), out);
        assertTrue(Pattern.compile(Pattern.quote(broken.toString()) + ":4:\\d+: ").matcher(out).find(), out);
        assertTrue(out.contains("voice lpcor call-block cause 999"), out);
    }

    @Test
    @DisplayName("both seed examples are valid: exit 0")
    void examplesValid() throws Exception {
        for (String name : new String[] {"cme-fac.cfg", "exec-callback.cfg"}) {
            Path file = ChildJvm.repoRoot().resolve("examples").resolve(name);
            GatewayProcess.Result r = GatewayProcess.runMain("check-config", file.toString());
            assertEquals(0, r.exitCode(), r.output());
        }
    }

    @Test
    @DisplayName("tollgate run with a broken file prints the errors and exits 1 without starting")
    void runRefusesBrokenFile(@TempDir Path tmp) throws Exception {
        Path broken = tmp.resolve("broken.cfg");
        try (InputStream in = CheckConfigTest.class.getResourceAsStream("/cli/broken.cfg")) {
            Files.write(broken, in.readAllBytes());
        }
        GatewayProcess.Result r = GatewayProcess.runMain("run", "--config", broken.toString(), "--no-console",
                "--telnet-port", "0", "--ssh-port", "0", "--data-dir", tmp.resolve("data").toString());
        assertEquals(1, r.exitCode(), r.output());
        assertTrue(r.output().contains(broken + ":3:1: "), r.output());
    }
}
