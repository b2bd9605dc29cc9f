/**
 * Call control, AAA and the CDR pipeline assembled for the running gateway ({@link
 * org.tollgate.gateway.wiring.CallServices}).
 *
 * <p>Lifecycle: {@code CallServices.start} builds, in order, the AAA service, the CDR service
 * (durable store and its sinks) and call control (voice-ports, dial plan, LPCOR), whose call record
 * events go to the CDR folder, the {@code debug voice ccapi/lpcor} bus and the gateway metrics. A
 * configuration change is applied to all three. {@code close} releases every active call (their STOP
 * records are written), closes the CDR service (sinks deliver what they can; the durable queue keeps
 * the rest for the next start) and stops the call scheduler.
 */
package org.tollgate.gateway.wiring;
