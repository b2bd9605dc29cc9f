package org.tollgate.lines.exec;

import org.tollgate.config.secret.Secret;

/** How a line authenticates before EXEC (IOS {@code login local}, {@code login} + line password, none). */
public sealed interface LoginMode {

    /** No {@code login} on the line: straight to the prompt (IOS {@code no login}). */
    record None() implements LoginMode {
    }

    /** {@code login local}: {@code Username:}/{@code Password:} against the {@code username} entries. */
    record Local() implements LoginMode {
    }

    /** {@code login} with the line's {@code password}. */
    record LinePassword(Secret password) implements LoginMode {
    }

    /** The transport already authenticated this user (SSH password authentication). */
    record Authenticated(String user) implements LoginMode {
    }
}
