package org.tollgate.config.voice;

import java.util.List;

/**
 * {@code sip-ua}: accepted and kept ({@code retry ...}, {@code timers ...}, {@code registrar ...},
 * {@code transport ...} ...); tollgate's SIP stack uses its own defaults.
 *
 * @param commands sub-mode lines, whitespace-normalised, in order
 */
public record SipUa(List<String> commands) {
    public SipUa {
        commands = List.copyOf(commands);
    }
}
