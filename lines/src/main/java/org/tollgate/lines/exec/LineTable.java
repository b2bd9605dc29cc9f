package org.tollgate.lines.exec;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.tollgate.config.cli.LineDirectory;

/**
 * The gateway's terminal lines in use, for {@code show users} and for bounding vty sessions.
 *
 * <p>IOS numbering: {@code con 0} is line 0, the tty lines keep their configured numbers, {@code aux 0}
 * follows the last tty line, and the vty lines follow aux ({@link #vtyBase}). Any line service (the
 * console, telnet/SSH, the modem lines of EXEC callback) {@link #claim claims} a line for the time
 * a session runs on it and {@link Slot#close() releases} it after.
 */
public final class LineTable implements LineDirectory {
    private final Clock clock;
    private final ConcurrentMap<Integer, Slot> active = new ConcurrentHashMap<>();

    public LineTable(Clock clock) {
        this.clock = clock;
    }

    /** One claimed line. */
    public final class Slot implements AutoCloseable {
        private final int number;
        private final String name;
        private final String location;
        private volatile String user = "";
        private volatile Instant lastInput;
        private volatile Duration idleLimit = Duration.ZERO;
        private volatile Runnable onIdle = () -> { };
        private volatile boolean expired;

        private Slot(int number, String name, String location) {
            this.number = number;
            this.name = name;
            this.location = location;
            this.lastInput = clock.instant();
        }

        public int number() {
            return number;
        }

        public String name() {
            return name;
        }

        public String location() {
            return location;
        }

        public void user(String name) {
            user = name;
        }

        public String user() {
            return user;
        }

        /** Records input now (resets the idle time). */
        public void touch() {
            lastInput = clock.instant();
        }

        /**
         * IOS {@code exec-timeout}: when no input arrives for {@code limit}, {@link #expireIdle()} runs
         * {@code action} (once), which should disconnect the session. {@link Duration#ZERO} = never.
         */
        public void idleTimeout(Duration limit, Runnable action) {
            idleLimit = limit;
            onIdle = action;
        }

        @Override
        public void close() {
            active.remove(number, this);
        }
    }

    /** The first vty line's absolute number: after {@code aux 0}, which follows the last tty line. */
    public static int vtyBase(int lastTtyLine) {
        return Math.max(0, lastTtyLine) + 2;
    }

    /** Claims line {@code number} named {@code name}; empty when it is in use. */
    public Optional<Slot> claim(int number, String name, String location) {
        Slot s = new Slot(number, name, location);
        return active.putIfAbsent(number, s) == null ? Optional.of(s) : Optional.empty();
    }

    /**
     * Claims the first free vty among {@code vty first..last} (absolute numbers from {@code base});
     * empty when all are busy.
     */
    public Optional<Slot> claimVty(int base, int first, int last, String location) {
        for (int v = first; v <= last; v++) {
            Optional<Slot> s = claim(base + v, "vty " + v, location);
            if (s.isPresent()) {
                return s;
            }
        }
        return Optional.empty();
    }

    /**
     * Runs the idle action of every line whose {@code exec-timeout} has passed (each at most once);
     * the gateway calls this periodically. Returns how many lines expired now.
     */
    public int expireIdle() {
        Instant now = clock.instant();
        int n = 0;
        for (Slot s : active.values()) {
            if (!s.expired && !s.idleLimit.isZero() && Duration.between(s.lastInput, now).compareTo(s.idleLimit) >= 0) {
                s.expired = true;
                n++;
                s.onIdle.run();
            }
        }
        return n;
    }

    @Override
    public List<LineStatus> lines() {
        Instant now = clock.instant();
        return active.values().stream()
                .sorted(Comparator.comparingInt(Slot::number))
                .map(s -> new LineStatus(s.number, s.name, s.user, "idle",
                        Duration.between(s.lastInput, now), s.location))
                .toList();
    }
}
