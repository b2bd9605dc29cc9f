package org.tollgate.aaa.method;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The configured {@code aaa authentication login} lists by name, and the lookup rule the auth
 * package uses.
 *
 * <p>Without {@code aaa new-model} IOS has no method lists; {@code fallback} stands for the
 * pre-AAA behaviour (for the FAC application: the local username database).
 */
public final class LoginAuthenticator {

    private final Map<String, MethodList> lists;
    private final MethodList fallback;

    /**
     * @param lists configured lists by name
     * @param fallback the list used when a requested list and {@code default} are both missing
     */
    public LoginAuthenticator(Map<String, MethodList> lists, MethodList fallback) {
        this.lists = Map.copyOf(lists);
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    /** The configured list of that name, if any. */
    public Optional<MethodList> list(String name) {
        return Optional.ofNullable(lists.get(name));
    }

    /**
     * The list used for {@code preferred}: that list if configured, else {@code default}, else the
     * fallback. (Cisco voice applications use the {@code h323} list; the auth package asks for it.)
     */
    public MethodList resolve(String preferred) {
        MethodList list = lists.get(preferred);
        if (list == null) {
            list = lists.get("default");
        }
        return list != null ? list : fallback;
    }

    /** Authenticates through {@link #resolve(String) resolve(listName)}. */
    public CompletableFuture<AuthResult> authenticate(String listName, Credentials credentials) {
        return resolve(listName).authenticate(credentials);
    }
}
