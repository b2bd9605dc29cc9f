/** Audio frames between legs that carry audio inside the gateway (analog voice-ports). */
package org.tollgate.callcontrol.media;
