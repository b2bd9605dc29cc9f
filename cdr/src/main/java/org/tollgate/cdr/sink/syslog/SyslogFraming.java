package org.tollgate.cdr.sink.syslog;

/** How a syslog message is framed on the wire. */
public enum SyslogFraming {
    /** RFC 5424 section 6: {@code <PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID SD MSG} (default). */
    RFC5424,
    /** RFC 3164 section 4.1 (BSD syslog): {@code <PRI>Mmm dd hh:mm:ss HOSTNAME TAG: MSG}. */
    RFC3164
}
