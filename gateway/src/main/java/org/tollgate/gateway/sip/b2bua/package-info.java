/**
 * The SIP back-to-back user agent (issue 5): {@link org.tollgate.gateway.sip.b2bua.SipB2bua} turns
 * INVITEs into calls of the call-control engine (an {@link org.tollgate.gateway.sip.b2bua.InboundLeg}
 * behind {@code LegSignaling}) and creates outgoing SIP legs ({@link org.tollgate.gateway.sip.b2bua.OutboundLeg})
 * for voip dial-peers and registered phones; every leg anchors its RTP on the gateway through the
 * {@code dsp} RTP engine.
 */
package org.tollgate.gateway.sip.b2bua;
