package org.tollgate.harness.cdr;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.tollgate.aaa.radius.RadiusAccountingClient;
import org.tollgate.aaa.radius.RadiusServerSpec;
import org.tollgate.aaa.radius.RadiusSettings;
import org.tollgate.callcontrol.adapter.CallControlModule;
import org.tollgate.callcontrol.call.Caller;
import org.tollgate.callcontrol.cause.Q850Cause;
import org.tollgate.callcontrol.engine.CallControl;
import org.tollgate.callcontrol.engine.IncomingCall;
import org.tollgate.callcontrol.leg.LegCommand;
import org.tollgate.callcontrol.leg.LegFactory;
import org.tollgate.callcontrol.leg.LegSignaling;
import org.tollgate.callcontrol.time.SystemScheduler;
import org.tollgate.cdr.record.CallLegRecord;
import org.tollgate.cdr.record.MediaStats;
import org.tollgate.cdr.service.CdrService;
import org.tollgate.cdr.service.CdrSettings;
import org.tollgate.cdr.sink.radius.RadiusSink;
import org.tollgate.config.ConfigParser;
import org.tollgate.config.GatewayConfig;
import org.tollgate.config.ParseResult;
import org.tollgate.config.system.DialControlMib;
import org.tollgate.gateway.accounting.RadiusAccountingAdapter;

/**
 * The process the durability test kills: call control (real engine, fake SIP legs that answer at
 * once) + the CDR service with a RADIUS sink through aaa's accounting client.
 *
 * <p>Arguments: {@code DATA_DIR RADIUS_PORT SECRET load|drain}. Prints {@code READY} once started,
 * then {@code PERSISTED <recordId>} for every STOP record after its transaction committed
 * (durable), and {@code DELIVERED <n>} now and then. In {@code load} mode it releases calls in a
 * loop until killed; in {@code drain} mode it only delivers what the queue holds.
 */
public final class CdrLoadMain {
    static final String OWNER = "durability";

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int radiusPort = Integer.parseInt(args[1]);
        String secret = args[2];
        boolean load = args[3].equals("load");
        Clock clock = Clock.systemUTC();
        RadiusSettings rs = RadiusSettings.defaults().withTimeout(Duration.ofMillis(1000)).withRetransmit(0)
                .withSourceAddress(InetAddress.getLoopbackAddress());
        RadiusAccountingClient client = new RadiusAccountingClient(List.of(new RadiusServerSpec("relay",
                InetAddress.getLoopbackAddress(), radiusPort - 1, radiusPort, secret)), rs, clock);
        CdrSettings settings = CdrSettings.defaults(data, OWNER).withHistory(new DialControlMib(100_000, 1200))
                .withRetry(Duration.ofMillis(100), Duration.ofMillis(500));
        CdrService cdr = CdrService.start(settings, List.of(new RadiusSink(RadiusAccountingAdapter.of(client), OWNER,
                false, clock)), clock, MediaStats.NONE);
        cdr.onPersisted(CdrLoadMain::print);
        System.out.println("READY");
        System.out.flush();
        if (!load) {
            Thread.sleep(Long.MAX_VALUE);
        }
        ParseResult parsed = ConfigParser.parse("durability.cfg", """
                hostname durability
                dial-peer voice 100 voip
                 destination-pattern 5...
                 session target ipv4:127.0.0.1
                """);
        GatewayConfig cfg = ((ParseResult.Ok) parsed).config();
        ExecutorService answers = Executors.newVirtualThreadPerTaskExecutor();
        LegFactory voip = (req, events) -> new LegFactory.Created(new LegSignaling() {
            @Override
            public void handle(LegCommand command) {
                if (command instanceof LegCommand.Offer) {
                    answers.execute(events::answered);
                }
            }

            @Override
            public String describe() {
                return "fake SIP leg";
            }
        });
        CallControlModule cc = CallControlModule.create(cfg, new SystemScheduler(), voip, CallControl.NO_AUTHORIZATION,
                cdr.recordSink());
        LegSignaling caller = new LegSignaling() {
            @Override
            public void handle(LegCommand command) {
            }

            @Override
            public String describe() {
                return "fake caller";
            }
        };
        for (long n = 0; ; n++) {
            IncomingCall call = cc.calls().startCall(new Caller("dial-peer 200", "4" + (1000 + n % 9000), "load",
                    Optional.empty()), caller, Optional.of("5" + (1000 + n % 9000)));
            answers.execute(() -> call.events().released(Q850Cause.NORMAL_CALL_CLEARING));
            if (n % 50 == 49) {
                Thread.sleep(5);
            }
        }
    }

    private static synchronized void print(List<CallLegRecord> records) {
        StringBuilder sb = new StringBuilder();
        for (CallLegRecord r : records) {
            sb.append("PERSISTED ").append(r.recordId()).append('\n');
        }
        System.out.print(sb);
        System.out.flush();
    }
}
