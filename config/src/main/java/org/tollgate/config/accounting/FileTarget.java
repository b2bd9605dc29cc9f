package org.tollgate.config.accounting;

/**
 * {@code primary|secondary ifs|ftp|sftp URL} under {@code gw-accounting file}.
 *
 * @param protocol {@code ifs} (local file system, e.g. {@code flash:cdr}), {@code ftp} or {@code sftp}
 * @param url the location, kept as written
 */
public record FileTarget(String protocol, String url) {
}
