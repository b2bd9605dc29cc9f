/** Injected time for media pacing: {@link org.tollgate.dsp.sched.MediaScheduler} and its real and manual implementations. */
package org.tollgate.dsp.sched;
