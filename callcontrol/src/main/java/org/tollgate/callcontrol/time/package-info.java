/** Injected time: the call scheduler interface, the system scheduler and a manual scheduler for tests. */
package org.tollgate.callcontrol.time;
