package org.tollgate.gateway.sip.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.nist.javax.sip.stack.DatagramQueuedMessageDispatch;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.util.OptionalLong;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 5 overload control: what the UDP receive queue reports to the 503 gate. */
class BoundedDatagramQueueTest {

    private static DatagramQueuedMessageDispatch datagram(int length, long receivedAt) throws Exception {
        DatagramPacket p = new DatagramPacket(new byte[16_384], length, InetAddress.getLoopbackAddress(), 5060);
        return new DatagramQueuedMessageDispatch(p, receivedAt);
    }

    @Test
    @DisplayName("the queueing delay is measured from the oldest waiting datagram's reception time; none when empty")
    void oldestReceptionTimeIsTheHead() throws Exception {
        BoundedDatagramQueue q = new BoundedDatagramQueue(new LinkedBlockingQueue<>(), 10);
        assertEquals(OptionalLong.empty(), q.oldestReceptionTime());
        q.offer(datagram(100, 1_000));
        q.offer(datagram(100, 1_250));
        assertEquals(OptionalLong.of(1_000), q.oldestReceptionTime());
        q.poll();
        assertEquals(OptionalLong.of(1_250), q.oldestReceptionTime());
        q.poll();
        assertEquals(OptionalLong.empty(), q.oldestReceptionTime());
    }

    @Test
    @DisplayName("datagrams beyond the capacity are refused and counted; queued ones are trimmed to their length")
    void boundedAndTrimmed() throws Exception {
        BoundedDatagramQueue q = new BoundedDatagramQueue(new LinkedBlockingQueue<>(), 2);
        assertTrue(q.offer(datagram(40, 1)));
        assertTrue(q.offer(datagram(50, 2)));
        assertFalse(q.offer(datagram(60, 3)));
        assertEquals(1, q.overflow());
        assertEquals(2, q.size());
        assertEquals(40, q.poll().packet.getData().length);
    }
}
