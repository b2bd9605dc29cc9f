package org.tollgate.aaa.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.aaa.local.LocalMethod;
import org.tollgate.aaa.local.LocalUsers;

/** aaa authentication login LIST method...: IOS method-list semantics. */
class MethodListTest {

    private final List<String> tried = new ArrayList<>();

    private LoginMethod scripted(String name, AuthResult result) {
        return new LoginMethod() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public CompletableFuture<AuthResult> authenticate(Credentials credentials) {
                tried.add(name);
                return CompletableFuture.completedFuture(result);
            }
        };
    }

    private static final Credentials CODE = new Credentials("786", "54321");
    private final LocalMethod local = new LocalMethod(LocalUsers.ofCleartext(Map.of("786", "54321")));

    @Test
    @DisplayName("the next method is used when the previous one is unavailable (group radius down → local)")
    void fallsBackOnUnavailable() {
        MethodList list = new MethodList("default",
                List.of(scripted("group radius", new AuthResult.Unavailable("group radius", "timeout")), local));
        assertEquals(new AuthResult.Accepted("786", "local"), list.authenticate(CODE).join());
        assertEquals(List.of("group radius"), tried);
    }

    @Test
    @DisplayName("a reject ends the list: the next method is not tried")
    void rejectStops() {
        MethodList list = new MethodList("default",
                List.of(scripted("group radius", new AuthResult.Rejected("786", "group radius")),
                        scripted("local", new AuthResult.Accepted("786", "local"))));
        assertEquals(new AuthResult.Rejected("786", "group radius"), list.authenticate(CODE).join());
        assertEquals(List.of("group radius"), tried);
    }

    @Test
    @DisplayName("an accept ends the list")
    void acceptStops() {
        MethodList list = new MethodList("default",
                List.of(scripted("a", new AuthResult.Accepted("786", "a")),
                        scripted("b", new AuthResult.Accepted("786", "b"))));
        assertEquals("a", list.authenticate(CODE).join().method());
        assertEquals(List.of("a"), tried);
    }

    @Test
    @DisplayName("all methods unavailable → the list is unavailable; an empty list is unavailable")
    void allUnavailable() {
        MethodList list = new MethodList("h323",
                List.of(scripted("a", new AuthResult.Unavailable("a", "x")),
                        scripted("b", new AuthResult.Unavailable("b", "y"))));
        assertInstanceOf(AuthResult.Unavailable.class, list.authenticate(CODE).join());
        assertEquals(List.of("a", "b"), tried);
        assertInstanceOf(AuthResult.Unavailable.class, new MethodList("e", List.of()).authenticate(CODE).join());
    }

    @Test
    @DisplayName("a method failing with an exception counts as unavailable, not as an accept")
    void exceptionIsUnavailable() {
        LoginMethod broken = new LoginMethod() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public CompletableFuture<AuthResult> authenticate(Credentials credentials) {
                return CompletableFuture.failedFuture(new IllegalStateException("bug"));
            }
        };
        MethodList list = new MethodList("default", List.of(broken, local));
        assertEquals(new AuthResult.Accepted("786", "local"), list.authenticate(CODE).join());
    }

    @Test
    @DisplayName("none accepts; the list resolution falls back from the asked list to default to the fallback")
    void noneAndResolution() {
        assertInstanceOf(AuthResult.Accepted.class, new NoneMethod().authenticate(CODE).join());
        MethodList def = new MethodList("default", List.of(local));
        MethodList fallback = new MethodList("fallback", List.of());
        assertEquals(def, new LoginAuthenticator(Map.of("default", def), fallback).resolve("h323"));
        assertEquals(fallback, new LoginAuthenticator(Map.of(), fallback).resolve("h323"));
    }

    @Test
    @DisplayName("property: the list answers with the first method that is not unavailable, trying none after it")
    void firstAnsweringMethodWins() {
        org.quicktheories.QuickTheory.qt()
                .forAll(org.quicktheories.generators.SourceDSL.lists()
                        .of(org.quicktheories.generators.SourceDSL.integers().between(0, 2)).ofSizeBetween(0, 6))
                .checkAssert(kinds -> {
                    tried.clear();
                    List<LoginMethod> methods = new ArrayList<>();
                    for (int i = 0; i < kinds.size(); i++) {
                        String name = "m" + i;
                        methods.add(scripted(name, switch (kinds.get(i)) {
                            case 0 -> new AuthResult.Accepted("786", name);
                            case 1 -> new AuthResult.Rejected("786", name);
                            default -> new AuthResult.Unavailable(name, "down");
                        }));
                    }
                    AuthResult result = new MethodList("p", methods).authenticate(CODE).join();
                    int first = kinds.indexOf(0) < 0 ? Integer.MAX_VALUE : kinds.indexOf(0);
                    first = Math.min(first, kinds.indexOf(1) < 0 ? Integer.MAX_VALUE : kinds.indexOf(1));
                    if (first == Integer.MAX_VALUE) {
                        assertInstanceOf(AuthResult.Unavailable.class, result);
                        assertEquals(kinds.size(), tried.size());
                    } else {
                        assertEquals("m" + first, result.method());
                        assertEquals(first + 1, tried.size(), "no method after the answering one is tried");
                    }
                });
    }

    @Test
    @DisplayName("credentials never show the password in their text")
    void credentialsHidePassword() {
        assertEquals(false, CODE.toString().contains("54321"));
    }
}
