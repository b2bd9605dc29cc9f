package org.tollgate.aaa.radius;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tinyradius.attribute.RadiusAttribute;
import org.tollgate.aaa.radius.internal.AccountingExchange;
import org.tollgate.aaa.radius.internal.UdpExchange;

/**
 * RADIUS accounting (RFC 2866) for {@code gw-accounting aaa}: sends one Accounting-Request built
 * from the caller's attributes ({@code User-Name}, {@code Acct-Status-Type}, {@code Acct-Session-Id},
 * Cisco VSAs from {@link CiscoDictionary}, ...) to the group's servers in order, with the same
 * timeout / retransmit / deadtime rules as {@link RadiusGroup}. Never blocks the caller: each send
 * runs on a virtual thread. Durability (retry later, queueing) is the caller's: a
 * {@link AccountingAnswer.NotAcknowledged} record should stay queued.
 */
public final class RadiusAccountingClient {

    private static final Logger LOG = LoggerFactory.getLogger(RadiusAccountingClient.class);
    private static final Executor VIRTUAL = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("radius-acct-", 0).factory());

    private final List<RadiusServerSpec> servers;
    private final RadiusSettings settings;
    private final Clock clock;
    private final Executor executor;
    private final RadiusServers states;

    public RadiusAccountingClient(List<RadiusServerSpec> servers, RadiusSettings settings, Clock clock,
            Executor executor, RadiusServers states) {
        this.servers = List.copyOf(servers);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.states = Objects.requireNonNull(states, "states");
    }

    /** On virtual threads, sharing the servers' state (dead marks, counters) with authentication. */
    public RadiusAccountingClient(List<RadiusServerSpec> servers, RadiusSettings settings, Clock clock,
            RadiusServers states) {
        this(servers, settings, clock, VIRTUAL, states);
    }

    /** On virtual threads, with a state registry of its own. */
    public RadiusAccountingClient(List<RadiusServerSpec> servers, RadiusSettings settings, Clock clock) {
        this(servers, settings, clock, VIRTUAL, new RadiusServers());
    }

    /**
     * Sends one record.
     *
     * @throws IllegalArgumentException (in the future) when the attributes lack User-Name or
     *     Acct-Status-Type, which TinyRadius requires
     */
    public CompletableFuture<AccountingAnswer> send(List<RadiusAttribute> attributes) {
        List<RadiusAttribute> copy = List.copyOf(attributes);
        return CompletableFuture.supplyAsync(() -> {
            try {
                return sendBlocking(copy);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new AccountingAnswer.NotAcknowledged("interrupted");
            }
        }, executor);
    }

    private AccountingAnswer sendBlocking(List<RadiusAttribute> attributes) throws InterruptedException {
        StringBuilder reasons = new StringBuilder(servers.isEmpty() ? "no servers configured" : "");
        for (RadiusServerSpec server : servers) {
            RadiusServerState state = states.state(server);
            if (state.isDead(clock.instant())) {
                reasons.append(server.name()).append(": marked dead; ");
                continue;
            }
            UdpExchange.Outcome<Boolean> outcome =
                    AccountingExchange.run(server, server.effective(settings), attributes);
            state.acctRequests.increment();
            state.incorrect.add(outcome.invalid());
            if (outcome.answer() != null) {
                state.acctAcks.increment();
                state.markAlive();
                return new AccountingAnswer.Acknowledged(server.name());
            }
            state.acctTimeouts.increment();
            reasons.append(server.name()).append(": ").append(outcome.failure()).append("; ");
            if (!settings.deadtime().isZero()) {
                state.markDead(clock.instant().plus(settings.deadtime()));
            }
            LOG.warn("RADIUS accounting server {} did not acknowledge: {}", server.name(), outcome.failure());
        }
        return new AccountingAnswer.NotAcknowledged(reasons.toString().strip());
    }
}
