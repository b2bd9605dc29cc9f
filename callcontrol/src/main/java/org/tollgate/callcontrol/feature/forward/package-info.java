/**
 * Call-forward settings: configured ({@code call-forward all|busy|noan}) in
 * {@link org.tollgate.callcontrol.feature.forward.ForwardTable}, set from phones in
 * {@link org.tollgate.callcontrol.feature.forward.ForwardRegistry}; a call reads the merged snapshot
 * current when it starts.
 */
package org.tollgate.callcontrol.feature.forward;
