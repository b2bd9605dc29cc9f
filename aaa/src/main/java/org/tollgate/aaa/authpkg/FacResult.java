package org.tollgate.aaa.authpkg;

import java.time.Instant;
import java.util.Objects;
import org.tollgate.callcontrol.record.FacStatus;

/**
 * The outcome of the FAC authorization application for one call. It carries the FAC digits (the
 * code the caller keyed, for the CDR {@code fac-digits} and {@code show call}) and never the
 * password digits.
 */
public sealed interface FacResult {

    /** The code keyed (last attempt), empty when none was keyed. */
    String facDigits();

    /** The {@code fac-status} for records (call control's record type). */
    default FacStatus status() {
        return switch (this) {
            case Success s -> FacStatus.SUCCESS;
            case Failure f -> FacStatus.FAILURE;
            case LockedOut l -> FacStatus.FAILURE;
            case Aborted a -> FacStatus.ABORTED;
            case TimedOut t -> FacStatus.TIMED_OUT;
            case Unavailable u -> FacStatus.UNAVAILABLE;
            case HungUp h -> FacStatus.CALLER_HUNG_UP;
        };
    }

    /** The code was accepted by the login method list. */
    record Success(String facDigits, String method) implements FacResult {
        public Success {
            Objects.requireNonNull(facDigits, "facDigits");
            Objects.requireNonNull(method, "method");
        }
    }

    /** The code was rejected on every try (after {@code max-retries}). */
    record Failure(String facDigits, int attempts) implements FacResult {
        public Failure {
            Objects.requireNonNull(facDigits, "facDigits");
        }
    }

    /** The caller is locked out after too many failures; nothing was prompted or asked. */
    record LockedOut(Instant until) implements FacResult {
        public LockedOut {
            Objects.requireNonNull(until, "until");
        }

        @Override
        public String facDigits() {
            return "";
        }
    }

    /** The caller aborted the entry more often than allowed. */
    record Aborted(String facDigits) implements FacResult {
        public Aborted {
            Objects.requireNonNull(facDigits, "facDigits");
        }
    }

    /** Nothing was keyed within the inter-digit timeout, on every try. */
    record TimedOut(String facDigits) implements FacResult {
        public TimedOut {
            Objects.requireNonNull(facDigits, "facDigits");
        }
    }

    /** Every method of the login list was unavailable (e.g. RADIUS down and no fallback). */
    record Unavailable(String facDigits, String reason) implements FacResult {
        public Unavailable {
            Objects.requireNonNull(facDigits, "facDigits");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The caller hung up while the application ran. */
    record HungUp(String facDigits) implements FacResult {
        public HungUp {
            Objects.requireNonNull(facDigits, "facDigits");
        }
    }
}
