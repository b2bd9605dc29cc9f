package org.tollgate.gateway.sip;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of one {@link SipServer}: where it listens and the JAIN-SIP limits that keep it alive
 * under overload. Every value is set explicitly on the stack; none is left to the RI's defaults
 * (issue 5: without them the stack runs out of memory under overload and never answers again).
 *
 * @param bindAddress address of the UDP and TCP listening points ({@code voice register global
 *        source-address}); default {@code 127.0.0.1} in tests, the configured address in production
 * @param port SIP port for both UDP and TCP ({@code --sip-port}, {@code voice register global port});
 *        {@code 0} picks an ephemeral port (UDP first, TCP then tries the same number)
 * @param threadPoolSize {@code gov.nist.javax.sip.THREAD_POOL_SIZE}: threads that run the stack's
 *        message processing and the listener; default 8. With more than one thread the listener is
 *        re-entrant and ACKs may reach it out of order, so dialog state never relies on the ACK event
 * @param maxMessageSize {@code gov.nist.javax.sip.MAX_MESSAGE_SIZE}: largest message accepted on TCP,
 *        and the size of the buffer the RI allocates for every UDP datagram (larger datagrams are
 *        truncated and then rejected); default 16384 bytes (the RI default is unlimited for TCP and
 *        64 KiB per datagram)
 * @param congestionControlTimeout {@code gov.nist.javax.sip.CONGESTION_CONTROL_TIMEOUT}: a request
 *        that waited longer than this in the stack's queue is dropped (its sender retransmits);
 *        default 2 s, i.e. four T1 intervals
 * @param receiveUdpBufferSize {@code gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE} (SO_RCVBUF); default
 *        1 MiB (the kernel may cap it at {@code net.core.rmem_max})
 * @param sendUdpBufferSize {@code gov.nist.javax.sip.SEND_UDP_BUFFER_SIZE} (SO_SNDBUF); default 1 MiB
 * @param maxServerTransactions {@code gov.nist.javax.sip.MAX_SERVER_TRANSACTIONS}; default 100000 (above
 *        the overload gate's {@link OverloadSettings#maxServerTransactions}, so the gate refuses first): a
 *        finished UDP non-INVITE transaction lingers 32 s (Timer J) plus the RI's linger; runs offering
 *        1,500-1,750 B2BUA calls/s kept 25,000-33,700 server transactions alive (measured)
 * @param maxClientTransactions {@code gov.nist.javax.sip.MAX_CLIENT_TRANSACTIONS}; default 100000
 * @param maxConnections {@code gov.nist.javax.sip.MAX_CONNECTIONS}: simultaneous TCP connections; default
 *        2048 (the RI default is unlimited, one thread each)
 * @param udpQueueCapacity datagrams the UDP receive queue may hold before new ones are dropped;
 *        default 20000 (queued datagrams are trimmed to their size, so about 30 MB at most); stale
 *        ones are purged after {@code congestionControlTimeout}
 * @param readTimeout {@code gov.nist.javax.sip.READ_TIMEOUT}: once a TCP message has started, each
 *        further read must arrive within this time or the connection is closed (slow-sender
 *        protection); default 5 s (the RI default waits forever)
 * @param overload when new INVITEs are refused with 503 + Retry-After
 */
public record SipServerSettings(
        String bindAddress,
        int port,
        int threadPoolSize,
        int maxMessageSize,
        Duration congestionControlTimeout,
        int receiveUdpBufferSize,
        int sendUdpBufferSize,
        int maxServerTransactions,
        int maxClientTransactions,
        int maxConnections,
        int udpQueueCapacity,
        Duration readTimeout,
        OverloadSettings overload) {

    /** Default thread pool size. */
    public static final int DEFAULT_THREAD_POOL_SIZE = 8;
    /** Default largest stream message, bytes. */
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 16_384;
    /** Default UDP receive queue bound, datagrams. */
    public static final int DEFAULT_UDP_QUEUE_CAPACITY = 20_000;
    /** Default queue age after which a request is dropped. */
    public static final Duration DEFAULT_CONGESTION_CONTROL_TIMEOUT = Duration.ofSeconds(2);
    /** Default UDP socket buffers, bytes. */
    public static final int DEFAULT_UDP_BUFFER_SIZE = 1 << 20;
    /** Default transaction table limits. */
    public static final int DEFAULT_MAX_TRANSACTIONS = 100_000;
    /** Default TCP connection limit. */
    public static final int DEFAULT_MAX_CONNECTIONS = 2048;
    /** Default TCP read timeout within a message. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(5);

    /** Validates ranges. */
    public SipServerSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(congestionControlTimeout, "congestionControlTimeout");
        Objects.requireNonNull(overload, "overload");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (maxConnections < 1 || udpQueueCapacity < 1 || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("maxConnections and readTimeout must be positive");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (threadPoolSize < 1 || maxMessageSize < 1024 || receiveUdpBufferSize < 1 || sendUdpBufferSize < 1
                || maxServerTransactions < 1 || maxClientTransactions < 1) {
            throw new IllegalArgumentException("SIP stack limits must be positive (max message size >= 1024)");
        }
    }

    /** Defaults on the given address and port. */
    public static SipServerSettings defaults(String bindAddress, int port) {
        return new SipServerSettings(bindAddress, port, DEFAULT_THREAD_POOL_SIZE, DEFAULT_MAX_MESSAGE_SIZE,
                DEFAULT_CONGESTION_CONTROL_TIMEOUT, DEFAULT_UDP_BUFFER_SIZE, DEFAULT_UDP_BUFFER_SIZE,
                DEFAULT_MAX_TRANSACTIONS, DEFAULT_MAX_TRANSACTIONS, DEFAULT_MAX_CONNECTIONS, DEFAULT_UDP_QUEUE_CAPACITY,
                DEFAULT_READ_TIMEOUT,
                OverloadSettings.defaults());
    }

    /** A copy with other overload settings. */
    public SipServerSettings withOverload(OverloadSettings newOverload) {
        return new SipServerSettings(bindAddress, port, threadPoolSize, maxMessageSize, congestionControlTimeout,
                receiveUdpBufferSize, sendUdpBufferSize, maxServerTransactions, maxClientTransactions, maxConnections,
                udpQueueCapacity, readTimeout, newOverload);
    }

    /**
     * Overload control (issue 5): a new INVITE is refused with {@code 503 Service Unavailable} and
     * {@code Retry-After} while any limit is reached; in-dialog requests are never refused.
     *
     * @param maxCallsInSetup INVITE server transactions not yet answered finally; default 1000. A
     *        bound on calls in progress, not the latency criterion (that is {@link #maxQueueDelay}):
     *        every ringing call counts, so 1000 is 50 calls/s ringing for 20 s; the former 200 was the
     *        first limit to refuse at 1,500 calls/s (a 133 ms average setup) while the queueing delay
     *        stayed below 100 ms
     * @param maxServerTransactions all server transactions in the stack's table, including finished
     *        ones waiting for their timers; default 80000 (below the stack's own 100000 limit). A memory
     *        bound: with {@code RELEASE_REFERENCES_STRATEGY=Normal} a B2BUA call keeps about 10 KB alive,
     *        and runs offering 1,500-1,750 calls/s kept 25,000-33,700 server transactions, so the former
     *        40000 would refuse at about 2,000 calls/s
     * @param maxQueueDepth datagrams waiting in the UDP receive queue behind the INVITE being
     *        looked at; default 5000. A memory bound (trimmed datagrams, a few MB), not the
     *        latency criterion: the number of datagrams that fit in T1 depends on the call rate
     *        (a B2BUA call brings about 7 received datagrams, so 1000 cps is 7000 datagrams/s and
     *        a count of 500 was only 70 ms of work, less than one young-generation GC pause)
     * @param retryAfterSeconds the {@code Retry-After} value sent; default 5
     * @param maxQueueDelay how long the oldest datagram in the UDP receive queue may have waited;
     *        default 200 ms, below T1 (500 ms, RFC 3261 section 17.1.1.2) so callers refused while
     *        the queue drains hear 503 before they retransmit, and above the pauses a healthy JVM
     *        makes (GC, about 80 ms measured), which the queue absorbs
     */
    public record OverloadSettings(int maxCallsInSetup, int maxServerTransactions, int maxQueueDepth,
            int retryAfterSeconds, Duration maxQueueDelay) {
        /** Default of {@link #maxQueueDelay}. */
        public static final Duration DEFAULT_MAX_QUEUE_DELAY = Duration.ofMillis(200);

        /** Validates ranges. */
        public OverloadSettings {
            if (maxCallsInSetup < 1 || maxServerTransactions < 1 || maxQueueDepth < 1 || retryAfterSeconds < 0
                    || maxQueueDelay == null || maxQueueDelay.isNegative() || maxQueueDelay.isZero()) {
                throw new IllegalArgumentException("overload limits must be positive");
            }
        }

        /** As the canonical constructor with the default {@link #maxQueueDelay}. */
        public OverloadSettings(int maxCallsInSetup, int maxServerTransactions, int maxQueueDepth,
                int retryAfterSeconds) {
            this(maxCallsInSetup, maxServerTransactions, maxQueueDepth, retryAfterSeconds, DEFAULT_MAX_QUEUE_DELAY);
        }

        /** The documented defaults. */
        public static OverloadSettings defaults() {
            return new OverloadSettings(1000, 80_000, 5000, 5, DEFAULT_MAX_QUEUE_DELAY);
        }
    }
}
