package org.tollgate.gateway.sip;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.message.SIPRequest;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TooManyListenersException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.ServerTransaction;
import javax.sip.SipFactory;
import javax.sip.SipProvider;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tollgate.gateway.sip.internal.GuardValve;
import org.tollgate.gateway.sip.internal.GuardedParserFactory;
import org.tollgate.gateway.sip.internal.RequestDispatcher;
import org.tollgate.gateway.sip.internal.Slf4jServerLogger;
import org.tollgate.gateway.sip.internal.Slf4jStackLogger;
import org.tollgate.gateway.sip.internal.StackHooks;
import org.tollgate.gateway.sip.registrar.Registrar;

/**
 * The gateway's SIP endpoint: one JAIN-SIP RI stack with a UDP and a TCP listening point on the
 * same address and port, the RFC 4475 message guard, overload control, OPTIONS, the registrar, and
 * a {@link SipCallHandler} for everything that is a call.
 *
 * <p>Lifecycle: {@link #start} binds and starts answering; {@link #close} stops the stack and frees
 * the ports. A server is not restartable.
 *
 * <p>Stack properties set explicitly (see {@link SipServerSettings} for their values and defaults):
 * {@code THREAD_POOL_SIZE} with {@code REENTRANT_LISTENER=true}, {@code MAX_MESSAGE_SIZE},
 * {@code CONGESTION_CONTROL_TIMEOUT}, {@code RECEIVE_UDP_BUFFER_SIZE}, {@code SEND_UDP_BUFFER_SIZE},
 * {@code MAX_SERVER_TRANSACTIONS}, {@code MAX_CLIENT_TRANSACTIONS}, {@code MAX_CONNECTIONS},
 * {@code READ_TIMEOUT}, {@code LINGER_TIMER} ({@link #LINGER_SECONDS}),
 * {@code RELEASE_REFERENCES_STRATEGY=Normal} (finished transactions and dialogs keep their messages as
 * bytes, not parsed: the live set under load is a third); {@code STACK_LOGGER} and
 * {@code SERVER_LOGGER} are the SLF4J adapters (log4j 1.x is not on the class path);
 * {@code ALWAYS_ADD_RPORT=true} answers UDP requests to their source port (RFC 3581 symmetric
 * response routing, also for clients that did not ask, as NAT'd phones need);
 * {@code AUTOMATIC_DIALOG_SUPPORT=on}, {@code IS_BACK_TO_BACK_USER_AGENT=true},
 * {@code DELIVER_UNSOLICITED_NOTIFY=true} (Cisco DTMF NOTIFY).
 */
