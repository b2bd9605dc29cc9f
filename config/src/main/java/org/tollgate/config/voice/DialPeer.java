package org.tollgate.config.voice;

import java.util.List;
import java.util.Optional;
import org.tollgate.config.lpcor.LpcorMembership;

/**
 * {@code dial-peer voice TAG pots|voip}.
 *
 * @param tag 1..2147483647
 * @param voip true for {@code voip} (SIP), false for {@code pots}
 * @param destinationPattern {@code destination-pattern P} (digits, {@code . T [] + ^ $ ,}); outbound match
 * @param port {@code port X/Y/Z} (pots): the voice-port calls go out on
 * @param sessionTarget {@code session target ipv4:A[:P]} (voip)
 * @param sessionProtocolSip {@code session protocol sipv2} (the only one tollgate speaks)
 * @param sessionTransportTcp {@code session transport tcp}; default udp
 * @param dtmfRelay {@code dtmf-relay ...} methods in preference order
 * @param preference {@code preference 0..10}, default 0 (lower is tried first)
 * @param huntstop {@code huntstop}: do not hunt past this peer
 * @param lpcor {@code lpcor incoming|outgoing G}
 * @param codec {@code codec g711ulaw|g711alaw}
 * @param incomingCalledNumber {@code incoming called-number P}: inbound match
 * @param answerAddress {@code answer-address P}: inbound match on the calling number
 * @param description {@code description TEXT}
 * @param forwardDigits {@code forward-digits 0..32|all|extra} as written
 * @param prefix {@code prefix DIGITS}
 * @param digitStrip default true; {@code no digit-strip} turns it off (pots)
 */
public record DialPeer(int tag, boolean voip, Optional<String> destinationPattern, Optional<String> port,
                       Optional<SessionTarget> sessionTarget, boolean sessionProtocolSip, boolean sessionTransportTcp,
                       List<DtmfRelay> dtmfRelay, int preference, boolean huntstop, LpcorMembership lpcor,
                       Optional<Codec> codec, Optional<String> incomingCalledNumber, Optional<String> answerAddress,
                       Optional<String> description, Optional<String> forwardDigits, Optional<String> prefix,
                       boolean digitStrip) {

    public DialPeer {
        dtmfRelay = List.copyOf(dtmfRelay);
    }

    /** A new dial-peer with IOS defaults. */
    public static DialPeer of(int tag, boolean voip) {
        return new DialPeer(tag, voip, Optional.empty(), Optional.empty(), Optional.empty(), false, false, List.of(), 0,
                false, LpcorMembership.NONE, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), true);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Mutable copy for editing; {@link #build()} returns a new record. */
    public static final class Builder {
        private final int tag;
        private final boolean voip;
        private Optional<String> destinationPattern;
        private Optional<String> port;
        private Optional<SessionTarget> sessionTarget;
        private boolean sessionProtocolSip;
        private boolean sessionTransportTcp;
        private List<DtmfRelay> dtmfRelay;
        private int preference;
        private boolean huntstop;
        private LpcorMembership lpcor;
        private Optional<Codec> codec;
        private Optional<String> incomingCalledNumber;
        private Optional<String> answerAddress;
        private Optional<String> description;
        private Optional<String> forwardDigits;
        private Optional<String> prefix;
        private boolean digitStrip;

        Builder(DialPeer d) {
            tag = d.tag;
            voip = d.voip;
            destinationPattern = d.destinationPattern;
            port = d.port;
            sessionTarget = d.sessionTarget;
            sessionProtocolSip = d.sessionProtocolSip;
            sessionTransportTcp = d.sessionTransportTcp;
            dtmfRelay = d.dtmfRelay;
            preference = d.preference;
            huntstop = d.huntstop;
            lpcor = d.lpcor;
            codec = d.codec;
            incomingCalledNumber = d.incomingCalledNumber;
            answerAddress = d.answerAddress;
            description = d.description;
            forwardDigits = d.forwardDigits;
            prefix = d.prefix;
            digitStrip = d.digitStrip;
        }

        public boolean voip() { return voip; }
        public Builder destinationPattern(Optional<String> v) { destinationPattern = v; return this; }
        public Builder port(Optional<String> v) { port = v; return this; }
        public Builder sessionTarget(Optional<SessionTarget> v) { sessionTarget = v; return this; }
        public Builder sessionProtocolSip(boolean v) { sessionProtocolSip = v; return this; }
        public Builder sessionTransportTcp(boolean v) { sessionTransportTcp = v; return this; }
        public Builder dtmfRelay(List<DtmfRelay> v) { dtmfRelay = v; return this; }
        public Builder preference(int v) { preference = v; return this; }
        public Builder huntstop(boolean v) { huntstop = v; return this; }
        public LpcorMembership lpcor() { return lpcor; }
        public Builder lpcor(LpcorMembership v) { lpcor = v; return this; }
        public Builder codec(Optional<Codec> v) { codec = v; return this; }
        public Builder incomingCalledNumber(Optional<String> v) { incomingCalledNumber = v; return this; }
        public Builder answerAddress(Optional<String> v) { answerAddress = v; return this; }
        public Builder description(Optional<String> v) { description = v; return this; }
        public Builder forwardDigits(Optional<String> v) { forwardDigits = v; return this; }
        public Builder prefix(Optional<String> v) { prefix = v; return this; }
        public Builder digitStrip(boolean v) { digitStrip = v; return this; }

        public DialPeer build() {
            return new DialPeer(tag, voip, destinationPattern, port, sessionTarget, sessionProtocolSip,
                    sessionTransportTcp, dtmfRelay, preference, huntstop, lpcor, codec, incomingCalledNumber,
                    answerAddress, description, forwardDigits, prefix, digitStrip);
        }
    }
}
