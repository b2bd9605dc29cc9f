package org.tollgate.aaa.authpkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.aaa.testing.DigitQueue;
import org.tollgate.aaa.testing.RecordingPrompts;
import org.tollgate.callcontrol.time.ManualScheduler;

/** Spec fac-lpcor §3 and §4: how one FAC entry is collected. */
class DigitCollectorTest {

    private static final Duration INTERDIGIT = Duration.ofSeconds(10);
    private static final CollectSpec HASH_TERMINATED = new CollectSpec(32, Optional.of('#'), '*', INTERDIGIT, 3);

    private final ManualScheduler timers = new ManualScheduler();
    private final DigitQueue queue = new DigitQueue(timers);
    private final RecordingPrompts prompts = new RecordingPrompts();
    private final DigitCollector collector = new DigitCollector(queue, prompts);

    private void type(String keys) {
        for (char c : keys.toCharArray()) {
            assertTrue(queue.offer(c), "key accepted: " + c);
        }
    }

    private CompletableFuture<CollectResult> collectAsync(String prompt, CollectSpec spec) {
        CompletableFuture<CollectResult> result = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                result.complete(collector.collect(prompt, spec));
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result;
    }

    @Test
    @DisplayName("the terminating digit ends the entry and is not part of it (786#)")
    void termDigitEndsEntry() throws Exception {
        type("786#");
        CollectResult result = collector.collect("flash:user.au", HASH_TERMINATED);
        assertEquals(new CollectResult.Entered("786", CollectResult.End.TERMINATOR), result);
        assertEquals(List.of("flash:user.au"), prompts.played());
    }

    @Test
    @DisplayName("max-digits ends the entry; later keys stay queued for the next entry")
    void maxDigitsEndsEntry() throws Exception {
        type("12345");
        CollectSpec three = new CollectSpec(3, Optional.of('#'), '*', INTERDIGIT, 3);
        assertEquals(new CollectResult.Entered("123", CollectResult.End.MAX_DIGITS), collector.collect("p", three));
        type("#");
        assertEquals(new CollectResult.Entered("45", CollectResult.End.TERMINATOR), collector.collect("p", three));
    }

    @Test
    @DisplayName("the abort digit discards the entry so far and restarts it with the prompt again")
    void abortRestartsEntry() throws Exception {
        type("99*786#");
        assertEquals(new CollectResult.Entered("786", CollectResult.End.TERMINATOR),
                collector.collect("flash:user.au", HASH_TERMINATED));
        assertEquals(List.of("flash:user.au", "flash:user.au"), prompts.played());
    }

    @Test
    @DisplayName("more aborts than the restart limit end the entry as aborted")
    void tooManyAbortsAbort() throws Exception {
        type("1*2*3*4*");
        assertInstanceOf(CollectResult.Aborted.class, collector.collect("p", HASH_TERMINATED));
        assertEquals(4, prompts.played().size(), "prompt played initially and after each of the 3 allowed restarts");
    }

    @Test
    @DisplayName("only digits 0-9 are entered: A-D and unconfigured * / # are ignored")
    void onlyDecimalDigits() throws Exception {
        type("7A8B#");
        assertEquals(new CollectResult.Entered("78", CollectResult.End.TERMINATOR), collector.collect("p", HASH_TERMINATED));
        CollectSpec noTerminatorAbortOnA = new CollectSpec(3, Optional.empty(), 'A', INTERDIGIT, 0);
        type("5*#C67");
        assertEquals(new CollectResult.Entered("567", CollectResult.End.MAX_DIGITS),
                collector.collect("p", noTerminatorAbortOnA));
    }

    @Test
    @DisplayName("the inter-digit timeout after some digits ends the entry with those digits (fake clock)")
    void interDigitTimeoutEndsEntry() throws Exception {
        type("78");
        CompletableFuture<CollectResult> result = collectAsync("p", HASH_TERMINATED);
        assertTrue(timers.awaitScheduled(1, Duration.ofSeconds(10)), "timer 1 armed");
        timers.advance(INTERDIGIT.minusMillis(1));
        assertFalse(result.isDone(), "not before the timeout");
        timers.advance(Duration.ofMillis(1));
        assertEquals(new CollectResult.Entered("78", CollectResult.End.INTERDIGIT_TIMEOUT),
                result.get(10, TimeUnit.SECONDS));
    }

    @Test
    @DisplayName("a key restarts the inter-digit timer")
    void keyRestartsTimer() throws Exception {
        CompletableFuture<CollectResult> result = collectAsync("p", HASH_TERMINATED);
        assertTrue(timers.awaitScheduled(1, Duration.ofSeconds(10)), "timer 1 armed");
        timers.advance(Duration.ofSeconds(9));
        type("7");
        assertTrue(timers.awaitScheduled(2, Duration.ofSeconds(10)), "timer 2 armed");
        timers.advance(Duration.ofSeconds(9));
        assertFalse(result.isDone(), "9 s after the key the entry is still open");
        timers.advance(Duration.ofSeconds(1));
        assertEquals(new CollectResult.Entered("7", CollectResult.End.INTERDIGIT_TIMEOUT),
                result.get(10, TimeUnit.SECONDS));
    }

    @Test
    @DisplayName("the timeout before any digit means nothing was entered")
    void timeoutWithoutDigits() throws Exception {
        CompletableFuture<CollectResult> result = collectAsync("p", HASH_TERMINATED);
        assertTrue(timers.awaitScheduled(1, Duration.ofSeconds(10)), "timer 1 armed");
        timers.advance(INTERDIGIT);
        assertInstanceOf(CollectResult.NothingEntered.class, result.get(10, TimeUnit.SECONDS));
    }

    @Test
    @DisplayName("the digit queue refuses non-DTMF keys and keeps at most its capacity")
    void queueBounds() {
        assertFalse(queue.offer('x'));
        for (int i = 0; i < DigitQueue.CAPACITY; i++) {
            assertTrue(queue.offer('1'));
        }
        assertFalse(queue.offer('1'), "full");
    }

    @Test
    @DisplayName("property: for any digits and max-digits, the entry is the first max-digits digits of the input")
    void entryIsPrefixOfInput() {
        qt().forAll(lists().of(integers().between(0, 9)).ofSizeBetween(1, 40), integers().between(1, 32))
                .checkAssert((digitList, max) -> {
                    StringBuilder sb = new StringBuilder();
                    digitList.forEach(sb::append);
                    String clean = sb.toString();
                    DigitQueue q = new DigitQueue(new ManualScheduler());
                    clean.chars().forEach(c -> q.offer((char) c));
                    q.offer('#');
                    CollectSpec spec = new CollectSpec(max, Optional.of('#'), '*', INTERDIGIT, 3);
                    try {
                        CollectResult r = new DigitCollector(q, url -> { }).collect("p", spec);
                        String expected = clean.length() >= max ? clean.substring(0, max) : clean;
                        CollectResult.End end = clean.length() >= max ? CollectResult.End.MAX_DIGITS
                                : CollectResult.End.TERMINATOR;
                        assertEquals(new CollectResult.Entered(expected, end), r);
                    } catch (InterruptedException e) {
                        throw new AssertionError(e);
                    }
                });
    }
}
