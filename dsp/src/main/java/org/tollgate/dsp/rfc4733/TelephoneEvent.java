package org.tollgate.dsp.rfc4733;

/**
 * The 4-byte payload of an RFC 4733 section 2.3 telephone-event packet:
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * |     event     |E|R| volume    |          duration             |
 * </pre>
 *
 * @param event    event code 0..255 (0-15 are the DTMF digits, RFC 4733 section 3.2)
 * @param end      the E bit: this packet reports the end of the event
 * @param volume   power level 0..63, expressed in −dBm0 (10 means −10 dBm0)
 * @param duration duration so far in RTP timestamp units (8 kHz: 8 per ms), 0..65535
 */
public record TelephoneEvent(int event, boolean end, int volume, int duration) {
    /** Payload length in bytes. */
    public static final int LENGTH = 4;

    /** Validates the field ranges. */
    public TelephoneEvent {
        if (event < 0 || event > 255 || volume < 0 || volume > 63 || duration < 0 || duration > 0xFFFF) {
            throw new IllegalArgumentException("telephone-event field out of range");
        }
    }

    /** Writes the payload into {@code buf[off, off+4)}. */
    public void encode(byte[] buf, int off) {
        buf[off] = (byte) event;
        buf[off + 1] = (byte) ((end ? 0x80 : 0) | volume);
        buf[off + 2] = (byte) (duration >> 8);
        buf[off + 3] = (byte) duration;
    }

    /** Outcome of {@link #decode}. */
    public sealed interface Decoded {
        /** A well-formed payload. */
        record Ok(TelephoneEvent event) implements Decoded {}

        /** Too short to be one. */
        record Malformed(String reason) implements Decoded {}
    }

    /** Reads a payload; the R bit is ignored as RFC 4733 section 2.3.3 requires. */
    public static Decoded decode(byte[] buf, int off, int len) {
        if (len < LENGTH) {
            return new Decoded.Malformed("telephone-event payload of " + len + " bytes, need 4");
        }
        int ev = buf[off] & 0xFF;
        boolean e = (buf[off + 1] & 0x80) != 0;
        int vol = buf[off + 1] & 0x3F;
        int dur = ((buf[off + 2] & 0xFF) << 8) | (buf[off + 3] & 0xFF);
        return new Decoded.Ok(new TelephoneEvent(ev, e, vol, dur));
    }
}
