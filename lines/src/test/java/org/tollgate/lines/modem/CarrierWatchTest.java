package org.tollgate.lines.modem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CarrierWatchTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    @DisplayName("NO CARRIER from the modem ends the call and is not passed on")
    void detectsNoCarrier() {
        CarrierWatch w = new CarrierWatch();
        assertArrayEquals(b("show ver\r"), w.filter(b("show ver\r")));
        assertArrayEquals(b("\r"), w.filter(b("\r\nNO CARR")));
        assertFalse(w.carrierLost());
        assertArrayEquals(new byte[0], w.filter(b("IER\r\n")));
        assertTrue(w.carrierLost());
    }

    @Test
    @DisplayName("a caller's CR is never held back")
    void crPassesAtOnce() {
        CarrierWatch w = new CarrierWatch();
        assertArrayEquals(b("\r"), w.filter(b("\r")));
    }

    @Test
    @DisplayName("a false start (LF NO CAR then other text) is released in order")
    void falseStartReleased() {
        CarrierWatch w = new CarrierWatch();
        assertArrayEquals(new byte[0], w.filter(b("\nNO CAR")));
        assertArrayEquals(b("\nNO CARPET"), w.filter(b("PET")));
        assertFalse(w.carrierLost());
    }

    @Test
    @DisplayName("property: without NO CARRIER, output in any chunking is the input minus a held tail that could start the pattern")
    void passesOrdinaryData() {
        qt().forAll(strings().ascii().ofLengthBetween(0, 60), integers().between(1, 7)).checkAssert((text, chunk) -> {
            String data = text;
            while (data.contains("\nNO CARRIER")) {
                data = data.replace("\nNO CARRIER", "");
            }
            CarrierWatch w = new CarrierWatch();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] in = b(data);
            for (int i = 0; i < in.length; i += chunk) {
                out.writeBytes(w.filter(java.util.Arrays.copyOfRange(in, i, Math.min(in.length, i + chunk))));
            }
            String passed = out.toString(StandardCharsets.ISO_8859_1);
            assertTrue(data.startsWith(passed), "output is a prefix of the input");
            assertTrue("\nNO CARRIER".startsWith(data.substring(passed.length())), "held part starts the pattern");
            assertFalse(w.carrierLost());
        });
    }
}
