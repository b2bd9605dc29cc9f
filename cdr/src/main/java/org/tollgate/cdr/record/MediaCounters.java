package org.tollgate.cdr.record;

/** RTP packet and byte counters of one leg, both ways ({@code TransmitPackets} ... {@code ReceiveBytes}). */
public record MediaCounters(long transmitPackets, long transmitBytes, long receivePackets, long receiveBytes) {
    public static final MediaCounters ZERO = new MediaCounters(0, 0, 0, 0);
}
