/**
 * CME phone configuration: SCCP {@code ephone-dn}/{@code ephone}, SIP {@code voice register global|dn|pool}, {@code telephony-service}.
 */
package org.tollgate.config.cme;
