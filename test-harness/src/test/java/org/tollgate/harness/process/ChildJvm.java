package org.tollgate.harness.process;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What tests need to start another JVM on the reactor's test classpath (the real gateway, a load
 * process to be killed, a {@code tollgate} subcommand): this JVM's {@code java}, the test classpath,
 * the repository root and free loopback ports.
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    /** The {@code java} executable of this JVM. */
    public static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** The test classpath (the reactor's modules and their dependencies). */
    public static String classpath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    /** {@code java [jvmOptions] -cp <test classpath> mainClass args}. */
    public static List<String> command(List<String> jvmOptions, String mainClass, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java());
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", classpath(), mainClass));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** The repository root (tests run in {@code test-harness/}). */
    public static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("examples/cme-fac.cfg"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("repository root not found from " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    /** A loopback port free at the time of asking. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
