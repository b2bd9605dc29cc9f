/** Launches a real rsyslogd for syslog interop tests. */
package org.tollgate.harness.syslog;
