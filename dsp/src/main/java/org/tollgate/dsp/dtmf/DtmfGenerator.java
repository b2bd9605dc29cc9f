package org.tollgate.dsp.dtmf;

import org.tollgate.dsp.pcm.Pcm;

/**
 * In-band DTMF generator for analog ports and test audio: 8 kHz linear PCM for a digit string.
 *
 * <p>Defaults ({@link Settings#defaults()}): 100 ms on, 100 ms off, low group −8 dBm0, high group
 * −6 dBm0 (2 dB of normal "pre-emphasis" twist, as telephone sets send).
 */
public final class DtmfGenerator {
    private DtmfGenerator() {}

    /**
     * Timing and level of generated digits.
     *
     * @param onMs     tone-on time per digit, ms (default 100)
     * @param offMs    silence after each digit, ms (default 100)
     * @param lowDbm0  low-group tone level, dBm0 (default −8)
     * @param highDbm0 high-group tone level, dBm0 (default −6)
     */
    public record Settings(double onMs, double offMs, double lowDbm0, double highDbm0) {
        /** Validates ranges. */
        public Settings {
            if (onMs <= 0 || offMs < 0) {
                throw new IllegalArgumentException("onMs must be > 0 and offMs >= 0");
            }
        }

        /** 100 ms on, 100 ms off, −8/−6 dBm0. */
        public static Settings defaults() {
            return new Settings(100, 100, -8, -6);
        }
    }

    /** PCM for {@code digits} with the default settings. */
    public static short[] generate(String digits) {
        return generate(digits, Settings.defaults());
    }

    /**
     * PCM for {@code digits} (each one of {@code 0-9 * # A-D}, case-insensitive), each tone followed by
     * the off time.
     *
     * @throws IllegalArgumentException on a character that is not a DTMF digit
     */
    public static short[] generate(String digits, Settings s) {
        int on = Pcm.samples(s.onMs());
        int off = Pcm.samples(s.offMs());
        double[] buf = new double[digits.length() * (on + off)];
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            DtmfDigit d = DtmfDigit.ofSymbol(c)
                    .orElseThrow(() -> new IllegalArgumentException("not a DTMF digit: '" + c + "'"));
            int at = i * (on + off);
            Pcm.addSine(buf, at, on, d.lowHz(), s.lowDbm0());
            Pcm.addSine(buf, at, on, d.highHz(), s.highDbm0());
        }
        return Pcm.toShorts(buf);
    }

    /** A single dual tone at arbitrary frequencies and levels (for sweeps and tests), {@code ms} long. */
    public static short[] dualTone(double lowHz, double lowDbm0, double highHz, double highDbm0, double ms) {
        int n = Pcm.samples(ms);
        double[] buf = new double[n];
        Pcm.addSine(buf, 0, n, lowHz, lowDbm0);
        Pcm.addSine(buf, 0, n, highHz, highDbm0);
        return Pcm.toShorts(buf);
    }
}
