package org.tollgate.callcontrol.call;

import java.util.Objects;
import java.util.Optional;

/**
 * The calling endpoint of a call: {@code endpoint} names it ({@code 0/1/0}, {@code ephone 102},
 * {@code dial-peer 100}); {@code lpcorIncoming} is its {@code lpcor incoming} group.
 */
public record Caller(String endpoint, String number, String name, Optional<String> lpcorIncoming) {
    public Caller {
        Objects.requireNonNull(endpoint, "endpoint");
        number = number == null ? "" : number;
        name = name == null ? "" : name;
        Objects.requireNonNull(lpcorIncoming, "lpcorIncoming");
    }
}
