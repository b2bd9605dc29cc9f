package org.tollgate.config.system;

import java.util.List;

/**
 * A command that is accepted, kept and printed back but has no effect on the gateway
 * ({@code version}, {@code service timestamps}, {@code interface}, {@code ip route}, {@code banner motd} ...),
 * so that an operator can paste a real router configuration.
 *
 * @param line the command line, whitespace-normalised (a banner keeps its text, newlines included)
 * @param section where the printer puts it (IOS order)
 * @param children sub-mode lines (e.g. under {@code interface}), whitespace-normalised, in order
 */
public record PassthroughCommand(String line, Section section, List<String> children) {

    /** Printing position of a passthrough command, in IOS {@code show running-config} order. */
    public enum Section {
        /** {@code version}. */
        VERSION,
        /** {@code service timestamps ...} and other kept service lines, printed with the typed services. */
        SERVICE,
        /** global {@code ip ...} settings, {@code clock timezone}, {@code boot ...}: after aaa. */
        GLOBAL,
        /** {@code voice-card N} blocks. */
        VOICE_CARD,
        /** {@code interface NAME} blocks. */
        INTERFACE,
        /** {@code ip classless}, {@code ip route ...}. */
        ROUTING,
        /** {@code banner ...}: before the lines. */
        BANNER,
        /** {@code ntp ...}: after the lines. */
        NTP
    }

    public PassthroughCommand {
        children = List.copyOf(children);
    }
}
