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
 * ({@code SipServerSettings.OverloadSettings#maxQueueDepth} and {@code #maxQueueDelay}), and
 * receives into one reused buffer instead of a new one per datagram.
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

    /**
     * The RI's UDP processor with a {@link BoundedDatagramQueue} and its length exposed, and a receive
     * loop that reuses one buffer ({@link #run}).
     */
    static final class QueueAwareUdpProcessor extends UDPMessageProcessor {
        private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(QueueAwareUdpProcessor.class);
        /** Receive errors logged before the loop goes quiet about them (as the RI does). */
        private static final int MAX_REPORTED_ERRORS = 10;
        private final BoundedDatagramQueue bounded;
        private final int bufferSize;
        private final int channelThreads;
        private int reportedErrors;

        QueueAwareUdpProcessor(InetAddress address, SIPTransactionStack stack, int port, int capacity)
                throws IOException {
            super(address, stack, port);
            this.bounded = new BoundedDatagramQueue(messageQueue, capacity);
            this.messageQueue = bounded;
            int max = stack.getMaxMessageSize();
            this.bufferSize = max > 0 && max < SipStackImpl.MAX_DATAGRAM_SIZE ? max : SipStackImpl.MAX_DATAGRAM_SIZE;
            this.channelThreads = stackField(stack, "threadPoolSize");
            if (channelThreads < 1) {
                throw new IOException("the SIP stack needs THREAD_POOL_SIZE >= 1 for its UDP queue");
            }
        }

        /**
         * The RI's {@code UDPMessageProcessor.run} (start the message channel threads, then receive
         * and queue datagrams until stopped), except for one thing: the RI allocates a new
         * {@code MAX_MESSAGE_SIZE} buffer (16 KiB here) for every datagram, which the queue then trims
         * to the datagram's length — about 110 KB of garbage per B2BUA call (7 datagrams), a fifth of
         * everything allocated at load, and young collections are what copy the JAIN-SIP transactions
         * kept for their timers. Here one buffer is reused and each datagram copied out at its length.
         */
        @Override public void run() {
            java.util.LinkedList<Object> channels = new java.util.LinkedList<>();
            this.messageChannels = channels;
            String stackName = ((SipStackImpl) sipStack).getStackName();
            for (int i = 0; i < channelThreads; i++) {
                channels.add(newChannel(stackName + "-UDPMessageChannelThread-" + i));
            }
            gov.nist.core.ThreadAuditor auditor = sipStack.getThreadAuditor();
            gov.nist.core.ThreadAuditor.ThreadHandle handle = auditor != null ? auditor.addCurrentThread() : null;
            byte[] buffer = new byte[bufferSize];
            java.net.DatagramPacket packet = new java.net.DatagramPacket(buffer, buffer.length);
            while (isRunning) {
                try {
                    if (handle != null) {
                        handle.ping();
                    }
                    packet.setData(buffer); // the whole buffer again (receive shrank the length)
                    sock.receive(packet);
                    long received = System.currentTimeMillis();
                    byte[] exact = java.util.Arrays.copyOf(buffer, packet.getLength());
                    messageQueue.offer(new gov.nist.javax.sip.stack.DatagramQueuedMessageDispatch(
                            new java.net.DatagramPacket(exact, exact.length, packet.getSocketAddress()), received));
                } catch (java.net.SocketTimeoutException e) {
                    // the socket times out only so that the thread auditor gets its ping
                } catch (java.net.SocketException e) {
                    if (!isRunning) {
                        return;
                    }
                    report(e);
                } catch (IOException | RuntimeException e) {
                    report(e);
                }
            }
        }

        private void report(Exception e) {
            if (reportedErrors < MAX_REPORTED_ERRORS) {
                reportedErrors++;
                LOG.warn("SIP UDP receive on port {} failed ({}), continuing{}", getPort(), e.toString(),
                        reportedErrors == MAX_REPORTED_ERRORS ? "; further receive errors are not logged" : "");
            }
        }

        /** The RI's message channel thread (its constructor is protected). */
        private gov.nist.javax.sip.stack.UDPMessageChannel newChannel(String threadName) {
            try {
                java.lang.reflect.Constructor<gov.nist.javax.sip.stack.UDPMessageChannel> c =
                        gov.nist.javax.sip.stack.UDPMessageChannel.class.getDeclaredConstructor(
                                SIPTransactionStack.class, UDPMessageProcessor.class, String.class);
                c.setAccessible(true);
                return c.newInstance(sipStack, this, threadName);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot start the SIP UDP message channel threads", e);
            }
        }

        private static int stackField(SIPTransactionStack stack, String name) throws IOException {
            try {
                java.lang.reflect.Field f = SIPTransactionStack.class.getDeclaredField(name);
                f.setAccessible(true);
                return f.getInt(stack);
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new IOException("cannot read the SIP stack's " + name, e);
            }
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