public final class SipServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SipServer.class);
    private static final AtomicInteger STACK_COUNTER = new AtomicInteger();
    /**
     * {@code gov.nist.javax.sip.LINGER_TIMER}: seconds the RI keeps a transaction or dialog in its tables
     * after it reached Terminated, on top of the RFC 3261 timers; 8, the RI's default, set explicitly.
     * It must cover the 2xx retransmissions of an INVITE whose ACK is late (RFC 3261 section 13.3.1.4:
     * T1, 2*T1, ... capped at T2, i.e. 0.5, 1.5, 3.5 and 7.5 s after the first 2xx): the RI ends a client
     * INVITE transaction on its first 2xx, and a response that finds no transaction by its branch is
     * compared with every client transaction in the table (RFC 2543 matching), which at 1,000 calls/s
     * is tens of thousands of comparisons per stray response. 1 s was tried: under overload, when ACKs
     * are late, that scan took a tenth of the SIP threads' CPU. With {@code RELEASE_REFERENCES_STRATEGY
     * =Normal} a lingering transaction holds its messages as bytes, so the 8 s cost little memory.
     */
    static final int LINGER_SECONDS = 8;

    private final SipServerSettings settings;
    private final String stackName;
    private final SipStackImpl stack;
    private final SipProvider provider;
    private final ListeningPoint udp;
    private final ListeningPoint tcp;
    private final SipServerStats stats = new SipServerStats();
    private final Set<ServerTransaction> invitesInSetup = ConcurrentHashMap.newKeySet();
    private volatile java.util.function.IntSupplier udpQueueDepth = () -> 0;
    private volatile java.util.function.LongSupplier udpQueueDelayMillis = () -> 0L;
    private volatile java.util.function.LongSupplier udpQueueOverflow = () -> 0L;
    private final RequestDispatcher dispatcher;
    private final java.util.Optional<Thread> eventScanner;

    private SipServer(SipServerSettings settings, Registrar registrar, SipCallHandler callHandler)
            throws SipStartException {
        this.settings = settings;
        this.stackName = "tollgate-sip-" + STACK_COUNTER.incrementAndGet();
        StackHooks.register(stackName, new Hooks());
        try {
            SipFactory factory = SipFactory.getInstance();
            // constructed directly, not through SipFactory.createSipStack, whose by-name cache would keep
            // every stopped stack (a new one per reconfiguration or test) reachable for ever
            synchronized (SipServer.class) {
                Set<Thread> before = eventScannerThreads();
                this.stack = new SipStackImpl(stackProperties(settings, stackName));
                Set<Thread> created = eventScannerThreads();
                created.removeAll(before);
                this.eventScanner = created.stream().findFirst();
            }
            HeaderFactory headers = factory.createHeaderFactory();
            MessageFactory messages = factory.createMessageFactory();
            ListeningPoint[] points = bind(stack, settings);
            this.udp = points[0];
            this.tcp = points[1];
            this.provider = stack.createSipProvider(udp);
            provider.addListeningPoint(tcp);
            this.dispatcher = new RequestDispatcher(this, provider, headers, messages, registrar, callHandler);
            provider.addSipListener(dispatcher);
            // no stack.start(): the RI started the listening points already, and start() would replace the
            // constructor's event scanner with a new one, leaving the first (non-daemon) thread running for ever
        } catch (InvalidArgumentException | TooManyListenersException | javax.sip.SipException e) {
            StackHooks.unregister(stackName);
            throw new SipStartException("cannot start SIP on " + settings.bindAddress() + ":" + settings.port(), e);
        }
        LOG.info("SIP listening on {}:{} (UDP, TCP)", settings.bindAddress(), udp.getPort());
    }

    /**
     * Starts a server.
     *
     * @param settings address, port and limits
     * @param registrar the registrar REGISTER requests go to
     * @param callHandler where INVITEs and in-dialog requests go (the B2BUA)
     * @throws SipStartException when the stack cannot start or bind
     */
    public static SipServer start(SipServerSettings settings, Registrar registrar, SipCallHandler callHandler)
            throws SipStartException {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(registrar, "registrar");
        Objects.requireNonNull(callHandler, "callHandler");
        return new SipServer(settings, registrar, callHandler);
    }

    /**
     * Creates the UDP and TCP listening points on one port. The RI refuses port 0, so an ephemeral
     * port is found by binding both protocols on port 0 first; a port taken in between is retried
     * (at most 20 times).
     */
    private static ListeningPoint[] bind(SipStackImpl stack, SipServerSettings settings)
            throws InvalidArgumentException, javax.sip.TransportNotSupportedException, javax.sip.ObjectInUseException {
        if (settings.port() != 0) {
            ListeningPoint u = stack.createListeningPoint(settings.bindAddress(), settings.port(), ListeningPoint.UDP);
            ListeningPoint t = stack.createListeningPoint(settings.bindAddress(), settings.port(), ListeningPoint.TCP);
            return new ListeningPoint[] {u, t};
        }
        InvalidArgumentException last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            int candidate = freePort(settings.bindAddress());
            if (candidate <= 0) {
                continue;
            }
            ListeningPoint u = null;
            try {
                u = stack.createListeningPoint(settings.bindAddress(), candidate, ListeningPoint.UDP);
                ListeningPoint t = stack.createListeningPoint(settings.bindAddress(), candidate, ListeningPoint.TCP);
                return new ListeningPoint[] {u, t};
            } catch (InvalidArgumentException e) {
                last = e;
                if (u != null) {
                    stack.deleteListeningPoint(u);
                }
            }
        }
        throw last != null ? last : new InvalidArgumentException("no free SIP port on " + settings.bindAddress());
    }

    private static int freePort(String address) {
        try (java.net.DatagramSocket d = new java.net.DatagramSocket(
                new java.net.InetSocketAddress(java.net.InetAddress.getByName(address), 0));
                java.net.ServerSocket s = new java.net.ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new java.net.InetSocketAddress(java.net.InetAddress.getByName(address), d.getLocalPort()));
            return d.getLocalPort();
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    /** The JAIN-SIP properties of a server; every limit explicit. */
    static Properties stackProperties(SipServerSettings s, String stackName) {
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", stackName);
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "on");
        p.setProperty("gov.nist.javax.sip.IS_BACK_TO_BACK_USER_AGENT", "true");
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", Slf4jStackLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", Slf4jServerLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", Integer.toString(s.threadPoolSize()));
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", Integer.toString(s.maxMessageSize()));
        p.setProperty("gov.nist.javax.sip.CONGESTION_CONTROL_TIMEOUT",
                Long.toString(s.congestionControlTimeout().toMillis()));
        p.setProperty("gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE", Integer.toString(s.receiveUdpBufferSize()));
        p.setProperty("gov.nist.javax.sip.SEND_UDP_BUFFER_SIZE", Integer.toString(s.sendUdpBufferSize()));
        p.setProperty("gov.nist.javax.sip.MAX_SERVER_TRANSACTIONS", Integer.toString(s.maxServerTransactions()));
        p.setProperty("gov.nist.javax.sip.MAX_CLIENT_TRANSACTIONS", Integer.toString(s.maxClientTransactions()));
        p.setProperty("gov.nist.javax.sip.MAX_CONNECTIONS", Integer.toString(s.maxConnections()));
        p.setProperty("gov.nist.javax.sip.READ_TIMEOUT", Long.toString(s.readTimeout().toMillis()));
        p.setProperty("gov.nist.javax.sip.ALWAYS_ADD_RPORT", "true");
        p.setProperty("gov.nist.javax.sip.DELIVER_UNSOLICITED_NOTIFY", "true");
        p.setProperty("gov.nist.javax.sip.MESSAGE_PARSER_FACTORY", GuardedParserFactory.class.getName());
        p.setProperty("gov.nist.javax.sip.SIP_MESSAGE_VALVE", GuardValve.class.getName());
        p.setProperty("gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY",
                org.tollgate.gateway.sip.internal.QueueAwareMessageProcessorFactory.class.getName());
        p.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
        p.setProperty("gov.nist.javax.sip.RELEASE_REFERENCES_STRATEGY", "Normal");
        p.setProperty("gov.nist.javax.sip.LINGER_TIMER", Integer.toString(LINGER_SECONDS));
        return p;
    }

    private static Set<Thread> eventScannerThreads() {
        Set<Thread> out = new java.util.HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && "EventScannerThread".equals(t.getName())) {
                out.add(t);
            }
        }
        return out;
    }

    /** The RI stack, for the message path's internals. */
    public javax.sip.SipStack stack() {
        return stack;
    }

    /** The bound port (UDP and TCP). */
    public int port() {
        return udp.getPort();
    }

    /** The bound address. */
    public String address() {
        return udp.getIPAddress();
    }

    /** Message-path counters. */
    public SipServerStats stats() {
        return stats;
    }

    /** The provider, for the B2BUA to create client transactions and dialogs. */
    public SipProvider provider() {
        return provider;
    }

    /** Datagrams waiting in the UDP receive queue now. */
    public int udpQueueDepth() {
        return udpQueueDepth.getAsInt();
    }

    /** Datagrams dropped so far because the UDP receive queue was full. */
    public long udpQueueOverflow() {
        return udpQueueOverflow.getAsLong();
    }

    /** INVITE server transactions not yet finally answered. */
    public int callsInSetup() {
        return invitesInSetup.size();
    }

    /**
     * Tells overload control that an INVITE got its final response (or its transaction ended).
     * Idempotent.
     */
    public void callSetupFinished(ServerTransaction transaction) {
        invitesInSetup.remove(transaction);
    }

    /** Called by the dispatcher when an INVITE is handed to the call handler. */
    public void callSetupStarted(ServerTransaction transaction) {
        invitesInSetup.add(transaction);
    }

    @Override public void close() {
        StackHooks.unregister(stackName);
        provider.removeSipListener(dispatcher);
        stack.stop();
        // RI bug: stop() flags the event scanner but leaves its (non-daemon) thread blocked in
        // take() for ever, which would keep the JVM from exiting; the interrupt lets it end
        eventScanner.ifPresent(Thread::interrupt);
        LOG.info("SIP stopped on {}:{}", settings.bindAddress(), udp.getPort());
    }

    /** Failure to start the SIP stack (bad address, port in use). */
    public static final class SipStartException extends Exception {
        private static final long serialVersionUID = 1L;

        SipStartException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final class Hooks implements StackHooks.Hooks {
        @Override public void dropped(String reason) {
            stats.droppedByGuard.incrementAndGet();
            LOG.debug("SIP message dropped: {}", reason);
        }

        @Override public void rejected(int status, String reason) {
            stats.rejectedByGuard.incrementAndGet();
            LOG.debug("SIP request rejected {} {}", status, reason);
        }

        @Override public StackHooks.OverloadDecision admit(SIPRequest request) {
            stats.requestsAccepted.incrementAndGet();
            if (!Request.INVITE.equals(request.getMethod()) || request.getToTag() != null) {
                return new StackHooks.OverloadDecision.Admit();
            }
            if (stack.findTransaction(request, true) != null) {
                return new StackHooks.OverloadDecision.Admit(); // retransmission of an admitted INVITE
            }
            SipServerSettings.OverloadSettings o = settings.overload();
            if (invitesInSetup.size() >= o.maxCallsInSetup()
                    || stack.getServerTransactionTableSize() >= o.maxServerTransactions()
                    || udpQueueDepth.getAsInt() >= o.maxQueueDepth()
                    || udpQueueDelayMillis.getAsLong() >= o.maxQueueDelay().toMillis()) {
                long n = stats.overloadRejected.incrementAndGet();
                if (n == 1 || n % 1000 == 0) {
                    LOG.warn("SIP overload: {} new INVITE(s) refused with 503 so far ({} calls in setup, {} server"
                            + " transactions, {} datagrams queued, oldest {} ms)", n, invitesInSetup.size(),
                            stack.getServerTransactionTableSize(), udpQueueDepth.getAsInt(),
                            udpQueueDelayMillis.getAsLong());
                }
                return new StackHooks.OverloadDecision.Refuse(o.retryAfterSeconds());
            }
            return new StackHooks.OverloadDecision.Admit();
        }

        @Override public void responseAccepted() {
            stats.responsesAccepted.incrementAndGet();
        }

        @Override public void udpQueue(java.util.function.IntSupplier depth, java.util.function.LongSupplier overflow,
                java.util.function.LongSupplier delayMillis) {
            udpQueueDelayMillis = delayMillis;
            udpQueueDepth = depth;
            udpQueueOverflow = overflow;
        }

        @Override public int udpQueueCapacity() {
            return settings.udpQueueCapacity();
        }
    }
}
