package org.tollgate.gateway.sip.dtmf;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The subscriber side of one KPML subscription (RFC 4730 section 5, over the RFC 6665 event
 * framework) inside an INVITE dialog, as a pure transition function: {@link #next} maps a state
 * and an input to the next state and the effects the caller must carry out (send a SUBSCRIBE,
 * schedule a refresh). No I/O, no clock: the time is part of each input.
 *
 * <ul>
 *   <li>{@code Start} sends {@code SUBSCRIBE} with {@code Expires: }{@link #REQUESTED_EXPIRES}.</li>
 *   <li>A 2xx makes the subscription active until now + the granted {@code Expires} (the requested
 *       value when the response has none) and schedules the refresh at
 *       {@link #refreshAt}: before expiry by half the interval, at most 60 s (RFC 6665 section
 *       4.1.2.2: the subscriber refreshes before the subscription expires).</li>
 *   <li>A final response of 300 or more (489 Bad Event, 405, 420, 481, ...) means the peer has no
 *       KPML: the subscription ends and digits from that peer must come another way.</li>
 *   <li>A {@code NOTIFY} with {@code Subscription-State: terminated} ends it (RFC 6665 section
 *       4.1.3); an {@code active} one may arrive before the 2xx and activates it.</li>
 *   <li>{@code Stop} (the call ends) sends {@code SUBSCRIBE} with {@code Expires: 0} when a
 *       subscription is pending or active.</li>
 * </ul>
 */
public sealed interface KpmlSubscription {
    /** The subscription duration asked for (Cisco IOS asks 7200 s for KPML). */
    Duration REQUESTED_EXPIRES = Duration.ofSeconds(7200);
    /** The most a refresh is sent before expiry. */
    Duration MAX_REFRESH_MARGIN = Duration.ofSeconds(60);

    /** Not subscribed yet. */
    record Idle() implements KpmlSubscription {
    }

    /** A SUBSCRIBE (first or refresh) waits for its final response. */
    record Pending(Instant sentAt) implements KpmlSubscription {
        public Pending {
            Objects.requireNonNull(sentAt, "sentAt");
        }
    }

    /** Subscribed until {@code expiresAt}. */
    record Active(Instant expiresAt) implements KpmlSubscription {
        public Active {
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    /** Over: refused by the peer, terminated by it, or unsubscribed by us. */
    record Ended(String reason) implements KpmlSubscription {
        public Ended {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** What happens to a subscription. */
    sealed interface Input {
        /** Subscribe now. */
        record Start(Instant now) implements Input {
        }

        /** The final or provisional response to our SUBSCRIBE, with its {@code Expires} if any. */
        record Response(int status, OptionalInt expires, Instant now) implements Input {
        }

        /** A NOTIFY of this subscription: {@code terminated} or not, with its {@code expires} if any. */
        record Notify(boolean terminated, OptionalInt expires, Instant now) implements Input {
        }

        /** The scheduled refresh time came. */
        record RefreshDue(Instant now) implements Input {
        }

        /** The call ends. */
        record Stop() implements Input {
        }
    }

    /** What the caller must do after a transition. */
    sealed interface Effect {
        /** Send SUBSCRIBE in the dialog with this {@code Expires} (zero: unsubscribe). */
        record SendSubscribe(Duration expires) implements Effect {
        }

        /** Feed {@link Input.RefreshDue} at {@code at} (replacing an earlier schedule). */
        record ScheduleRefresh(Instant at) implements Effect {
        }
    }

    /** The next state and the effects to carry out. */
    record Step(KpmlSubscription state, List<Effect> effects) {
        public Step {
            Objects.requireNonNull(state, "state");
            effects = List.copyOf(effects);
        }

        static Step stay(KpmlSubscription s) {
            return new Step(s, List.of());
        }
    }

    /** True while digits may be reported by the peer (pending or active). */
    default boolean live() {
        return this instanceof Pending || this instanceof Active;
    }

    /** The transition function. */
    static Step next(KpmlSubscription state, Input input) {
        return switch (state) {
            case Idle idle -> switch (input) {
                case Input.Start s -> new Step(new Pending(s.now()),
                        List.of(new Effect.SendSubscribe(REQUESTED_EXPIRES)));
                case Input.Stop s -> Step.stay(new Ended("stopped before subscribing"));
                case Input.Response r -> Step.stay(idle);
                case Input.Notify n -> Step.stay(idle);
                case Input.RefreshDue r -> Step.stay(idle);
            };
            case Pending pending -> switch (input) {
                case Input.Start s -> Step.stay(pending);
                case Input.Response r -> onResponse(pending, r);
                case Input.Notify n -> n.terminated() ? Step.stay(new Ended("terminated by the notifier"))
                        : Step.stay(pending); // the 2xx still sets the expiry and the refresh
                case Input.RefreshDue r -> Step.stay(pending);
                case Input.Stop s -> unsubscribe();
            };
            case Active active -> switch (input) {
                case Input.Start s -> Step.stay(active);
                case Input.Response r -> onResponse(active, r);
                case Input.Notify n -> n.terminated() ? Step.stay(new Ended("terminated by the notifier"))
                        : Step.stay(n.expires().isPresent()
                                ? new Active(n.now().plusSeconds(n.expires().getAsInt())) : active);
                case Input.RefreshDue r -> new Step(new Pending(r.now()),
                        List.of(new Effect.SendSubscribe(REQUESTED_EXPIRES)));
                case Input.Stop s -> unsubscribe();
            };
            case Ended ended -> Step.stay(ended);
        };
    }

    private static Step onResponse(KpmlSubscription state, Input.Response r) {
        if (r.status() < 200) {
            return Step.stay(state);
        }
        if (r.status() >= 300) {
            return Step.stay(new Ended("refused with " + r.status()));
        }
        Duration granted = r.expires().isPresent() ? Duration.ofSeconds(Math.max(0, r.expires().getAsInt()))
                : REQUESTED_EXPIRES;
        if (granted.isZero()) {
            return Step.stay(new Ended("granted no time"));
        }
        return new Step(new Active(r.now().plus(granted)),
                List.of(new Effect.ScheduleRefresh(refreshAt(r.now(), granted))));
    }

    private static Step unsubscribe() {
        return new Step(new Ended("unsubscribed"), List.of(new Effect.SendSubscribe(Duration.ZERO)));
    }

    /** When to refresh a subscription granted for {@code granted} at {@code now}. */
    static Instant refreshAt(Instant now, Duration granted) {
        Duration half = granted.dividedBy(2);
        Duration margin = half.compareTo(MAX_REFRESH_MARGIN) < 0 ? half : MAX_REFRESH_MARGIN;
        return now.plus(granted).minus(margin);
    }
}
