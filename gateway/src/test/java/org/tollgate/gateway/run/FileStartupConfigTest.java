package org.tollgate.gateway.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStartupConfigTest {

    @Test
    @DisplayName("write memory replaces the file through a temporary file and a rename, leaving no temporary behind")
    void atomicReplace(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("gw.cfg");
        Files.writeString(file, "hostname old\n");
        FileStartupConfig s = new FileStartupConfig(file);
        s.write("hostname new\n");
        assertEquals(Optional.of("hostname new\n"), s.read());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    @DisplayName("a missing startup file reads as empty")
    void missing(@TempDir Path dir) throws IOException {
        assertTrue(new FileStartupConfig(dir.resolve("none.cfg")).read().isEmpty());
    }
}
