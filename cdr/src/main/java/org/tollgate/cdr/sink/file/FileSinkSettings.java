package org.tollgate.cdr.sink.file;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.tollgate.config.accounting.FileAccounting;
import org.tollgate.config.accounting.FileTarget;

/**
 * Settings of the {@link FileSink}.
 *
 * @param directory    where CDR files go
 * @param prefix       file name prefix (default {@code cdr})
 * @param hostname     the gateway's {@code hostname}, part of every file name and the {@code GwId} field
 * @param compact      {@code cdr-format compact} (17 fields) versus {@code detailed} (default)
 * @param bufferSizeKb {@code maximum buffer-size} 6..40 KB, default 20: the writer's buffer
 * @param fileClose    {@code maximum fileclose-timer}, default 1440 minutes
 * @param cdrFlush     {@code maximum cdrflush-timer}, default 60 minutes
 */
public record FileSinkSettings(Path directory, String prefix, String hostname, boolean compact, int bufferSizeKb,
                               Duration fileClose, Duration cdrFlush) {
    public FileSinkSettings {
        fileClose = FileSink.positive(fileClose);
        cdrFlush = FileSink.positive(cdrFlush);
        bufferSizeKb = Math.max(6, Math.min(40, bufferSizeKb));
    }

    /**
     * From the {@code gw-accounting file} configuration. {@code primary ifs URL} resolves as:
     * {@code file:/abs/path} or an absolute path as is; {@code flash:NAME} (and any other
     * {@code dev:NAME}) under {@code flashDirectory}. A URL ending in {@code /} or naming an
     * existing directory is the directory (prefix {@code cdr}); otherwise its last element is the
     * file name prefix. Only {@code ifs} targets are written; ftp/sftp primaries are not supported
     * (empty result).
     */
    public static Optional<FileSinkSettings> from(FileAccounting file, String hostname, Path flashDirectory) {
        Optional<FileTarget> target = file.primary().filter(t -> t.protocol().equals("ifs"))
                .or(() -> file.secondary().filter(t -> t.protocol().equals("ifs")));
        if (target.isEmpty()) {
            return Optional.empty();
        }
        String url = target.get().url();
        Path p;
        if (url.startsWith("file:")) {
            p = Path.of(url.substring(5));
        } else if (url.startsWith("/")) {
            p = Path.of(url);
        } else {
            int colon = url.indexOf(':');
            p = flashDirectory.resolve(colon >= 0 ? url.substring(colon + 1) : url);
        }
        Path dir;
        String prefix;
        if (url.endsWith("/") || java.nio.file.Files.isDirectory(p) || p.getFileName() == null) {
            dir = p;
            prefix = "cdr";
        } else {
            dir = p.toAbsolutePath().getParent();
            prefix = p.getFileName().toString();
        }
        return Optional.of(new FileSinkSettings(dir, prefix, hostname, file.compact(), file.bufferSizeKb(),
                Duration.ofMinutes(file.fileCloseMinutes()), Duration.ofMinutes(file.cdrFlushMinutes())));
    }
}
