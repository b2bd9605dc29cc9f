package org.tollgate.lines.vpn;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The counters of {@code vpnclient stat traffic}: bytes in (from the head end) and out, packets (relayed
 * chunks) encrypted into and decrypted from the tunnel, bypassed (always 0: only the profile's routes are
 * tunnelled, nothing else passes through the client) and discarded (connections to a route that the head end
 * refused to open). {@code stat reset} zeroes them.
 */
final class TrafficCounters {
    final AtomicLong bytesIn = new AtomicLong();
    final AtomicLong bytesOut = new AtomicLong();
    final AtomicLong encrypted = new AtomicLong();
    final AtomicLong decrypted = new AtomicLong();
    final AtomicLong bypassed = new AtomicLong();
    final AtomicLong discarded = new AtomicLong();

    void reset() {
        bytesIn.set(0);
        bytesOut.set(0);
        encrypted.set(0);
        decrypted.set(0);
        bypassed.set(0);
        discarded.set(0);
    }
}
