/**
 * The {@code application} block: the built-in authorization (FAC) package parameters.
 */
package org.tollgate.config.app;
