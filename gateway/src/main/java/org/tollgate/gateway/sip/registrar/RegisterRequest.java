package org.tollgate.gateway.sip.registrar;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.tollgate.gateway.sip.auth.DigestCredentials;

/**
 * The parts of a REGISTER the registrar decides on, extracted from the SIP message by the edge.
 *
 * @param toUriScheme scheme of the To URI ({@code sip}/{@code sips} required, RFC 3261 10.3 step 5)
 * @param aorUser user part of the To URI (the number)
 * @param requestUri the Request-URI as sent (digest {@code uri} parameter is checked against it)
 * @param callId Call-ID
 * @param cseq CSeq number
 * @param expiresHeader the {@code Expires} header value, if present
 * @param contacts the Contact header values (empty for a fetch of the current bindings)
 * @param authorizations the {@code Authorization} headers with the Digest scheme (others ignored)
 */
public record RegisterRequest(String toUriScheme, String aorUser, String requestUri, String callId, long cseq,
        OptionalLong expiresHeader, List<ContactValue> contacts, List<DigestCredentials> authorizations) {

    /** Copies lists and validates non-null. */
    public RegisterRequest {
        Objects.requireNonNull(toUriScheme, "toUriScheme");
        Objects.requireNonNull(aorUser, "aorUser");
        Objects.requireNonNull(requestUri, "requestUri");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(expiresHeader, "expiresHeader");
        contacts = List.copyOf(contacts);
        authorizations = List.copyOf(authorizations);
    }

    /**
     * One Contact header value.
     *
     * @param wildcard {@code Contact: *}
     * @param contact the whole value as sent (URI and contact parameters)
     * @param uri the URI alone
     * @param expiresParam the {@code expires} contact parameter, if present
     */
    public record ContactValue(boolean wildcard, String contact, String uri, OptionalLong expiresParam) {
        /** Validates non-null. */
        public ContactValue {
            Objects.requireNonNull(contact, "contact");
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(expiresParam, "expiresParam");
        }

        /** The {@code *} contact. */
        public static ContactValue star() {
            return new ContactValue(true, "*", "*", OptionalLong.empty());
        }

        /** A contact URI with an optional expires parameter. */
        public static ContactValue of(String contact, String uri, OptionalLong expires) {
            return new ContactValue(false, contact, uri, expires);
        }
    }

    /** A request's optional parts, for tests and the edge. */
    public Optional<ContactValue> firstContact() {
        return contacts.stream().findFirst();
    }
}
