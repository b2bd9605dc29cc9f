package org.tollgate.cdr.sink.radius;

/**
 * One RADIUS accounting attribute as plain data, so that {@code cdr} needs no RADIUS library (the
 * gateway's {@link RadiusAccountingPort} turns these into packets).
 */
public sealed interface AccountingAttribute {
    /** A standard (RFC 2865/2866) attribute with a string value, e.g. {@code Acct-Session-Id} (44). */
    record Text(int type, String value) implements AccountingAttribute {
    }

    /** A standard attribute with an integer value, e.g. {@code Acct-Status-Type} (40), {@code Acct-Delay-Time} (41). */
    record Number(int type, long value) implements AccountingAttribute {
    }

    /**
     * A Cisco (vendor 9) VSA with a string value already in {@code name=value} form: {@code
     * h323-disconnect-cause=3F} in VSA 30, {@code fac-digits=786} in {@code Cisco-AVPair} (1).
     */
    record CiscoVsa(int vendorType, String value) implements AccountingAttribute {
    }
}
