package org.tollgate.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads the repository's example configurations in tests. */
final class Examples {
    private Examples() {
    }

    static Path dir() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("examples"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("examples/ not found above " + Path.of("").toAbsolutePath());
        }
        return p.resolve("examples");
    }

    static String read(String name) {
        try {
            return Files.readString(dir().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static GatewayConfig load(String name) {
        ParseResult r = ConfigParser.parse(name, read(name));
        if (r instanceof ParseResult.Failed f) {
            StringBuilder s = new StringBuilder();
            f.errors().forEach(e -> s.append(e.format()).append('\n'));
            throw new AssertionError("example " + name + " has errors:\n" + s);
        }
        return ((ParseResult.Ok) r).config();
    }
}
