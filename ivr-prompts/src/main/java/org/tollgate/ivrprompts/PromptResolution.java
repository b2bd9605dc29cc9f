package org.tollgate.ivrprompts;

import java.util.List;

/** Outcome of resolving a prompt URL. */
public sealed interface PromptResolution {
    /** Where a found prompt came from. */
    enum Origin {
        /** The configured prompt directory (operator-supplied recordings). */
        DIRECTORY,
        /** The English prompts bundled in this module. */
        BUNDLED
    }

    /** The prompt's file bytes (a {@code .au} file; decode with the dsp module's {@code AudioFiles}). */
    record Found(String name, Origin origin, byte[] bytes) implements PromptResolution {}

    /** A well-formed URL naming a prompt that is in neither place. */
    record NotFound(String name, List<String> searched) implements PromptResolution {}

    /** Not a {@code flash:NAME.au} URL; {@code column} (1-based) is where the problem starts. */
    record BadUrl(String url, String reason, int column) implements PromptResolution {}
}
