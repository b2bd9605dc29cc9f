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
 * <p>Audio: a party whose leg carries audio inside the gateway (analog ports) sends 20 ms frames
 * into a per-party queue (at most {@link #MAX_QUEUED_FRAMES} = 50 frames, 1 s; the oldest are
 * dropped beyond); each tick takes one frame per party (silence when none) and sends each party its
 * mix. Legs whose media flows outside the gateway (SIP RTP) need the gateway to expose their audio
 * as an {@link AudioSink} before they can be mixed here.
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
    private boolean ended;

    private final class Party {
        final DetachedLeg leg;
        final String number;
        final CallRef from;
        final ArrayDeque<short[]> inbox = new ArrayDeque<>();
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
        leg.retarget(new LegEvents() {
            @Override
            public void digits(String digits) {
            }

            @Override
            public void alerting() {
            }

            @Override
            public void answered() {
            }

            @Override
            public void released(Q850Cause cause) {
                leave(p);
            }

            @Override
            public void flash() {
            }
        });
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
        tick = scheduler.schedule(TICK, this::mixOnce);
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
