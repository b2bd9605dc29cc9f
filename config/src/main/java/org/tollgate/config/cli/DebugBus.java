package org.tollgate.config.cli;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Debug output, IOS style: modules {@link #emit} lines under a category ({@code "voice lpcor"},
 * {@code "modem"}, {@code "chat"} ...); every subscribed session that enabled that category
 * ({@code debug voice lpcor}) and has {@code terminal monitor} on receives the line, timestamped as
 * IOS does with {@code service timestamps debug datetime msec}: {@code *Nov 21 10:00:00.123: text}.
 * The console subscribes with monitor always on.
 *
 * <p>Unlike IOS, where {@code debug} flags are global to the router, the flags here belong to the
 * session that set them (so one operator's debugging never floods another's terminal).
 * {@link #isEnabled} is cheap so that producers can skip building lines nobody reads.
 * Thread-safe; delivery runs on the emitting thread and must not block (sinks queue or write
 * to a socket buffer).
 */
public final class DebugBus {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("MMM d HH:mm:ss.SSS", Locale.ENGLISH);

    private final Clock clock;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

    public DebugBus(Clock clock) {
        this.clock = clock;
    }

    /** A session's debug state: its enabled categories, its monitor flag and where lines go. */
    public final class Subscriber implements AutoCloseable {
        private final Set<String> enabled = ConcurrentHashMap.newKeySet();
        private final Consumer<String> sink;
        private volatile boolean monitor;

        private Subscriber(Consumer<String> sink, boolean monitor) {
            this.sink = sink;
            this.monitor = monitor;
        }

        public void enable(String category) {
            enabled.add(category);
        }

        public void disable(String category) {
            enabled.remove(category);
        }

        public void disableAll() {
            enabled.clear();
        }

        public Set<String> enabled() {
            return Set.copyOf(enabled);
        }

        public void monitor(boolean on) {
            monitor = on;
        }

        public boolean monitor() {
            return monitor;
        }

        @Override
        public void close() {
            subscribers.remove(this);
        }
    }

    /** Registers a session; {@code sink} receives whole timestamped lines without a line terminator. */
    public Subscriber subscribe(Consumer<String> sink, boolean monitor) {
        Subscriber s = new Subscriber(sink, monitor);
        subscribers.add(s);
        return s;
    }

    /** Whether any session would receive a line of this category now. */
    public boolean isEnabled(String category) {
        for (Subscriber s : subscribers) {
            if (s.monitor && s.enabled.contains(category)) {
                return true;
            }
        }
        return false;
    }

    /** Sends one debug line of {@code category} to every session that wants it. */
    public void emit(String category, String line) {
        String stamped = null;
        for (Subscriber s : subscribers) {
            if (s.monitor && s.enabled.contains(category)) {
                if (stamped == null) {
                    stamped = "*" + STAMP.format(clock.instant().atZone(zoneOf(clock))) + ": " + line;
                }
                s.sink.accept(stamped);
            }
        }
    }

    private static ZoneId zoneOf(Clock clock) {
        return clock.getZone();
    }
}
