/**
 * Software conferences (ad-hoc and meet-me): {@link org.tollgate.callcontrol.feature.conference.ConferenceBridge}
 * holds the parties' legs and mixes their audio every 20 ms with the {@code dsp} conference mixer.
 */
package org.tollgate.callcontrol.feature.conference;
