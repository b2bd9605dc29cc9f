package org.tollgate.dsp.testutil;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the external Debian programs the DSP tests compare against (sox, espeak-ng, multimon-ng, gcc). */
public final class Programs {
    private Programs() {}

    /** The result of one run. */
    public record Run(int exit, String stdout, String stderr) {}

    /** Runs {@code cmd} to completion (at most 60 s) in {@code dir}, failing on a non-zero exit. */
    public static Run run(Path dir, List<String> cmd) {
        Run r = runAllowingFailure(dir, cmd);
        if (r.exit != 0) {
            throw new AssertionError(cmd + " exited " + r.exit + ": " + r.stderr);
        }
        return r;
    }

    /** Runs {@code cmd} to completion (at most 60 s) in {@code dir}. */
    public static Run runAllowingFailure(Path dir, List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).start();
            p.getOutputStream().close();
            var out = p.getInputStream().readAllBytes();
            var err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(cmd + " did not finish");
            }
            return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot run " + cmd + " (scripts/install-test-peers.sh installs it)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
