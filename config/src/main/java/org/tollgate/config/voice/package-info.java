/**
 * Voice ports, dial-peers and the kept SIP blocks ({@code voice-port}, {@code dial-peer voice}, {@code sip-ua}, {@code voice service voip}).
 */
package org.tollgate.config.voice;
