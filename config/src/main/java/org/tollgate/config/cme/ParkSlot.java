package org.tollgate.config.cme;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code park-slot [timeout S limit N] [recall] [transfer NUMBER]} on an ephone-dn: the number is a
 * call-park slot.
 *
 * @param timeoutSeconds reminder interval while a call is parked (1-65535 s); empty = never
 * @param limit number of reminders before recall or disconnect (1-65535); present with the timeout
 * @param recall after the limit, ring the phone that parked the call (else disconnect)
 * @param transfer after the limit, send the call to this number instead of the parker
 */
public record ParkSlot(OptionalInt timeoutSeconds, OptionalInt limit, boolean recall, Optional<String> transfer) {
    public ParkSlot {
        java.util.Objects.requireNonNull(transfer, "transfer");
    }

    /** Without {@code transfer}. */
    public ParkSlot(OptionalInt timeoutSeconds, OptionalInt limit, boolean recall) {
        this(timeoutSeconds, limit, recall, Optional.empty());
    }
}
