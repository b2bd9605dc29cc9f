package org.tollgate.gateway.sip.internal;

import gov.nist.javax.sip.header.Authorization;
import gov.nist.javax.sip.header.Contact;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import org.tollgate.gateway.sip.auth.DigestCredentials;
import org.tollgate.gateway.sip.registrar.RegisterRequest;

/** Extraction of the registrar's input from a JAIN-SIP REGISTER. */
public final class SipRequests {
    private SipRequests() {
    }

    /** The registrar's view of a REGISTER. */
    public static RegisterRequest registerRequest(Request request) {
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        URI toUri = to.getAddress().getURI();
        String scheme = toUri.getScheme();
        String user = toUri instanceof SipURI sip && sip.getUser() != null ? sip.getUser() : "";
        ExpiresHeader expires = request.getExpires();
        OptionalLong expiresHeader = expires == null ? OptionalLong.empty() : OptionalLong.of(expires.getExpires());
        List<RegisterRequest.ContactValue> contacts = new ArrayList<>();
        ListIterator<?> it = request.getHeaders(ContactHeader.NAME);
        while (it != null && it.hasNext()) {
            ContactHeader c = (ContactHeader) it.next();
            if (c.isWildCard()) {
                contacts.add(RegisterRequest.ContactValue.star());
            } else {
                int e = c.getExpires();
                contacts.add(RegisterRequest.ContactValue.of(((Contact) c).getHeaderValue(),
                        c.getAddress().getURI().toString(), e < 0 ? OptionalLong.empty() : OptionalLong.of(e)));
            }
        }
        List<DigestCredentials> credentials = new ArrayList<>();
        ListIterator<?> auths = request.getHeaders(AuthorizationHeader.NAME);
        while (auths != null && auths.hasNext()) {
            Object h = auths.next();
            if (h instanceof Authorization a && "digest".equalsIgnoreCase(a.getScheme())) {
                digestCredentials(a).ifPresent(credentials::add);
            }
        }
        return new RegisterRequest(scheme, user, request.getRequestURI().toString(),
                ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId(),
                ((CSeqHeader) request.getHeader(CSeqHeader.NAME)).getSeqNumber(), expiresHeader, contacts, credentials);
    }

    private static Optional<DigestCredentials> digestCredentials(Authorization a) {
        String username = a.getUsername();
        String realm = a.getRealm();
        String nonce = a.getNonce();
        String response = a.getResponse();
        String uri = a.getParameter("uri");
        if (uri == null && a.getURI() != null) {
            uri = a.getURI().toString();
        }
        if (username == null || realm == null || nonce == null || response == null || uri == null) {
            return Optional.empty();
        }
        String nc = a.getParameter("nc");
        if (nc == null && a.getNonceCount() > 0) {
            nc = String.format(Locale.ROOT, "%08x", a.getNonceCount());
        }
        return Optional.of(new DigestCredentials(username, realm, nonce, unquote(uri), response,
                Optional.ofNullable(a.getAlgorithm()), Optional.ofNullable(a.getQop()), Optional.ofNullable(nc),
                Optional.ofNullable(a.getCNonce())));
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
