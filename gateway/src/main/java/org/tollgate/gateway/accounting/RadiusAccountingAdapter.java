package org.tollgate.gateway.accounting;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.tinyradius.attribute.IntegerAttribute;
import org.tinyradius.attribute.RadiusAttribute;
import org.tinyradius.attribute.StringAttribute;
import org.tollgate.aaa.AaaService;
import org.tollgate.aaa.radius.AccountingAnswer;
import org.tollgate.aaa.radius.CiscoDictionary;
import org.tollgate.aaa.radius.RadiusAccountingClient;
import org.tollgate.cdr.sink.radius.AccountingAttribute;
import org.tollgate.cdr.sink.radius.RadiusAccountingPort;

/**
 * The CDR module's {@link RadiusAccountingPort} over {@code aaa}'s {@link RadiusAccountingClient}:
 * plain attributes become TinyRadius attributes ({@code Cisco} VSAs through {@link CiscoDictionary}),
 * the client's answer becomes an {@link RadiusAccountingPort.Ack}. The round trip of each
 * acknowledged request (send to Accounting-Response, retransmissions included) goes to the latency
 * listener, if one is given.
 *
 * <pre>{@code
 * RadiusAccountingPort port = RadiusAccountingAdapter.forList(aaaService, "h323");
 * CdrSinks.fromConfig(config, Optional.of(port), flashDir, SyslogFraming.RFC5424, clock);
 * }</pre>
 */
public final class RadiusAccountingAdapter implements RadiusAccountingPort {
    private final Supplier<Optional<RadiusAccountingClient>> client;
    private final Consumer<Duration> latency;

    public RadiusAccountingAdapter(Supplier<Optional<RadiusAccountingClient>> client) {
        this(client, d -> {
        });
    }

    /** Reporting each acknowledged request's round trip to {@code latency} (must not block). */
    public RadiusAccountingAdapter(Supplier<Optional<RadiusAccountingClient>> client, Consumer<Duration> latency) {
        this.client = client;
        this.latency = latency;
    }

    /** Over a fixed client. */
    public static RadiusAccountingAdapter of(RadiusAccountingClient client) {
        return new RadiusAccountingAdapter(() -> Optional.of(client));
    }

    /**
     * Over {@code aaa accounting connection LIST ...} of the current AAA configuration, looked up
     * per record (so a configuration change applies to the next record).
     */
    public static RadiusAccountingAdapter forList(AaaService aaa, String listName) {
        return new RadiusAccountingAdapter(() -> aaa.accounting("connection", listName));
    }

    /** As {@link #forList(AaaService, String)}, reporting round trips to {@code latency}. */
    public static RadiusAccountingAdapter forList(AaaService aaa, String listName, Consumer<Duration> latency) {
        return new RadiusAccountingAdapter(() -> aaa.accounting("connection", listName), latency);
    }

    @Override
    public CompletableFuture<Ack> send(List<AccountingAttribute> attributes) {
        Optional<RadiusAccountingClient> c = client.get();
        if (c.isEmpty()) {
            return CompletableFuture.completedFuture(new Ack.NotAcknowledged("no RADIUS accounting list"));
        }
        long sent = System.nanoTime();
        return c.get().send(convert(attributes)).handle((answer, error) -> {
            if (error != null) {
                return new Ack.NotAcknowledged("send failed: " + error);
            }
            return switch (answer) {
                case AccountingAnswer.Acknowledged a -> {
                    latency.accept(Duration.ofNanos(System.nanoTime() - sent));
                    yield new Ack.Acknowledged(a.server());
                }
                case AccountingAnswer.NotAcknowledged n -> new Ack.NotAcknowledged(n.reason());
            };
        });
    }

    /** The TinyRadius form of {@code attributes}, in order. */
    public static List<RadiusAttribute> convert(List<AccountingAttribute> attributes) {
        List<RadiusAttribute> out = new ArrayList<>(attributes.size());
        for (AccountingAttribute a : attributes) {
            out.add(switch (a) {
                case AccountingAttribute.Text t -> new StringAttribute(t.type(), t.value());
                case AccountingAttribute.Number n -> new IntegerAttribute(n.type(), (int) n.value());
                case AccountingAttribute.CiscoVsa v -> CiscoDictionary.vsa(v.vendorType(), v.value());
            });
        }
        return out;
    }
}
