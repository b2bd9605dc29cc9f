/** Immutable call record events, one per state change, for the cdr module. */
package org.tollgate.callcontrol.record;
