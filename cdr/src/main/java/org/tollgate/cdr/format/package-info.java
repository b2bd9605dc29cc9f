/** The IOS text forms of records: clock format, CSV fields, syslog message. */
package org.tollgate.cdr.format;
