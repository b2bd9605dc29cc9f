package org.tollgate.lines.chat;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One step of a parsed chat script, in script order. Keywords ({@code ABORT}, {@code TIMEOUT}) take effect
 * where they appear, for every expect after them, as in IOS and chat(8).
 */
public sealed interface ChatStep {

    /** {@code ABORT text}: the script fails as soon as {@code text} arrives while an expect is waiting. */
    record Abort(String text, String source) implements ChatStep {
        public Abort {
            Objects.requireNonNull(text);
            Objects.requireNonNull(source);
        }
    }

    /** {@code TIMEOUT n}: the wait of every later expect (default {@link ChatScript#DEFAULT_TIMEOUT}). */
    record Timeout(Duration length) implements ChatStep {
        public Timeout {
            Objects.requireNonNull(length);
        }
    }

    /**
     * An expect string with its expect-send-expect sub-pairs ({@code ssword:-\r-ssword}): when
     * {@code text} does not arrive in time, each fallback in turn sends its string and expects again.
     *
     * @param text      the bytes to wait for (ISO-8859-1 chars); empty = expect nothing ({@code ""})
     * @param source    the token as written, for {@code debug chat}
     * @param fallbacks the sub-pairs, tried in order after a timeout
     */
    record Expect(String text, String source, List<Fallback> fallbacks) implements ChatStep {
        public Expect {
            Objects.requireNonNull(text);
            Objects.requireNonNull(source);
            fallbacks = List.copyOf(fallbacks);
        }
    }

    /** One expect-send-expect sub-pair: send {@code send}, then expect {@code text}. */
    record Fallback(Send send, String text, String source) {
        public Fallback {
            Objects.requireNonNull(send);
            Objects.requireNonNull(text);
            Objects.requireNonNull(source);
        }
    }

    /**
     * A send string.
     *
     * @param parts          text, the dial string ({@code \T}), pauses ({@code \d}, {@code \p}), BREAK ({@code \K})
     * @param carriageReturn whether a CR follows (every send ends with CR unless it contains {@code \c})
     * @param source         the token as written, for {@code debug chat}
     */
    record Send(List<SendPart> parts, boolean carriageReturn, String source) implements ChatStep {
        public Send {
            parts = List.copyOf(parts);
            Objects.requireNonNull(source);
        }
    }

    /** A piece of a send string. */
    sealed interface SendPart {
        /** Literal characters (ISO-8859-1), escapes already resolved. */
        record Text(String text) implements SendPart {
        }

        /** {@code \T}: replaced by the dial string given when the script runs. */
        record DialString() implements SendPart {
        }

        /** {@code \d} (2 s) or {@code \p} (0.25 s). */
        record Pause(Duration length) implements SendPart {
        }

        /** {@code \K}: a BREAK on the line. */
        record Break() implements SendPart {
        }
    }
}
