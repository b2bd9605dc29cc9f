package org.tollgate.gateway.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded H2 database under the data directory ({@code jdbc:h2:file:<dir>/tollgate;WRITE_DELAY=0}:
 * every commit reaches the file at once).
 *
 * <p>Tables owned here: {@code config_archive(id, applied_at, applied_by, source, config_text)} — one
 * row per configuration applied (the file at start-up, each {@code configure terminal} that changed
 * something). Other modules add their own tables through {@link #connection()}.
 * Not for high write rates: one shared connection, synchronized.
 */
public final class GatewayStore implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GatewayStore.class);

    /** One archived configuration. */
    public record ArchivedConfig(long id, Instant appliedAt, String appliedBy, String source, String text) {
    }

    private final Connection connection;
    private final String url;

    private GatewayStore(Connection connection, String url) {
        this.connection = connection;
        this.url = url;
    }

    /** Opens (creating if needed) the store in {@code dataDir}. */
    public static GatewayStore open(Path dataDir) throws SQLException {
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("tollgate") + ";WRITE_DELAY=0";
        Connection c = DriverManager.getConnection(url, "sa", "");
        try (Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE IF NOT EXISTS config_archive (
                      id BIGINT AUTO_INCREMENT PRIMARY KEY,
                      applied_at TIMESTAMP WITH TIME ZONE NOT NULL,
                      applied_by VARCHAR(64) NOT NULL,
                      source VARCHAR(256) NOT NULL,
                      config_text CLOB NOT NULL)""");
        }
        log.info("store opened: {}", url);
        return new GatewayStore(c, url);
    }

    /** Records one applied configuration. */
    public synchronized void archive(Instant at, String user, String source, String text) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO config_archive(applied_at, applied_by, source, config_text) VALUES (?, ?, ?, ?)")) {
            ps.setObject(1, at.atOffset(java.time.ZoneOffset.UTC));
            ps.setString(2, user);
            ps.setString(3, source);
            ps.setString(4, text);
            ps.executeUpdate();
        }
    }

    /** The archived configurations, oldest first. */
    public synchronized List<ArchivedConfig> archived() throws SQLException {
        List<ArchivedConfig> out = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery(
                     "SELECT id, applied_at, applied_by, source, config_text FROM config_archive ORDER BY id")) {
            while (rs.next()) {
                out.add(new ArchivedConfig(rs.getLong(1),
                        rs.getObject(2, java.time.OffsetDateTime.class).toInstant(),
                        rs.getString(3), rs.getString(4), rs.getString(5)));
            }
        }
        return out;
    }

    /** The shared connection, for modules that add their own tables. */
    public Connection connection() {
        return connection;
    }

    public String url() {
        return url;
    }

    @Override
    public synchronized void close() throws SQLException {
        connection.close();
    }
}
