package org.tollgate.config.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PagerTest {

    /** A terminal that records output and answers key reads from a script. */
    static final class ScriptedTerminal implements CliTerminal {
        final StringBuilder out = new StringBuilder();
        final Deque<Integer> keys = new ArrayDeque<>();
        int mores;

        @Override
        public void write(String text) {
            out.append(text);
            if (text.equals(Pager.MORE)) {
                mores++;
            }
        }

        @Override
        public Optional<String> readSecret(String prompt) {
            return Optional.empty();
        }

        @Override
        public int readKey() {
            return keys.isEmpty() ? -1 : keys.removeFirst();
        }

        long lines(String prefix) {
            return out.toString().lines().filter(l -> l.contains(prefix)).count();
        }
    }

    private static String text(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining());
    }

    @Test
    @DisplayName("terminal length 0 writes everything without --More--")
    void noPaging() {
        ScriptedTerminal t = new ScriptedTerminal();
        assertTrue(Pager.page(text(100), 0, t));
        assertEquals(text(100), t.out.toString());
        assertEquals(0, t.mores);
    }

    @Test
    @DisplayName("space shows the next page: length-1 lines per page")
    void spaceNextPage() {
        ScriptedTerminal t = new ScriptedTerminal();
        t.keys.add((int) ' ');
        t.keys.add((int) ' ');
        assertTrue(Pager.page(text(20), 10, t));
        assertEquals(2, t.mores);
        assertEquals(20, t.lines("line "));
    }

    @Test
    @DisplayName("Return shows one more line; q stops the output")
    void returnAndQuit() {
        ScriptedTerminal t = new ScriptedTerminal();
        t.keys.add((int) '\r');
        t.keys.add((int) 'q');
        assertFalse(Pager.page(text(20), 10, t));
        assertEquals(10, t.lines("line "));
        assertFalse(t.out.toString().contains("line 11\n"));
        assertTrue(t.out.toString().contains("line 10\n"));
    }

    @Test
    @DisplayName("output shorter than a page is written without --More--")
    void shortOutput() {
        ScriptedTerminal t = new ScriptedTerminal();
        assertTrue(Pager.page(text(5), 24, t));
        assertEquals(0, t.mores);
        assertEquals(text(5), t.out.toString());
    }
}
