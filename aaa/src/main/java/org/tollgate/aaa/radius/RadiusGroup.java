package org.tollgate.aaa.radius;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tollgate.aaa.method.AuthResult;
import org.tollgate.aaa.method.Credentials;
import org.tollgate.aaa.method.LoginMethod;
import org.tollgate.aaa.radius.internal.AccessExchange;
import org.tollgate.aaa.radius.internal.UdpExchange;

/**
 * A RADIUS server group as a login method: {@code group radius} (every {@code radius-server host} /
 * {@code radius server}) or {@code group NAME} ({@code aaa group server radius NAME / server name X}).
 *
 * <p>Servers are tried in configured order. A server that answers — accept or reject — ends the
 * request. A server with no valid answer (timeout after {@code retransmit} retransmissions, ICMP
 * unreachable, replies failing authentication) is marked dead for {@code deadtime} (when non-zero)
 * and the next server is tried; dead servers are skipped until their deadtime passes (injected
 * clock). When no server answers, or all are dead, the method is {@link AuthResult.Unavailable}
 * so the method list goes on to its next method, as IOS does.
 *
 * <p>Never blocks the caller: each request runs on a virtual thread of the group's executor.
 */
public final class RadiusGroup implements LoginMethod {

    private static final Logger LOG = LoggerFactory.getLogger(RadiusGroup.class);

    private final String methodName;
    private final List<RadiusServerSpec> servers;
    private final RadiusSettings settings;
    private final Clock clock;
    private final Executor executor;
    private final String nasIdentifier;
    private final RadiusServers states;

    /**
     * @param methodName the method as configured: {@code group radius} or {@code group NAME}
     * @param servers the group's servers, in order
     * @param settings timeout, retransmit, deadtime, source address
     * @param clock for dead-server marking
     * @param executor where requests run (a virtual-thread-per-task executor in production)
     * @param nasIdentifier the NAS-Identifier sent (the hostname)
     */
    public RadiusGroup(String methodName, List<RadiusServerSpec> servers, RadiusSettings settings, Clock clock,
            Executor executor, String nasIdentifier, RadiusServers states) {
        this.methodName = Objects.requireNonNull(methodName, "methodName");
        this.servers = List.copyOf(servers);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.nasIdentifier = Objects.requireNonNull(nasIdentifier, "nasIdentifier");
        this.states = Objects.requireNonNull(states, "states");
    }

    /** With a shared virtual-thread executor and the servers' shared state. */
    public RadiusGroup(String methodName, List<RadiusServerSpec> servers, RadiusSettings settings, Clock clock,
            String nasIdentifier, RadiusServers states) {
        this(methodName, servers, settings, clock, VirtualThreads.EXECUTOR, nasIdentifier, states);
    }

    /** With a shared virtual-thread executor and a state registry of its own. */
    public RadiusGroup(String methodName, List<RadiusServerSpec> servers, RadiusSettings settings, Clock clock,
            String nasIdentifier) {
        this(methodName, servers, settings, clock, VirtualThreads.EXECUTOR, nasIdentifier, new RadiusServers());
    }

    private static final class VirtualThreads {
        static final Executor EXECUTOR = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("radius-", 0).factory());
    }

    @Override
    public String name() {
        return methodName;
    }

    public List<RadiusServerSpec> servers() {
        return servers;
    }

    /** True while the server of that name (in this group) is marked dead. */
    public boolean isDead(String serverName) {
        return servers.stream().filter(s -> s.name().equals(serverName))
                .anyMatch(s -> states.state(s).isDead(clock.instant()));
    }

    @Override
    public CompletableFuture<AuthResult> authenticate(Credentials credentials) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return authenticateBlocking(credentials);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new AuthResult.Unavailable(methodName, "interrupted");
            }
        }, executor);
    }

    /** One server after the other; blocking: runs on the executor. */
    private AuthResult authenticateBlocking(Credentials credentials) throws InterruptedException {
        String reasons = servers.isEmpty() ? "no servers configured" : "";
        for (RadiusServerSpec server : servers) {
            RadiusServerState state = states.state(server);
            if (state.isDead(clock.instant())) {
                reasons += server.name() + ": marked dead; ";
                continue;
            }
            UdpExchange.Outcome<RadiusAnswer> outcome =
                    new AccessExchange(server, server.effective(settings), nasIdentifier).exchange(credentials);
            state.authRequests.increment();
            state.authRetransmissions.add(Math.max(0, outcome.transmissions() - 1));
            state.incorrect.add(outcome.invalid());
            switch (outcome.answer()) {
                case RadiusAnswer.Accept accept -> {
                    state.accepts.increment();
                    state.markAlive();
                    return new AuthResult.Accepted(credentials.username(), methodName);
                }
                case RadiusAnswer.Reject reject -> {
                    state.rejects.increment();
                    state.markAlive();
                    return new AuthResult.Rejected(credentials.username(), methodName);
                }
                case RadiusAnswer.NoAnswer none -> {
                    state.authTimeouts.increment();
                    reasons += server.name() + ": " + none.reason() + "; ";
                    if (!settings.deadtime().isZero()) {
                        Instant until = clock.instant().plus(settings.deadtime());
                        state.markDead(until);
                        LOG.warn("RADIUS server {} marked dead until {}: {}", server.name(), until, none.reason());
                    } else {
                        LOG.warn("RADIUS server {} did not answer: {}", server.name(), none.reason());
                    }
                }
            }
        }
        return new AuthResult.Unavailable(methodName, reasons.strip());
    }
}
