package org.tollgate.cdr.sink.file;

import java.io.IOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tollgate.cdr.format.CdrFormat;
import org.tollgate.cdr.sink.CdrSink;
import org.tollgate.cdr.sink.Delivery;
import org.tollgate.cdr.store.QueuedRecord;

/**
 * {@code gw-accounting file}: one CSV line per finished leg ({@link CdrFormat#csv}) and one per
 * invoked feature ({@link CdrFormat#featureCsv}), in queue order.
 *
 * <p>Files: {@code <directory>/<prefix>.<hostname>.<yyyyMMdd-HHmmss>.csv}, where
 * {@link FileSinkSettings#directory()} and the prefix come from {@code primary ifs URL}. A new
 * file is started when the current one has been open for {@code maximum fileclose-timer} minutes
 * (default 1440). Lines are written to the operating system at the end of every batch, before the
 * batch is acknowledged (so a crash of the JVM loses nothing); {@code maximum cdrflush-timer}
 * (default 60 minutes) is how often the file is forced to the disk ({@code fsync}), and a file is
 * always forced when it is closed. An I/O error fails the batch: it stays queued and is retried.
 */
public final class FileSink implements CdrSink {
    private static final Logger LOG = LoggerFactory.getLogger(FileSink.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
            .withZone(ZoneId.of("UTC"));

    private final FileSinkSettings settings;
    private final Clock clock;
    private Path current;
    private FileChannel channel;
    private Writer writer;
    private Instant openedAt;
    private Instant forcedAt;

    public FileSink(FileSinkSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String name() {
        return "file";
    }

    /** The file being written, if one is open. */
    public synchronized java.util.Optional<Path> currentFile() {
        return java.util.Optional.ofNullable(current);
    }

    @Override
    public synchronized Delivery deliver(List<QueuedRecord> batch) {
        try {
            rotateIfDue();
            if (writer == null) {
                open();
            }
            for (QueuedRecord q : batch) {
                writer.write(q.isFeature()
                        ? CdrFormat.featureCsv(q.feature().orElseThrow(), !settings.compact(), settings.hostname())
                        : CdrFormat.csv(q.record(), !settings.compact(), settings.hostname()));
                writer.write("\r\n");
            }
            writer.flush();
            forceIfDue();
            return new Delivery.All(batch.size());
        } catch (IOException e) {
            LOG.warn("CDR file {}: {}", current, e.getMessage());
            closeFile();
            return new Delivery.Partial(0, e.getMessage());
        }
    }

    @Override
    public synchronized void idle() {
        try {
            rotateIfDue();
            forceIfDue();
        } catch (IOException e) {
            LOG.warn("CDR file {}: {}", current, e.getMessage());
            closeFile();
        }
    }

    private void open() throws IOException {
        Files.createDirectories(settings.directory());
        Instant now = clock.instant();
        String base = settings.prefix() + "." + settings.hostname() + "." + STAMP.format(now);
        Path p = settings.directory().resolve(base + ".csv");
        for (int i = 1; Files.exists(p); i++) {
            p = settings.directory().resolve(base + "-" + i + ".csv");
        }
        channel = FileChannel.open(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        writer = new java.io.BufferedWriter(java.nio.channels.Channels.newWriter(channel, StandardCharsets.UTF_8),
                settings.bufferSizeKb() * 1024);
        current = p;
        openedAt = now;
        forcedAt = now;
        LOG.info("CDR file opened: {}", p);
    }

    private void rotateIfDue() {
        if (writer != null && !clock.instant().isBefore(openedAt.plus(settings.fileClose()))) {
            closeFile();
        }
    }

    private void forceIfDue() throws IOException {
        if (channel != null && !clock.instant().isBefore(forcedAt.plus(settings.cdrFlush()))) {
            channel.force(true);
            forcedAt = clock.instant();
        }
    }

    private void closeFile() {
        if (writer == null) {
            return;
        }
        try {
            writer.flush();
            channel.force(true);
            writer.close();
            LOG.info("CDR file closed: {}", current);
        } catch (IOException e) {
            LOG.warn("closing CDR file {}: {}", current, e.getMessage());
        }
        writer = null;
        channel = null;
        current = null;
    }

    @Override
    public synchronized void close() {
        closeFile();
    }

    /** A positive duration: zero or negative timers become one minute. */
    static Duration positive(Duration d) {
        return d.isZero() || d.isNegative() ? Duration.ofMinutes(1) : d;
    }
}
