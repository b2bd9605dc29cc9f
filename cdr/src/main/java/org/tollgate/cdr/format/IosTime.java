package org.tollgate.cdr.format;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The IOS clock format of CDR times: {@code 15:59:47.000 UTC Sun Dec 25 2005} (RADIUS
 * {@code h323-setup-time}, file and syslog records), always in UTC.
 */
public final class IosTime {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter
            .ofPattern("HH:mm:ss.SSS 'UTC' EEE MMM d yyyy", Locale.ROOT).withZone(ZoneId.of("UTC"));

    private IosTime() {
    }

    public static String format(Instant t) {
        return FORMAT.format(t);
    }
}
