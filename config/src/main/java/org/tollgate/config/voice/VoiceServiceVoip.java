package org.tollgate.config.voice;

import java.util.List;

/**
 * {@code voice service voip}: accepted and kept ({@code allow-connections sip to sip}, the {@code sip}
 * sub-mode). tollgate always allows SIP-to-SIP calls.
 *
 * @param commands sub-mode lines other than {@code sip}, in order
 * @param sip true when the {@code sip} sub-mode was entered
 * @param sipCommands lines of the {@code sip} sub-mode, in order
 */
public record VoiceServiceVoip(List<String> commands, boolean sip, List<String> sipCommands) {
    public static final VoiceServiceVoip EMPTY = new VoiceServiceVoip(List.of(), false, List.of());

    public VoiceServiceVoip {
        commands = List.copyOf(commands);
        sipCommands = List.copyOf(sipCommands);
    }
}
