package org.tollgate.callcontrol.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.callcontrol.cause.Q850Cause;
import org.tollgate.callcontrol.engine.CallControl;
import org.tollgate.callcontrol.leg.LegFactory;
import org.tollgate.callcontrol.time.ManualScheduler;
import org.tollgate.config.ConfigParser;
import org.tollgate.config.GatewayConfig;
import org.tollgate.config.ParseResult;

class ReconfigureTest {
    static GatewayConfig parse(String text) {
        return assertInstanceOf(ParseResult.Ok.class, ConfigParser.parse("t.cfg", text)).config();
    }

    @Test
    @DisplayName("reconfigure swaps dial plan, LPCOR cause and inter-digit timeout for new calls")
    void reconfigureAppliesToNewCalls() {
        String base = """
                voice-port 0/1/0
                voice-port 0/1/1
                dial-peer voice 11 pots
                 destination-pattern 99329
                 port 0/1/1
                """;
        CallControlModule m = CallControlModule.create(parse(base), new ManualScheduler(),
                LegFactory.unavailable(Q850Cause.NO_ROUTE_TO_DESTINATION, "no SIP"), CallControl.NO_AUTHORIZATION, e -> { });
        assertEquals(Duration.ofSeconds(10), m.settings().interdigit());
        assertEquals(List.of(11), m.settings().dialPlan().candidates("99329").stream().map(p -> p.tag()).toList());
        m.reconfigure(parse(base + """
                dial-peer voice 12 pots
                 destination-pattern 5000
                 port 0/1/1
                timeouts interdigit 5
                voice lpcor call-block cause invalid-number
                """));
        assertEquals(Duration.ofSeconds(5), m.settings().interdigit());
        assertEquals(Q850Cause.INVALID_NUMBER_FORMAT, m.settings().lpcor().callBlockCause());
        assertEquals(12, m.settings().dialPlan().candidates("5000").getFirst().tag());
        assertTrue(m.ports().port("0/1/0").isPresent());
    }
}
