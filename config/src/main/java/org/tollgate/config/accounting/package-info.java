/**
 * Where call detail records go ({@code gw-accounting aaa|file|syslog}) and the file-accounting settings.
 */
package org.tollgate.config.accounting;
