package org.tollgate.lines.chat;

/** How a chat script ended. Expected outcomes, never exceptions. */
public sealed interface ChatResult {

    /** Every expect matched and every send was written. */
    record Success() implements ChatResult {
    }

    /** An {@code ABORT} string arrived (for example {@code BUSY}, {@code ERROR}). */
    record Aborted(String abortString) implements ChatResult {
    }

    /** The expect (and all its sub-pairs) did not arrive within the {@code TIMEOUT}. */
    record Timeout(String expected) implements ChatResult {
    }

    /** The serial line failed (closed, unplugged). */
    record IoFailure(String message) implements ChatResult {
    }

    /** The script was stopped from outside ({@code clear line}, shutdown). */
    record Cancelled() implements ChatResult {
    }

    /** The IOS {@code debug chat} status text: {@code Chat script NAME finished, status = ...}. */
    default String statusText() {
        return switch (this) {
            case Success s -> "Success";
            case Aborted a -> "Abort string " + a.abortString() + " received";
            case Timeout t -> "Connection timed out; remote host not responding";
            case IoFailure f -> "I/O failure: " + f.message();
            case Cancelled c -> "Cancelled";
        };
    }
}
