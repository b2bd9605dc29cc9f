/** {@code gw-accounting syslog}: VOIP_CALL_HISTORY messages over UDP. */
package org.tollgate.cdr.sink.syslog;
