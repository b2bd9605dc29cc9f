package org.tollgate.aaa.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.aaa.method.AuthResult;
import org.tollgate.aaa.method.Credentials;

/** The local method: username CODE password 0 PASSWORD. */
class LocalMethodTest {

    private final LocalMethod local = new LocalMethod(LocalUsers.ofCleartext(Map.of("786", "54321")));

    @Test
    @DisplayName("right code and password → accepted")
    void accepts() {
        assertEquals(new AuthResult.Accepted("786", "local"), local.authenticate(new Credentials("786", "54321")).join());
    }

    @Test
    @DisplayName("wrong password or unknown code → rejected (the list stops)")
    void rejects() {
        assertEquals(new AuthResult.Rejected("786", "local"), local.authenticate(new Credentials("786", "5432")).join());
        assertEquals(new AuthResult.Rejected("787", "local"), local.authenticate(new Credentials("787", "54321")).join());
    }

    @Test
    @DisplayName("no usernames configured → unavailable (IOS: an empty local database is an error)")
    void emptyIsUnavailable() {
        assertInstanceOf(AuthResult.Unavailable.class,
                new LocalMethod(LocalUsers.ofCleartext(Map.of())).authenticate(new Credentials("1", "2")).join());
    }

    @Test
    @DisplayName("property: a cleartext check matches exactly its own password")
    void checkMatchesOnlyItself() {
        qt().forAll(strings().allPossible().ofLengthBetween(0, 20), strings().allPossible().ofLengthBetween(0, 20))
                .checkAssert((a, b) -> {
                    PasswordCheck check = LocalUsers.cleartextCheck(a);
                    assertEquals(true, check.matches(a));
                    assertEquals(a.equals(b), check.matches(b));
                });
    }
}
