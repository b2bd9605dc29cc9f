package org.tollgate.gateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayStoreTest {

    @Test
    @DisplayName("config_archive keeps every applied configuration across a reopen")
    void archiveSurvivesReopen(@TempDir Path dir) throws Exception {
        Instant t1 = Instant.parse("2026-11-21T10:00:00Z");
        try (GatewayStore s = GatewayStore.open(dir)) {
            s.archive(t1, "startup", "file:x.cfg", "hostname a\n");
            s.archive(t1.plusSeconds(60), "admin", "vty 0", "hostname b\n");
        }
        try (GatewayStore s = GatewayStore.open(dir)) {
            List<GatewayStore.ArchivedConfig> all = s.archived();
            assertEquals(2, all.size());
            assertEquals("startup", all.get(0).appliedBy());
            assertEquals(t1, all.get(0).appliedAt());
            assertEquals("vty 0", all.get(1).source());
            assertEquals("hostname b\n", all.get(1).text());
        }
    }
}
