package org.tollgate.callcontrol.feature.conference;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tollgate.callcontrol.call.CallRef;
import org.tollgate.callcontrol.cause.Q850Cause;
import org.tollgate.callcontrol.engine.DetachedLeg;
import org.tollgate.callcontrol.leg.LegCommand;
import org.tollgate.callcontrol.leg.LegEvents;
import org.tollgate.callcontrol.media.AudioSink;
import org.tollgate.callcontrol.record.FeatureRecordEvent;
import org.tollgate.callcontrol.record.FeatureRecordSink;
import org.tollgate.callcontrol.time.CallScheduler;
import org.tollgate.dsp.mixer.ConferenceMixer;

/**
 * A software conference: its parties' legs, mixed by the {@code dsp} {@link ConferenceMixer}
 * every 20 ms on the call scheduler (each party hears the sum of the others, clipped).
 *
 * <p>Audio: every party's leg sends 20 ms frames into a per-party queue (at most
 * {@link #MAX_QUEUED_FRAMES} = 50 frames, 1 s; the oldest are dropped beyond) through
 * {@code connectAudio}; analog ports push what their user says, SIP legs their decoded RTP (the
 * gateway leaves packet relay when a SIP leg joins). Each tick takes one frame per party (silence
 * when none) and sends each party its mix through the leg's {@code audioToUser()} sink (a SIP leg
 * encodes it into its paced RTP stream). Ticks are anchored ({@code start + k × 20 ms}, so the
 * bridge keeps the RTP engine's rate instead of drifting by its scheduling delay; a tick more than
 * {@link #MAX_LATE} late restarts the anchor). The queue is the party's jitter allowance: a queue
 * that stays deeper than {@link #TARGET_DEPTH} frames for {@link #DEEP_TICKS} ticks in a row (a
 * standing delay left by a scheduling hiccup, not a burst being played out) is cut back to
 * {@link #TARGET_DEPTH}.
 *
 * <p>Lifecycle: parties join ({@link #join}); a party's hang-up removes it; an ad-hoc conference
 * ends (releasing the last party) when one party is left, a meet-me conference when none is. No
 * party of a conference is ever asked for a FAC (spec section 6). Thread-safe.
 */
public final class ConferenceBridge {
    private static final Logger LOG = LoggerFactory.getLogger(ConferenceBridge.class);
    /** Mixing period. */
    public static final Duration TICK = Duration.ofMillis(20);
    /** Per-party input queue bound, in 20 ms frames (1 s). */
    public static final int MAX_QUEUED_FRAMES = 50;
    /** Frames a party's queue may keep standing (40 ms) before the latency guard cuts it back. */
    public static final int TARGET_DEPTH = 2;
    /** Consecutive ticks (1 s) a queue must stay deeper than {@link #TARGET_DEPTH} to be cut back. */
    public static final int DEEP_TICKS = 50;
    /** A tick later than this (60 ms, as the RTP engine's) restarts the tick anchor. */
    public static final Duration MAX_LATE = Duration.ofMillis(60);

    /** The leg id a party is told it is connected to: the bridge (call 0 is never a real call). */
    public static final org.tollgate.callcontrol.call.LegId BRIDGE_LEG =
            new org.tollgate.callcontrol.call.LegId(new CallRef(0), 0);

    private final String id;
    private final boolean meetMe;
    private final int maxParties;
    private final CallScheduler scheduler;
    private final FeatureRecordSink records;
    private final Consumer<ConferenceBridge> onEnd;
    private final List<Party> parties = new ArrayList<>();
    private CallScheduler.Cancellable tick;
    /** When the next tick is due (anchored schedule); null before the first. */
    private java.time.Instant nextTickAt;
    private boolean ended;

    private final class Party {
        final DetachedLeg leg;
        final String number;
        final CallRef from;
        final ArrayDeque<short[]> inbox = new ArrayDeque<>();
        /** Consecutive ticks the inbox stayed deeper than {@link #TARGET_DEPTH}. */
        int deepTicks;
        final Optional<AudioSink> out;

        Party(DetachedLeg leg, String number, CallRef from) {
            this.leg = leg;
            this.number = number;
            this.from = from;
            this.out = leg.signaling().audioToUser();
        }
    }

