package org.tollgate.config;

import java.util.List;

/** Outcome of parsing or applying configuration text: all of it, or nothing. */
public sealed interface ParseResult {

    /** Every line was valid: the new configuration and any warnings. */
    record Ok(GatewayConfig config, List<ConfigWarning> warnings) implements ParseResult {
        public Ok {
            warnings = List.copyOf(warnings);
        }
    }

    /** At least one error: nothing was applied. Errors are in line order. */
    record Failed(List<ConfigError> errors) implements ParseResult {
        public Failed {
            errors = List.copyOf(errors);
        }
    }
}
