package org.tollgate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.config.cme.Snr;

class SnrCommandTest {
    private static GatewayConfig ok(String cfg) {
        return assertInstanceOf(ParseResult.Ok.class, ConfigParser.parse("t", cfg)).config();
    }

    @Test
    @DisplayName("ephone-dn: snr N delay D timeout T is parsed and printed back in the same form")
    void ephoneDnSnr() {
        GatewayConfig c = ok("ephone-dn 5\n number 2001\n snr 09012345678 delay 5 timeout 20\n");
        assertEquals(Optional.of(new Snr("09012345678", 5, 20)), c.ephoneDn(5).orElseThrow().snr());
        assertTrue(ConfigPrinter.print(c).contains(" snr 09012345678 delay 5 timeout 20\n"));
        assertEquals(c.ephoneDn(5), ok(ConfigPrinter.print(c)).ephoneDn(5));
    }

    @Test
    @DisplayName("voice register dn: snr N delay D timeout T is parsed and printed back in the same form")
    void registerDnSnr() {
        GatewayConfig c = ok("voice register dn 3\n number 3001\n snr 5551234 delay 0 timeout 60\n");
        assertEquals(Optional.of(new Snr("5551234", 0, 60)), c.voiceRegister().dn(3).orElseThrow().snr());
        assertTrue(ConfigPrinter.print(c).contains(" snr 5551234 delay 0 timeout 60\n"));
        assertEquals(c.voiceRegister().dn(3), ok(ConfigPrinter.print(c)).voiceRegister().dn(3));
    }

    @Test
    @DisplayName("no snr removes it")
    void noSnr() {
        GatewayConfig c = ok("ephone-dn 5\n number 2001\n snr 555 delay 5 timeout 20\n no snr\n");
        assertEquals(Optional.empty(), c.ephoneDn(5).orElseThrow().snr());
    }

    @Test
    @DisplayName("snr: delay above 30 s, timeout below 5 s and a missing keyword are errors")
    void snrErrors() {
        assertInstanceOf(ParseResult.Failed.class, ConfigParser.parse("t", "ephone-dn 5\n snr 555 delay 31 timeout 20\n"));
        assertInstanceOf(ParseResult.Failed.class, ConfigParser.parse("t", "ephone-dn 5\n snr 555 delay 5 timeout 4\n"));
        assertInstanceOf(ParseResult.Failed.class, ConfigParser.parse("t", "ephone-dn 5\n snr 555 timeout 20\n"));
    }
}
