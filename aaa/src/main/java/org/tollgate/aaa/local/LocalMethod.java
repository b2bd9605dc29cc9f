package org.tollgate.aaa.local;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.tollgate.aaa.method.AuthResult;
import org.tollgate.aaa.method.Credentials;
import org.tollgate.aaa.method.LoginMethod;

/**
 * The IOS {@code local} login method: the local username database.
 *
 * <ul>
 *   <li>known user, right password → accepted;</li>
 *   <li>known user, wrong password, or unknown user → rejected (the list stops, as in IOS);</li>
 *   <li>no usernames configured at all → unavailable, so the next method is tried (IOS treats an
 *       empty local database as an error, not a failure).</li>
 * </ul>
 * An unknown user is still compared against a dummy password, so the answer takes the same time
 * whether or not the name exists. The users come from a supplier so a configuration swap takes
 * effect on the next attempt. The check runs on a virtual thread, since a hashed secret (type 8/9:
 * PBKDF2, scrypt) is deliberately slow and the caller may be a signaling thread.
 */
public final class LocalMethod implements LoginMethod {

    private static final PasswordCheck DUMMY = LocalUsers.cleartextCheck("\u0000no-such-user");

    private static final Executor CHECKS = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("local-login-", 0).factory());

    private final Supplier<LocalUsers> users;

    public LocalMethod(Supplier<LocalUsers> users) {
        this.users = Objects.requireNonNull(users, "users");
    }

    public LocalMethod(LocalUsers users) {
        this(() -> users);
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public CompletableFuture<AuthResult> authenticate(Credentials credentials) {
        return CompletableFuture.supplyAsync(() -> check(credentials), CHECKS);
    }

    private AuthResult check(Credentials credentials) {
        LocalUsers database = users.get();
        if (database.isEmpty()) {
            return new AuthResult.Unavailable(name(), "no local usernames configured");
        }
        PasswordCheck check = database.user(credentials.username()).orElse(null);
        boolean matches = (check != null ? check : DUMMY).matches(credentials.password());
        AuthResult result = check != null && matches
                ? new AuthResult.Accepted(credentials.username(), name())
                : new AuthResult.Rejected(credentials.username(), name());
        return result;
    }
}
