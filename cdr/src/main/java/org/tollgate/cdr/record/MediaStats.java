package org.tollgate.cdr.record;

import org.tollgate.callcontrol.call.LegId;

/**
 * Where a leg's media counters and coder come from (the gateway plugs the {@code dsp} per-stream
 * RTP counters in). Asked once when a leg ends (and for {@code show call active voice}); must not
 * block. The default knows nothing: zero counters and no coder.
 */
public interface MediaStats {
    MediaStats NONE = new MediaStats() {
        @Override
        public MediaCounters counters(LegId leg) {
            return MediaCounters.ZERO;
        }

        @Override
        public String coder(LegId leg) {
            return "";
        }
    };

    /** The leg's counters so far. */
    MediaCounters counters(LegId leg);

    /** The leg's coder ({@code g711ulaw}, ...) or empty when unknown. */
    String coder(LegId leg);
}
