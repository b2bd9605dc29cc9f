package org.tollgate.callcontrol.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tollgate.callcontrol.routing.DestinationPattern.Match;

class DestinationPatternTest {
    @DisplayName("IOS wildcards match complete numbers")
    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource({
            "99329, 99329, true",
            "99329, 99328, false",
            "9...., 91234, true",
            "9...., 9123, false",
            "[2-4]000, 3000, true",
            "[2-4]000, 5000, false",
            "[^2-4]000, 5000, true",
            "[^2-4]000, 3000, false",
            "[135]1, 51, true",
            "+1408, +1408, true",
            "12+3, 12223, true",
            "12+3, 13, false",
            "12%3, 13, true",
            "12%3, 1223, true",
            "12?3, 13, true",
            "12?3, 1223, false",
            "9T, 9, true",
            "9T, 9555123, true",
            "9T, 8555, false",
            "'55,12', 5512, true",
            "(12)+, 1212, true",
            "*8., *85, true",
    })
    void completeMatches(String pattern, String dialled, boolean expected) {
        assertEquals(expected, DestinationPattern.of(pattern).matchesComplete(dialled));
    }

    @Test
    @DisplayName("While collecting: prefixes are PARTIAL, exact fixed patterns FULL, T patterns FULL_EXTENSIBLE")
    void collectingMatches() {
        assertEquals(Match.PARTIAL, DestinationPattern.of("99329").match("993"));
        assertEquals(Match.FULL, DestinationPattern.of("99329").match("99329"));
        assertEquals(Match.NONE, DestinationPattern.of("99329").match("98"));
        assertEquals(Match.FULL_EXTENSIBLE, DestinationPattern.of("9T").match("95"));
        assertEquals(Match.FULL_EXTENSIBLE, DestinationPattern.of("12?").match("1"));
    }

    @Test
    @DisplayName("Invalid patterns are values with a 1-based column, never exceptions")
    void invalidPatterns() {
        assertEquals(new DestinationPattern.Invalid("invalid character 'x' in destination-pattern", 3),
                DestinationPattern.compile("12x"));
        assertInstanceOf(DestinationPattern.Invalid.class, DestinationPattern.compile("9T1"));
        assertInstanceOf(DestinationPattern.Invalid.class, DestinationPattern.compile("[12"));
        assertInstanceOf(DestinationPattern.Invalid.class, DestinationPattern.compile("%1"));
        assertInstanceOf(DestinationPattern.Invalid.class, DestinationPattern.compile(""));
    }

    @Test
    @DisplayName("Specificity ranks: explicit digits, digit sets, variable flag")
    void ranks() {
        DestinationPattern p = DestinationPattern.of("9[2-4]..T");
        assertEquals(1, p.literalDigits());
        assertEquals(1, p.classPositions());
        assertTrue(p.variable());
        assertFalse(DestinationPattern.of("99329").variable());
    }
}
