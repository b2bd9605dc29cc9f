package org.tollgate.config;

import org.tollgate.config.internal.Printer;

/**
 * Prints a configuration in canonical IOS form, the body of {@code show running-config}: it starts
 * with {@code !} and ends with {@code end}; sections in IOS order; full keywords; only non-default
 * values; {@code service password-encryption} prints passwords as type 7. Deterministic: printing the
 * same configuration twice gives the same text, and parsing the text gives the same configuration.
 */
public final class ConfigPrinter {
    private ConfigPrinter() {
    }

    /** The configuration text, lines separated by {@code \n}. */
    public static String print(GatewayConfig config) {
        return Printer.print(config);
    }
}
