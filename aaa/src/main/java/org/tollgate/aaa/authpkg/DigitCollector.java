package org.tollgate.aaa.authpkg;

import java.util.Objects;
import org.tollgate.callcontrol.auth.DigitInput;
import org.tollgate.callcontrol.auth.DigitSource;
import org.tollgate.callcontrol.auth.PromptPlayer;

/**
 * Collects one entry: {@code collect(prompt, spec)} as straight-line code (STYLE guideline 6),
 * run on the call's IVR virtual thread. See {@link CollectSpec} for the rules.
 */
public final class DigitCollector {

    private final DigitSource digits;
    private final PromptPlayer prompts;

    public DigitCollector(DigitSource digits, PromptPlayer prompts) {
        this.digits = Objects.requireNonNull(digits, "digits");
        this.prompts = Objects.requireNonNull(prompts, "prompts");
    }

    /**
     * Plays {@code prompt}, then collects digits until the entry ends.
     *
     * @throws InterruptedException when the caller hangs up (the thread is interrupted)
     */
    public CollectResult collect(String prompt, CollectSpec spec) throws InterruptedException {
        int aborts = 0;
        restart:
        while (true) {
            prompts.play(prompt);
            StringBuilder entry = new StringBuilder(spec.maxDigits());
            while (true) {
                DigitInput input = digits.next(spec.interDigitTimeout());
                switch (input) {
                    case DigitInput.Timeout timedOut -> {
                        return entry.isEmpty()
                                ? new CollectResult.NothingEntered()
                                : new CollectResult.Entered(entry.toString(), CollectResult.End.INTERDIGIT_TIMEOUT);
                    }
                    case DigitInput.Digit key -> {
                        char c = key.digit();
                        if (c == spec.abortDigit()) {
                            if (aborts++ >= spec.maxAborts()) {
                                return new CollectResult.Aborted();
                            }
                            continue restart;
                        }
                        if (spec.termDigit().isPresent() && spec.termDigit().get() == c) {
                            return new CollectResult.Entered(entry.toString(), CollectResult.End.TERMINATOR);
                        }
                        if (c >= '0' && c <= '9') {
                            entry.append(c);
                            if (entry.length() >= spec.maxDigits()) {
                                return new CollectResult.Entered(entry.toString(), CollectResult.End.MAX_DIGITS);
                            }
                        }
                        // any other key (A-D, or * / # when not configured) is ignored: digits 0-9 only
                    }
                }
            }
        }
    }
}
