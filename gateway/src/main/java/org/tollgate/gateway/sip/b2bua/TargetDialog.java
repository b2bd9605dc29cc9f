package org.tollgate.gateway.sip.b2bua;

import java.util.Optional;

/**
 * The {@code Target-Dialog} header (RFC 4538): {@code call-id;local-tag=L;remote-tag=R}, naming a
 * dialog a request outside it refers to. RFC 4538 section 7 gives the tags as the sender sees
 * them; the gateway accepts either orientation (its own tag and the peer's, in any order), which
 * is unambiguous because tags are random.
 */
record TargetDialog(String callId, String localTag, String remoteTag) {
    /** The header's name. */
    static final String HEADER = "Target-Dialog";

    /** The value of a {@code Target-Dialog} header (its text after the colon); empty if malformed. */
    static Optional<TargetDialog> valueOf(javax.sip.header.Header header) {
        if (header == null) {
            return Optional.empty();
        }
        String text = header.toString();
        int colon = text.indexOf(':');
        return parse(colon < 0 ? text : text.substring(colon + 1));
    }

    /** Parses {@code call-id;local-tag=L;remote-tag=R}; empty without a Call-ID or either tag. */
    static Optional<TargetDialog> parse(String value) {
        String[] parts = value.trim().split(";");
        String local = null;
        String remote = null;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            int eq = p.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = p.substring(0, eq).trim().toLowerCase(java.util.Locale.ROOT);
            String v = p.substring(eq + 1).trim();
            if (name.equals("local-tag")) {
                local = v;
            } else if (name.equals("remote-tag")) {
                remote = v;
            }
        }
        String callId = parts[0].trim();
        if (callId.isEmpty() || local == null || remote == null) {
            return Optional.empty();
        }
        return Optional.of(new TargetDialog(callId, local, remote));
    }

    /** True when this names {@code leg}'s dialog (same Call-ID, the two tags in either order). */
    boolean names(SipLeg leg) {
        String ours = leg.localTag();
        String theirs = leg.remoteTag();
        return callId.equals(leg.callId()) && ours != null && theirs != null
                && ((localTag.equals(ours) && remoteTag.equals(theirs)) || (localTag.equals(theirs) && remoteTag.equals(ours)));
    }
}
