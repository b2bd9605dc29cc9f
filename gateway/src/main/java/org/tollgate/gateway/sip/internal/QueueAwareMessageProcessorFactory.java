package org.tollgate.gateway.sip.internal;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.stack.MessageProcessor;
import gov.nist.javax.sip.stack.MessageProcessorFactory;
import gov.nist.javax.sip.stack.OIOMessageProcessorFactory;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import gov.nist.javax.sip.stack.UDPMessageProcessor;
import java.io.IOException;
import java.net.InetAddress;

/**
 * {@code gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY}: the RI's own (OIO) processors, except that
 * the UDP one queues received datagrams in a {@link BoundedDatagramQueue} (trimmed, bounded) and
 * reports the queue length and queueing delay, for overload control
 * ({@code SipServerSettings.OverloadSettings#maxQueueDepth} and {@code #maxQueueDelay}).
 */
public final class QueueAwareMessageProcessorFactory implements MessageProcessorFactory {
    /** Queue bound when the stack is not a tollgate server. */
    static final int DEFAULT_CAPACITY = 20_000;

    private final OIOMessageProcessorFactory delegate = new OIOMessageProcessorFactory();

    /** Created by the stack through reflection. */
    public QueueAwareMessageProcessorFactory() {
    }

    @Override public MessageProcessor createMessageProcessor(SIPTransactionStack stack, InetAddress address, int port,
            String transport) throws IOException {
        if (!"UDP".equalsIgnoreCase(transport)) {
            return delegate.createMessageProcessor(stack, address, port, transport);
        }
        java.util.Optional<StackHooks.Hooks> hooks = StackHooks.lookup(((SipStackImpl) stack).getStackName());
        int capacity = hooks.map(StackHooks.Hooks::udpQueueCapacity).orElse(DEFAULT_CAPACITY);
        QueueAwareUdpProcessor processor = new QueueAwareUdpProcessor(address, stack, port, capacity);
        hooks.ifPresent(h -> h.udpQueue(processor::queueDepth, processor::overflow, processor::queueDelayMillis));
        useListeningSocket(stack);
        return processor;
    }

    /**
     * Sets the RI's package-private {@code SIPTransactionStack.udpFlag}, as its own
     * {@code OIOMessageProcessorFactory} does when it creates the UDP processor. Without it the RI
     * sends every UDP message from a new ephemeral socket instead of the listening one, so peers
     * that answer to the source address (SIPp, symmetric-response UAs, NATs; RFC 3581) never reach
     * the gateway's client transactions, and each send costs a socket.
     */
    private static void useListeningSocket(SIPTransactionStack stack) throws IOException {
        try {
            java.lang.reflect.Field f = SIPTransactionStack.class.getDeclaredField("udpFlag");
            f.setAccessible(true);
            f.setBoolean(stack, true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IOException("cannot make the SIP stack send from its UDP listening socket", e);
        }
    }

    /** The RI's UDP processor with a {@link BoundedDatagramQueue} and its length exposed. */
    static final class QueueAwareUdpProcessor extends UDPMessageProcessor {
        private final BoundedDatagramQueue bounded;

        QueueAwareUdpProcessor(InetAddress address, SIPTransactionStack stack, int port, int capacity)
                throws IOException {
            super(address, stack, port);
            this.bounded = new BoundedDatagramQueue(messageQueue, capacity);
            this.messageQueue = bounded;
        }

        int queueDepth() {
            return bounded.size();
        }

        /**
         * How long the oldest waiting datagram has been queued, in milliseconds (0 when the queue is
         * empty). Measured on the RI's own reception clock ({@code System.currentTimeMillis()}, which
         * it stamps on every queued datagram).
         */
        long queueDelayMillis() {
            return bounded.oldestReceptionTime().stream().map(t -> Math.max(0, System.currentTimeMillis() - t))
                    .findFirst().orElse(0L);
        }

        /**
         * The RI's stop iterates its worker list while workers that are still starting add
         * themselves to it ({@code ConcurrentModificationException}, seen when a server is closed
         * right after it started), which aborts the rest of the stack's shutdown. Stopping is
         * idempotent, so it is retried a few times.
         */
        @Override public void stop() {
            for (int attempt = 1; ; attempt++) {
                try {
                    super.stop();
                    return;
                } catch (java.util.ConcurrentModificationException e) {
                    if (attempt >= 10) {
                        throw e;
                    }
                    Thread.onSpinWait();
                }
            }
        }

        long overflow() {
            return bounded.overflow();
        }
    }
}
