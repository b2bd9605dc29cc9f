package org.tollgate.lines.vpn;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.Optional;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * How {@code vpnclient} asks for a user name and password ({@code cliauth}, or when the profile has none
 * saved). The production prompt echoes the password as {@code *} on a terminal (JLine masking) and reads plain
 * lines when standard input is not a terminal; an empty result means the user gave up (end of input or
 * Ctrl+C).
 */
public interface CredentialPrompt {
    Optional<String> username(String prompt);

    Optional<String> password(String prompt);

    /** The console prompt. */
    static CredentialPrompt console(PrintStream out) {
        return new CredentialPrompt() {
            private BufferedReader plain;

            @Override
            public Optional<String> username(String prompt) {
                return read(prompt, null);
            }

            @Override
            public Optional<String> password(String prompt) {
                return read(prompt, '*');
            }

            private Optional<String> read(String prompt, Character mask) {
                if (System.console() != null) {
                    try (Terminal t = TerminalBuilder.builder().system(true).build()) {
                        LineReader r = LineReaderBuilder.builder().terminal(t).build();
                        return Optional.of(r.readLine(prompt, mask));
                    } catch (EndOfFileException | UserInterruptException e) {
                        return Optional.empty();
                    } catch (IOException e) {
                        out.println("vpnclient: cannot use the terminal: " + e.getMessage());
                    }
                }
                out.print(prompt);
                out.flush();
                try {
                    if (plain == null) {
                        plain = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()));
                    }
                    return Optional.ofNullable(plain.readLine());
                } catch (IOException e) {
                    return Optional.empty();
                }
            }
        };
    }
}
