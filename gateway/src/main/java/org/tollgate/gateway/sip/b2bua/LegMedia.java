package org.tollgate.gateway.sip.b2bua;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.tollgate.config.voice.Codec;
import org.tollgate.config.voice.DtmfRelay;
import org.tollgate.gateway.sip.sdp.SdpNegotiator;

/**
 * What the configuration says about one SIP leg's media: its {@code dtmf-relay} methods in
 * preference order and the G.711 codecs it offers / accepts (preferred first).
 *
 * @param dtmfRelay the dial-peer's or {@code voice register pool}'s {@code dtmf-relay} (empty: none configured)
 * @param codecs the codecs of SDP offers and answers on this leg
 */
record LegMedia(List<DtmfRelay> dtmfRelay, List<SdpNegotiator.Codec> codecs) {
    LegMedia {
        dtmfRelay = List.copyOf(dtmfRelay);
        codecs = List.copyOf(codecs);
        if (codecs.isEmpty()) {
            throw new IllegalArgumentException("a leg needs a codec");
        }
    }

    /**
     * The leg's media from configuration: {@code codec g711ulaw|g711alaw} on the dial-peer / pool
     * restricts the leg to that codec (as IOS offers only the configured codec); without it the
     * B2BUA's {@code defaults} apply.
     */
    static LegMedia of(List<DtmfRelay> dtmfRelay, Optional<Codec> codec, List<SdpNegotiator.Codec> defaults) {
        List<SdpNegotiator.Codec> codecs = codec.map(c -> List.of(switch (c) {
            case G711ULAW -> SdpNegotiator.Codec.PCMU;
            case G711ALAW -> SdpNegotiator.Codec.PCMA;
        })).orElse(Objects.requireNonNull(defaults, "defaults"));
        return new LegMedia(dtmfRelay, codecs);
    }

    /**
     * The configured media of an outgoing leg: {@code dtmf-relay} and {@code codec} of its voip
     * dial-peer, or for a phone line of the owning {@code voice register pool} (ephone lines: none).
     */
    static LegMedia outbound(org.tollgate.config.GatewayConfig config,
                             org.tollgate.callcontrol.leg.OutgoingLegRequest request, List<SdpNegotiator.Codec> defaults) {
        LegMedia none = new LegMedia(List.of(), defaults);
        return switch (request.peer().target()) {
            case org.tollgate.callcontrol.routing.DialPeerTarget.Voip v ->
                    org.tollgate.gateway.sip.config.SipConfiguration.dialPeer(config, request.peer().tag())
                            .map(d -> of(d.dtmfRelay(), d.codec(), defaults)).orElse(none);
            case org.tollgate.callcontrol.routing.DialPeerTarget.Line l -> poolTag(l.endpoint())
                    .flatMap(tag -> org.tollgate.gateway.sip.config.SipConfiguration.pool(config, tag))
                    .map(p -> of(p.dtmfRelay(), p.codec(), defaults)).orElse(none);
            case org.tollgate.callcontrol.routing.DialPeerTarget.Pots p -> none;
        };
    }

    /** The tag of an endpoint named {@code voice register pool N}. */
    private static Optional<Integer> poolTag(String endpoint) {
        String prefix = "voice register pool ";
        if (!endpoint.startsWith(prefix)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(endpoint.substring(prefix.length()).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The telephone-event payload type offered / accepted on this leg: when its {@code dtmf-relay}
     * contains {@code rtp-nte}, or when it has no {@code dtmf-relay} at all (tollgate's default, see
     * docs/sip.md "Digits"); else none.
     */
    OptionalInt telephoneEventPt() {
        return dtmfRelay.isEmpty() || dtmfRelay.contains(DtmfRelay.RTP_NTE)
                ? OptionalInt.of(SdpNegotiator.DEFAULT_TELEPHONE_EVENT_PT) : OptionalInt.empty();
    }
}
