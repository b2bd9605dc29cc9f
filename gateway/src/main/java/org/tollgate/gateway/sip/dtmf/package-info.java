/**
 * DTMF relay codecs of IOS {@code dtmf-relay}: SIP INFO, Cisco NOTIFY, KPML. Every codec yields a
 * {@link org.tollgate.gateway.sip.dtmf.DigitEvent}; pure, bounded, errors as values with positions.
 */
package org.tollgate.gateway.sip.dtmf;
