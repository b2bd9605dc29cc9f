package org.tollgate.gateway.sip.internal;

import gov.nist.javax.sip.stack.DatagramQueuedMessageDispatch;
import java.net.DatagramPacket;
import java.util.AbstractQueue;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The RI's UDP receive queue, made safe under overload. The RI allocates a receive buffer of
 * {@code MAX_MESSAGE_SIZE} bytes for every datagram and queues it without limit; under a flood
 * that is what runs the heap out (issue 5). This decorator, put in front of the RI's own queue
 * object (so the RI's congestion auditor keeps purging stale entries from it):
 * <ul>
 *   <li>copies each datagram into an array of its real length before queueing, so a queued
 *       request costs its own size instead of the whole buffer;</li>
 *   <li>refuses datagrams beyond {@code capacity} (they are dropped and counted; the sender's
 *       retransmission or the kernel's socket buffer takes over).</li>
 * </ul>
 */
final class BoundedDatagramQueue extends AbstractQueue<DatagramQueuedMessageDispatch>
        implements BlockingQueue<DatagramQueuedMessageDispatch> {
    private final BlockingQueue<DatagramQueuedMessageDispatch> delegate;
    private final int capacity;
    private final AtomicLong overflow = new AtomicLong();

    BoundedDatagramQueue(BlockingQueue<DatagramQueuedMessageDispatch> delegate, int capacity) {
        this.delegate = delegate;
        this.capacity = capacity;
    }

    /** Reception time (RI clock, epoch milliseconds) of the datagram at the head, empty when none waits. */
    java.util.OptionalLong oldestReceptionTime() {
        DatagramQueuedMessageDispatch head = delegate.peek();
        return head == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(head.getReceptionTime());
    }

    /** Datagrams dropped because the queue was full. */
    long overflow() {
        return overflow.get();
    }

    private static DatagramQueuedMessageDispatch trimmed(DatagramQueuedMessageDispatch d) {
        DatagramPacket p = d.packet;
        if (p == null || p.getData().length == p.getLength()) {
            return d;
        }
        byte[] exact = Arrays.copyOfRange(p.getData(), p.getOffset(), p.getOffset() + p.getLength());
        DatagramPacket copy = new DatagramPacket(exact, exact.length, p.getAddress(), p.getPort());
        return new DatagramQueuedMessageDispatch(copy, d.getReceptionTime());
    }

    @Override public boolean offer(DatagramQueuedMessageDispatch d) {
        if (delegate.size() >= capacity) {
            overflow.incrementAndGet();
            return false;
        }
        return delegate.offer(trimmed(d));
    }

    @Override public boolean offer(DatagramQueuedMessageDispatch d, long timeout, TimeUnit unit) {
        return offer(d);
    }

    @Override public void put(DatagramQueuedMessageDispatch d) {
        offer(d);
    }

    @Override public DatagramQueuedMessageDispatch take() throws InterruptedException {
        return delegate.take();
    }

    @Override public DatagramQueuedMessageDispatch poll(long timeout, TimeUnit unit) throws InterruptedException {
        return delegate.poll(timeout, unit);
    }

    @Override public DatagramQueuedMessageDispatch poll() {
        return delegate.poll();
    }

    @Override public DatagramQueuedMessageDispatch peek() {
        return delegate.peek();
    }

    @Override public int remainingCapacity() {
        return Math.max(0, capacity - delegate.size());
    }

    @Override public int drainTo(Collection<? super DatagramQueuedMessageDispatch> c) {
        return delegate.drainTo(c);
    }

    @Override public int drainTo(Collection<? super DatagramQueuedMessageDispatch> c, int maxElements) {
        return delegate.drainTo(c, maxElements);
    }

    @Override public Iterator<DatagramQueuedMessageDispatch> iterator() {
        return delegate.iterator();
    }

    @Override public int size() {
        return delegate.size();
    }
}
