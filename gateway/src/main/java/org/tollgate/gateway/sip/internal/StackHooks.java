package org.tollgate.gateway.sip.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Links the classes JAIN-SIP instantiates by name ({@link GuardValve},
 * {@link GuardedParserFactory}) to the server that owns the stack, keyed by the stack's unique
 * {@code javax.sip.STACK_NAME}. The only static state of the SIP edge; entries are removed when
 * the server stops.
 */
public final class StackHooks {
    private static final Map<String, Hooks> BY_STACK = new ConcurrentHashMap<>();

    private StackHooks() {
    }

    /** What the valve and parser call back into. */
    public interface Hooks {
        /** A raw message was dropped by the guard. */
        void dropped(String reason);

        /** A raw or parsed request was rejected by the guard with a status. */
        void rejected(int status, String reason);

        /** A request passed the guard; returns the overload decision for new INVITEs. */
        OverloadDecision admit(gov.nist.javax.sip.message.SIPRequest request);

        /** A response passed the guard. */
        void responseAccepted();

        /**
         * The UDP listening point's receive-queue length, overflow count and queueing delay (age in
         * milliseconds of the oldest datagram waiting, 0 when empty), once the processor exists.
         */
        void udpQueue(java.util.function.IntSupplier depth, java.util.function.LongSupplier overflow,
                java.util.function.LongSupplier delayMillis);

        /** How many datagrams the UDP receive queue may hold. */
        int udpQueueCapacity();
    }

    /** Result of {@link Hooks#admit}. */
    public sealed interface OverloadDecision {
        /** Let it through. */
        record Admit() implements OverloadDecision {
        }

        /** Answer 503 with this Retry-After. */
        record Refuse(int retryAfterSeconds) implements OverloadDecision {
        }
    }

    /** Registers the hooks of a stack. */
    public static void register(String stackName, Hooks hooks) {
        BY_STACK.put(stackName, hooks);
    }

    /** Removes them. */
    public static void unregister(String stackName) {
        BY_STACK.remove(stackName);
    }

    /** The hooks of a stack, if it is a tollgate server. */
    public static Optional<Hooks> lookup(String stackName) {
        return Optional.ofNullable(stackName == null ? null : BY_STACK.get(stackName));
    }
}
