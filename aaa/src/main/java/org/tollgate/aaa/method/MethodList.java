package org.tollgate.aaa.method;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@code aaa authentication login NAME method1 [method2 ...]} list.
 *
 * <p>Methods are tried in order. The next method is used only when the previous one is
 * {@link AuthResult.Unavailable unavailable}; an accept or a reject ends the list, as IOS does
 * ("if a method fails to respond ... the next method is tried; a FAIL response stops the list").
 * When every method is unavailable the list's result is {@link AuthResult.Unavailable} naming the
 * list. An empty list is unavailable.
 *
 * @param name the list name ({@code default}, {@code h323}, ...)
 * @param methods the methods in configured order
 */
public record MethodList(String name, List<LoginMethod> methods) {

    private static final Logger LOG = LoggerFactory.getLogger(MethodList.class);

    public MethodList {
        Objects.requireNonNull(name, "name");
        methods = List.copyOf(methods);
    }

    /** Runs the list; never blocks, never completes exceptionally for expected outcomes. */
    public CompletableFuture<AuthResult> authenticate(Credentials credentials) {
        return tryFrom(0, credentials, "no methods in list " + name);
    }

    private CompletableFuture<AuthResult> tryFrom(int index, Credentials credentials, String lastReason) {
        if (index >= methods.size()) {
            return CompletableFuture.completedFuture(
                    new AuthResult.Unavailable("list " + name, "all methods unavailable: " + lastReason));
        }
        LoginMethod method = methods.get(index);
        return method.authenticate(credentials)
                .exceptionally(failure -> new AuthResult.Unavailable(method.name(), "error: " + failure))
                .thenCompose(result -> switch (result) {
                    case AuthResult.Accepted accepted -> CompletableFuture.completedFuture(result);
                    case AuthResult.Rejected rejected -> CompletableFuture.completedFuture(result);
                    case AuthResult.Unavailable unavailable -> {
                        LOG.info("login list {}: method {} unavailable ({}), trying next", name,
                                unavailable.method(), unavailable.reason());
                        yield tryFrom(index + 1, credentials, unavailable.method() + ": " + unavailable.reason());
                    }
                });
    }

    @Override
    public String toString() {
        return "MethodList[" + name + " " + methods.stream().map(LoginMethod::name).toList() + "]";
    }
}
