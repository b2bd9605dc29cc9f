/**
 * System slices of the configuration: service flags, syslog, call-history limits, global timeouts, and the kept-without-effect passthrough commands.
 */
package org.tollgate.config.system;
