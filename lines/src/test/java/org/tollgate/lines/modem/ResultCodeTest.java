package org.tollgate.lines.modem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ResultCodeTest {

    @Test
    @DisplayName("verbose result codes are recognised, CONNECT with or without speed, anything else is not")
    void parse() {
        assertEquals(Optional.of(ResultCode.RING), ResultCode.parse("RING"));
        assertEquals(Optional.of(ResultCode.CONNECT), ResultCode.parse("CONNECT"));
        assertEquals(Optional.of(ResultCode.CONNECT), ResultCode.parse("CONNECT 33600/ARQ"));
        assertEquals(Optional.of(ResultCode.NO_CARRIER), ResultCode.parse(" NO CARRIER "));
        assertEquals(Optional.of(ResultCode.BUSY), ResultCode.parse("BUSY"));
        assertEquals(Optional.of(ResultCode.NO_DIALTONE), ResultCode.parse("NO DIALTONE"));
        assertEquals(Optional.of(ResultCode.OK), ResultCode.parse("ok"));
        assertEquals(Optional.of(ResultCode.ERROR), ResultCode.parse("ERROR"));
        assertEquals(Optional.empty(), ResultCode.parse("ATA"));
        assertEquals(Optional.empty(), ResultCode.parse("CONNECTED"));
        assertEquals("NO CARRIER", ResultCode.NO_CARRIER.text());
    }
}
