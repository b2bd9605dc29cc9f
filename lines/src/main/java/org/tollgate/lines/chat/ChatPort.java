package org.tollgate.lines.chat;

import java.io.IOException;

/** The line a chat script talks to. Input reaches the script through {@link ChatRunner#onInput}. */
public interface ChatPort {

    void write(byte[] data) throws IOException;

    /** Sends a BREAK ({@code \K}). Ports that cannot send BREAK throw {@link IOException}. */
    void sendBreak() throws IOException;
}
