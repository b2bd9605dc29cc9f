package org.tollgate.cdr.sink;

/** The outcome of {@link CdrSink#deliver}: how many entries from the head were acknowledged. */
public sealed interface Delivery {
    /** How many entries, from the head of the batch, are acknowledged. */
    int delivered();

    /** Every entry of the batch was acknowledged. */
    record All(int delivered) implements Delivery {
    }

    /** Only the first {@code delivered} were; the next one failed for {@code reason}. */
    record Partial(int delivered, String reason) implements Delivery {
    }
}
