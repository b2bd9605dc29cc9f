package org.tollgate.callcontrol.adapter;

import java.util.Optional;

import org.tollgate.callcontrol.call.Caller;

/**
 * A configured endpoint with its number and LPCOR groups: a voice-port ({@code 0/1/0}), an ephone
 * line ({@code ephone 102}) or a SIP phone line ({@code voice register pool 1}).
 *
 * @param lpcorIncoming the group of calls made from it (checked against the callee's policy)
 * @param lpcorOutgoing the group whose policy applies to calls made to it
 */
public record Endpoint(String name, String number, String displayName, Optional<String> lpcorIncoming,
                       Optional<String> lpcorOutgoing) {
    /** The {@link Caller} for a call this endpoint makes. */
    public Caller caller() {
        return new Caller(name, number, displayName, lpcorIncoming);
    }
}
