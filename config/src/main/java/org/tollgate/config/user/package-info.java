/**
 * Local users ({@code username ...}), which are also the local FAC codes.
 */
package org.tollgate.config.user;
