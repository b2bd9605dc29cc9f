package org.tollgate.config.cli;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.tollgate.config.GatewayConfig;

/**
 * The running configuration: one immutable {@link GatewayConfig} snapshot, swapped atomically.
 * Components read {@link #get()} whenever they need it (or are handed a supplier), and may
 * {@link #observe} changes to rebuild what they derive from it. Observers run on the thread that
 * applied the change, after the swap, in registration order.
 */
public final class ConfigHolder {

    /**
     * One applied change.
     *
     * @param user   who applied it ({@code "startup"} for the file at start-up)
     * @param source where it came from: {@code file:PATH}, {@code vty 0}, {@code con 0} ...
     * @param text   the configuration text as printed after the change
     */
    public record Change(GatewayConfig previous, GatewayConfig current, String user, String source, String text) {
    }

    private final AtomicReference<GatewayConfig> current;
    private final List<Consumer<Change>> observers = new CopyOnWriteArrayList<>();

    public ConfigHolder(GatewayConfig initial) {
        this.current = new AtomicReference<>(Objects.requireNonNull(initial));
    }

    public GatewayConfig get() {
        return current.get();
    }

    /** Replaces the running configuration and tells the observers. */
    public void apply(GatewayConfig next, String user, String source, String text) {
        GatewayConfig previous = current.getAndSet(Objects.requireNonNull(next));
        Change change = new Change(previous, next, user, source, text);
        for (Consumer<Change> o : observers) {
            o.accept(change);
        }
    }

    public void observe(Consumer<Change> observer) {
        observers.add(observer);
    }
}
