package org.tollgate.config.cli;

import java.util.Optional;

/**
 * What the command framework needs from the terminal a session runs on; implemented by each
 * transport (telnet, SSH, console, modem line). Text uses {@code \n}; the transport turns it into
 * what its wire needs ({@code \r\n} for network virtual terminals).
 */
public interface CliTerminal {

    /** Writes text as is. */
    void write(String text);

    /** Prompts and reads one line without echo (passwords); empty at end of input or on ^C. */
    Optional<String> readSecret(String prompt);

    /** Reads one key press for the {@code --More--} pager; -1 at end of input. */
    int readKey();

    /** Terminal width in columns (80 when unknown). */
    default int width() {
        return 80;
    }
}
