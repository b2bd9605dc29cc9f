package org.tollgate.cdr.record;

/**
 * The kind of a call leg: {@code TELE} block (analog voice-port, SCCP ephone line) or {@code VOIP}
 * block (SIP trunk, SIP phone) in {@code show call}; {@code CallLegType} 1 / 2 in file and syslog
 * records; {@code h323-call-type} {@code Telephony} / {@code VoIP} in RADIUS.
 */
public enum LegKind {
    TELE(1, "Telephony"),
    VOIP(2, "VoIP");

    private final int callLegType;
    private final String radiusCallType;

    LegKind(int callLegType, String radiusCallType) {
        this.callLegType = callLegType;
        this.radiusCallType = radiusCallType;
    }

    /** {@code CallLegType} of file and syslog records. */
    public int callLegType() {
        return callLegType;
    }

    /** {@code h323-call-type} value. */
    public String radiusCallType() {
        return radiusCallType;
    }

    /** A voice-port endpoint ({@code 0/1/0}, {@code port 0/1/1 ...}); compiled once, used for every leg. */
    private static final java.util.regex.Pattern VOICE_PORT = java.util.regex.Pattern.compile("(port )?\\d+/\\d+/\\d+.*");

    /**
     * The kind of a leg from call control's description of its endpoint: a voice-port
     * ({@code 0/1/0}, {@code port 0/1/1}) or an ephone is telephony; SIP targets
     * ({@code session target ...}, {@code voice register pool ...}, {@code dial-peer N}) are VoIP.
     */
    public static LegKind ofEndpoint(String endpoint) {
        String e = endpoint.trim();
        if (VOICE_PORT.matcher(e).matches() || e.startsWith("ephone")) {
            return TELE;
        }
        return VOIP;
    }
}
