package org.tollgate.gateway.sip;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.gateway.sip.registrar.SipUser;

/** A stopped server leaves no stack threads behind (each reconfiguration starts a new one). */
class SipServerLifecycleTest {

    private static Set<Thread> threads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).collect(Collectors.toSet());
    }

    private static Set<String> stackThreads(String stackName) {
        return threads().stream().map(Thread::getName).filter(n -> n.startsWith(stackName + "-"))
                .collect(Collectors.toSet());
    }

    /** Threads alive now that were not alive in {@code before}. */
    private static Set<String> newThreads(Set<Thread> before) {
        return threads().stream().filter(t -> !before.contains(t)).map(Thread::getName).collect(Collectors.toSet());
    }

    @Test
    @DisplayName("after close, none of the server's message-processing threads is still running")
    void closeStopsThreads() throws Exception {
        Set<Thread> before = threads();
        String name;
        try (SipTestServer s = new SipTestServer(List.of(SipUser.open("100", "dn")), null,
                SipServerSettings.OverloadSettings.defaults());
                RawSipClient c = new RawSipClient("127.0.0.1", s.port())) {
            c.requestUdp(SipMessages.options(c.localUdpPort(), "life"), "life", 200).orElseThrow();
            name = ((gov.nist.javax.sip.SipStackImpl) s.server.stack()).getStackName();
            assertTrue(!stackThreads(name).isEmpty(), "threads named after the stack while running");
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!newThreads(before).isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait(); // bounded wait for threads to observe the stop
        }
        assertTrue(stackThreads(name).isEmpty(), "left running: " + stackThreads(name));
        assertTrue(newThreads(before).isEmpty(), "threads started by the server and still running: " + newThreads(before));
    }
}
