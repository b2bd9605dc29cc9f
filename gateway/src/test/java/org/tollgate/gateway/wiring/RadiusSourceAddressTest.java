package org.tollgate.gateway.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.config.ConfigParser;
import org.tollgate.config.GatewayConfig;
import org.tollgate.config.ParseResult;

class RadiusSourceAddressTest {

    private static GatewayConfig parse(String text) {
        ParseResult r = ConfigParser.parse("test.cfg", text);
        assertTrue(r instanceof ParseResult.Ok, () -> r.toString());
        return ((ParseResult.Ok) r).config();
    }

    @Test
    @DisplayName("ip radius source-interface: RADIUS binds to that interface's configured ip address when this machine has it")
    void sourceInterfaceAddressOfThisMachine() {
        GatewayConfig c = parse("""
                interface Loopback0
                 ip address 127.0.0.1 255.0.0.0
                ip radius source-interface Loopback0
                """);
        assertEquals(Optional.of(InetAddress.getLoopbackAddress()), RadiusSourceAddress.of(c));
    }

    @Test
    @DisplayName("without ip radius source-interface the system picks the source address")
    void noSourceInterface() {
        assertEquals(Optional.empty(), RadiusSourceAddress.of(parse("hostname gw\n")));
    }

    @Test
    @DisplayName("an interface address this machine does not have, or an interface without address, is not bound")
    void unusableAddresses() {
        GatewayConfig foreign = parse("""
                interface Ethernet0/0
                 ip address 192.0.2.77 255.255.255.0
                ip radius source-interface Ethernet0/0
                """);
        assertEquals(Optional.of("192.0.2.77"), RadiusSourceAddress.interfaceAddress(foreign, "ethernet0/0"));
        assertEquals(Optional.empty(), RadiusSourceAddress.of(foreign));
        GatewayConfig missing = parse("ip radius source-interface Loopback9\n");
        assertEquals(Optional.empty(), RadiusSourceAddress.of(missing));
    }
}
