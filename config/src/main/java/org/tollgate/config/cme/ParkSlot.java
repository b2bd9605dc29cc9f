package org.tollgate.config.cme;

import java.util.OptionalInt;

/**
 * {@code park-slot [timeout S limit N] [recall]} on an ephone-dn: the number is a call-park slot.
 *
 * @param timeoutSeconds reminder interval while a call is parked (1-65535 s); empty = never
 * @param limit number of reminders before recall or disconnect (1-65535); present with the timeout
 * @param recall after the limit, ring the phone that parked the call (else disconnect)
 */
public record ParkSlot(OptionalInt timeoutSeconds, OptionalInt limit, boolean recall) {
}
