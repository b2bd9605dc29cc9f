package org.tollgate.callcontrol.cause;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class Q850CauseTest {
    @Test
    @DisplayName("Causes render in IOS hex: 63 -> 3F, 16 -> 10, 28 -> 1C")
    void hex() {
        assertEquals("3F", Q850Cause.of(63).hex());
        assertEquals("10", Q850Cause.of(16).hex());
        assertEquals("1C", Q850Cause.of(28).hex());
    }

    @Test
    @DisplayName("DisconnectText form: 'normal call clearing (16)'")
    void describe() {
        assertEquals("normal call clearing (16)", Q850Cause.NORMAL_CALL_CLEARING.describe());
    }

    @Test
    @DisplayName("call-block cause parses numbers 1..180 and keywords such as invalid-number (28)")
    void parse() {
        assertEquals(Optional.of(Q850Cause.of(28)), Q850Cause.parse("invalid-number"));
        assertEquals(Optional.of(Q850Cause.of(180)), Q850Cause.parse("180"));
        assertTrue(Q850Cause.parse("181").isEmpty());
        assertTrue(Q850Cause.parse("no-such-cause").isEmpty());
    }
}
