/**
 * Terminal lines ({@code line con|aux|vty|A B}) and modem chat-scripts.
 */
package org.tollgate.config.line;
