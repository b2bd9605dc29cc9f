package org.tollgate.callcontrol.media;

/**
 * Media counters of one leg at the end of its call, for CDRs ({@code TransmitPackets},
 * {@code TransmitBytes}, {@code ReceivePackets}, {@code ReceiveBytes}, coder). "Transmit" is towards
 * the leg's far end (the network / the phone), as IOS counts per leg.
 */
public record MediaCounters(long packetsSent, long bytesSent, long packetsReceived, long bytesReceived, String coder) {
    public static final MediaCounters NONE = new MediaCounters(0, 0, 0, 0, "");
}
