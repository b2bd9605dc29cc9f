package org.tollgate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.config.cme.ParkSlot;

class ParkSlotTransferTest {
    @Test
    @DisplayName("park-slot timeout S limit N transfer NUMBER: the timed-out call goes to NUMBER; printed back in the same form")
    void transferTarget() {
        String cfg = "ephone-dn 50\n number 7001\n park-slot timeout 30 limit 2 transfer 2005\n";
        GatewayConfig c = assertInstanceOf(ParseResult.Ok.class, ConfigParser.parse("t", cfg)).config();
        assertEquals(Optional.of(new ParkSlot(OptionalInt.of(30), OptionalInt.of(2), false, Optional.of("2005"))),
                c.ephoneDn(50).orElseThrow().parkSlot());
        assertTrue(ConfigPrinter.print(c).contains(" park-slot timeout 30 limit 2 transfer 2005\n"));
        GatewayConfig again = assertInstanceOf(ParseResult.Ok.class,
                ConfigParser.parse("t", ConfigPrinter.print(c))).config();
        assertEquals(c.ephoneDn(50), again.ephoneDn(50));
    }

    @Test
    @DisplayName("park-slot transfer needs a number")
    void transferNeedsNumber() {
        assertInstanceOf(ParseResult.Failed.class, ConfigParser.parse("t", "ephone-dn 50\n park-slot transfer\n"));
    }
}
