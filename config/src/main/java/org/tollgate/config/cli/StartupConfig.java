package org.tollgate.config.cli;

import java.io.IOException;
import java.util.Optional;

/** Where the startup configuration lives ({@code show startup-config}, {@code write memory}). */
public interface StartupConfig {
    /** The saved text, or empty when there is none. */
    Optional<String> read() throws IOException;

    /** Replaces the saved text atomically (a reader never sees a half-written file). */
    void write(String text) throws IOException;

    /** Where it is, for {@code show version} ({@code Configuration file is ...}). */
    String location();

    /** No saved configuration: {@link #read} is empty and {@link #write} keeps nothing (tests, fixtures). */
    static StartupConfig none(String location) {
        return new StartupConfig() {
            @Override
            public Optional<String> read() {
                return Optional.empty();
            }

            @Override
            public void write(String text) {
            }

            @Override
            public String location() {
                return location;
            }
        };
    }
}
