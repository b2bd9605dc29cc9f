package org.tollgate.harness.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tollgate.callcontrol.cli.TestVoicePortCommand;
import org.tollgate.cdr.record.CallLegRecord;

/**
 * FAC over SIP (issue 6) with the seed configuration ({@code examples/cme-fac.cfg}) loaded unchanged:
 * a SIPp UAC registers as 786786 (ephone-dn 102, LPCOR group LocalUser), calls 99329 (pots dial-peer
 * 11, port 0/1/1, policy AnalogPhone: {@code accept LocalUser fac}), hears the user prompt as early
 * media (183), enters {@code 786#} (predefined password 54321, local user 786) and is connected to
 * the simulated phone on 0/1/1, which answers by itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SippFacTest {
    private SipGatewayFixture gw;
    private Path caller;

    @BeforeAll
    void start() throws Exception {
        String seed = Files.readString(Path.of("../examples/cme-fac.cfg"));
        gw = new SipGatewayFixture(seed, Files.createTempDirectory("sipp-fac"));
        caller = Sipp.callerFile("786786");
        TestVoicePortCommand.run(gw.services.module().ports(), "0/1/1", List.of("auto-answer", "1"));
    }

    /** A failed scenario may leave a SIPp peer waiting on a port the next test needs. */
    @AfterEach
    void killLeftovers() {
        Sipp.running().forEach(Sipp::kill);
    }

    @AfterAll
    void stop() {
        if (gw != null) {
            gw.close();
        }
    }

    private void assertFacCall(String scenario) throws Exception {
        Instant start = Instant.now();
        int rc = Sipp.uac(scenario, gw.target(), work -> {
            DtmfPcap.write("786#", work.resolve("dtmf_786pound.pcap"));
            DtmfPcap.writeInband("786#", work.resolve("inband_786pound.pcap"));
        }, "-s", "99329", "-inf", caller.toString());
        assertEquals(0, rc, "SIPp scenario " + scenario);
        SipGatewayFixture.await(() -> since(start).size() >= 2 && since(start).stream()
                .allMatch(l -> l.disconnectTime().isPresent()), "both legs of the call in the CDR history");
        List<CallLegRecord> legs = since(start);
        assertTrue(legs.stream().anyMatch(l -> l.facStatusText().equals("success")), legs.toString());
        assertTrue(legs.stream().allMatch(l -> l.connectTime().isPresent()), legs.toString());
        TestVoicePortCommand.run(gw.services.module().ports(), "0/1/1", List.of("on-hook"));
    }

    private List<CallLegRecord> since(Instant start) {
        return gw.history().stream().filter(l -> !l.setupTime().isBefore(start)).toList();
    }

    @Test
    @DisplayName("FAC over SIP: 183 early media with the prompt, 786# by SIP INFO, 200 from the analog port 0/1/1")
    void facBySipInfo() throws Exception {
        assertFacCall("uac_fac_info.xml");
    }

    @Test
    @DisplayName("FAC over SIP: 786# as RFC 4733 telephone-events (SIPp dtmf_2833 captures) in the early media")
    void facByRfc4733() throws Exception {
        assertFacCall("uac_fac_rfc4733.xml");
    }

    @Test
    @DisplayName("FAC over SIP: 786# as in-band DTMF tones in PCMU audio from a caller without telephone-event")
    void facByInbandDtmf() throws Exception {
        assertFacCall("uac_fac_inband.xml");
    }
}