    public ConferenceBridge(String id, boolean meetMe, int maxParties, CallScheduler scheduler,
                            FeatureRecordSink records, Consumer<ConferenceBridge> onEnd) {
        this.id = Objects.requireNonNull(id, "id");
        this.meetMe = meetMe;
        this.maxParties = maxParties;
        this.scheduler = scheduler;
        this.records = records;
        this.onEnd = onEnd;
    }

    public String id() {
        return id;
    }

    /** Adds a party; false when the conference is full or over (the caller keeps the leg). */
    public boolean join(DetachedLeg leg, String number, CallRef from) {
        Party p;
        int n;
        synchronized (this) {
            if (ended || parties.size() >= maxParties) {
                return false;
            }
            p = new Party(leg, number, from);
            parties.add(p);
            n = parties.size();
            if (tick == null) {
                scheduleTick();
            }
        }
        leg.handle(new LegCommand.StopTone());
        // answers a meet-me caller (SIP 200, analog port to CONNECTED); the peer is the bridge itself
        leg.handle(new LegCommand.Connect(BRIDGE_LEG));
        leg.signaling().connectAudio(frame -> {
            synchronized (ConferenceBridge.this) {
                if (p.inbox.size() >= MAX_QUEUED_FRAMES) {
                    p.inbox.poll();
                }
                p.inbox.add(frame.clone());
            }
        });
        leg.retarget(LegEvents.onlyRelease(cause -> leave(p)));
        LOG.info("conference {}: {} joined ({} parties)", id, number, n);
        records.accept(new FeatureRecordEvent.ConferenceJoined(from, scheduler.now(), id, number, meetMe, n));
        return true;
    }

    /** Numbers of the parties, in joining order. */
    public synchronized List<String> parties() {
        return parties.stream().map(p -> p.number).toList();
    }

    private void leave(Party p) {
        Party last = null;
        int n;
        synchronized (this) {
            if (!parties.remove(p)) {
                return;
            }
            n = parties.size();
            if (!meetMe && n == 1) {
                last = parties.removeFirst();
            }
            if (parties.isEmpty()) {
                end();
            }
        }
        LOG.info("conference {}: {} left ({} parties)", id, p.number, n);
        records.accept(new FeatureRecordEvent.ConferenceLeft(p.from, scheduler.now(), id, p.number, n));
        if (last != null) {
            last.leg.signaling().disconnectAudio();
            last.leg.handle(new LegCommand.Release(Q850Cause.NORMAL_CALL_CLEARING));
            records.accept(new FeatureRecordEvent.ConferenceLeft(last.from, scheduler.now(), id, last.number, 0));
        }
    }

    private void end() {
        ended = true;
        if (tick != null) {
            tick.cancel();
            tick = null;
        }
        onEnd.accept(this);
    }

    private void scheduleTick() {
        java.time.Instant now = scheduler.now();
        if (nextTickAt == null || Duration.between(nextTickAt, now).compareTo(MAX_LATE) > 0) {
            nextTickAt = now; // first tick, or far behind: restart the anchor
        }
        nextTickAt = nextTickAt.plus(TICK);
        Duration delay = Duration.between(now, nextTickAt);
        tick = scheduler.schedule(delay.isNegative() ? Duration.ZERO : delay, this::mixOnce);
    }

    /** The latency guard: a queue standing deeper than {@link #TARGET_DEPTH} for a second is cut back. */
    private static void guardLatency(Party p) {
        if (p.inbox.size() <= TARGET_DEPTH) {
            p.deepTicks = 0;
            return;
        }
        if (++p.deepTicks >= DEEP_TICKS) {
            while (p.inbox.size() > TARGET_DEPTH) {
                p.inbox.poll();
            }
            p.deepTicks = 0;
        }
    }

    /** One 20 ms mixing step; reschedules itself while parties remain. */
    private void mixOnce() {
        List<Party> ps;
        short[][] in;
        synchronized (this) {
            if (ended) {
                return;
            }
            ps = List.copyOf(parties);
            in = new short[ps.size()][];
            boolean any = false;
            for (int i = 0; i < ps.size(); i++) {
                in[i] = ps.get(i).inbox.poll();
                guardLatency(ps.get(i));
                any |= in[i] != null;
            }
            scheduleTick();
            if (!any) {
                return;
            }
        }
        short[][] out = ConferenceMixer.mix(in);
        for (int i = 0; i < ps.size(); i++) {
            short[] frame = out[i];
            ps.get(i).out.ifPresent(s -> s.accept(frame));
        }
    }
}
