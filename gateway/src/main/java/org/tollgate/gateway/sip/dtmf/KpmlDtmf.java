package org.tollgate.gateway.sip.dtmf;

import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * KPML (RFC 4730) for IOS {@code dtmf-relay sip-kpml}: the gateway SUBSCRIBEs with
 * {@code Event: kpml} and a {@code application/kpml-request+xml} body ({@link #request}); the phone
 * NOTIFYs {@code application/kpml-response+xml} reports ({@link #decodeResponse}).
 *
 * <p>Parsing is bounded ({@link #MAX_BODY}, 8192 characters) and safe: no DTD, no external entities.
 * A report with {@code code} other than 200 (e.g. 423 timer expired, 487 subscription ended) holds
 * no digits and decodes to an empty {@link DtmfDecodeResult.Decoded}.
 */
public final class KpmlDtmf {
    /** SUBSCRIBE body type. */
    public static final String REQUEST_TYPE = "application/kpml-request+xml";
    /** NOTIFY body type. */
    public static final String RESPONSE_TYPE = "application/kpml-response+xml";
    /** Event package. */
    public static final String EVENT = "kpml";
    /** Largest body decoded. */
    public static final int MAX_BODY = 8192;
    /** Duration given to KPML digits (reports carry none). */
    public static final Duration REPORTED_DURATION = Duration.ofMillis(100);

    private KpmlDtmf() {
    }

    /**
     * A persistent single-digit request (RFC 4730 section 5.2): every key press is reported at once.
     *
     * @param tag the tag echoed in reports
     */
    public static String request(String tag) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n"
                + "<kpml-request xmlns=\"urn:ietf:params:xml:ns:kpml-request\" version=\"1.0\">\r\n"
                + "  <pattern persist=\"persist\">\r\n"
                + "    <regex tag=\"" + escape(tag) + "\">[x*#ABCD]</regex>\r\n"
                + "  </pattern>\r\n"
                + "</kpml-request>\r\n";
    }

    /** A report of {@code digits} (RFC 4730 section 6.2), as a phone would send it. */
    public static String response(String digits, String tag) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n"
                + "<kpml-response xmlns=\"urn:ietf:params:xml:ns:kpml-response\" version=\"1.0\" code=\"200\" "
                + "text=\"OK\" digits=\"" + escape(digits) + "\" tag=\"" + escape(tag) + "\"/>\r\n";
    }

    /** Decodes a {@code kpml-response} body into its digits. */
    public static DtmfDecodeResult decodeResponse(String body) {
        if (body == null || body.length() > MAX_BODY) {
            return new DtmfDecodeResult.Invalid("body missing or longer than " + MAX_BODY, 1, 1);
        }
        Document doc;
        try {
            doc = builder().parse(new InputSource(new StringReader(body)));
        } catch (SAXParseException e) {
            return new DtmfDecodeResult.Invalid(e.getMessage(), Math.max(1, e.getLineNumber()),
                    Math.max(1, e.getColumnNumber()));
        } catch (SAXException | java.io.IOException e) {
            return new DtmfDecodeResult.Invalid(String.valueOf(e.getMessage()), 1, 1);
        }
        Element root = doc.getDocumentElement();
        if (!"kpml-response".equals(root.getLocalName() == null ? root.getTagName() : root.getLocalName())) {
            return new DtmfDecodeResult.Invalid("root element is not kpml-response", 1, 1);
        }
        if (!"200".equals(root.getAttribute("code"))) {
            return new DtmfDecodeResult.Decoded(List.of());
        }
        String digits = root.getAttribute("digits");
        List<DigitEvent> events = new ArrayList<>();
        for (int i = 0; i < digits.length(); i++) {
            char c = Character.toUpperCase(digits.charAt(i));
            if (DigitEvent.DIGITS.indexOf(c) < 0) {
                return new DtmfDecodeResult.Invalid("not a DTMF digit in digits: " + digits.charAt(i), 1, 1);
            }
            events.add(new DigitEvent(c, REPORTED_DURATION, DigitEvent.RelayMethod.SIP_KPML));
        }
        return new DtmfDecodeResult.Decoded(events);
    }

    /**
     * The tag of a {@code kpml-request} (RFC 4730 section 5.2): the {@code tag} of its first
     * {@code regex} ({@code ""} when it has none); empty when the body is no well-formed kpml-request
     * (or longer than {@link #MAX_BODY}). Reports sent for this request echo the tag.
     */
    public static java.util.Optional<String> requestTag(String body) {
        if (body == null || body.isBlank() || body.length() > MAX_BODY) {
            return java.util.Optional.empty();
        }
        Document doc;
        try {
            doc = builder().parse(new InputSource(new StringReader(body)));
        } catch (SAXException | java.io.IOException e) {
            return java.util.Optional.empty();
        }
        Element root = doc.getDocumentElement();
        if (!"kpml-request".equals(root.getLocalName() == null ? root.getTagName() : root.getLocalName())) {
            return java.util.Optional.empty();
        }
        org.w3c.dom.NodeList regex = doc.getElementsByTagNameNS("*", "regex");
        if (regex.getLength() == 0) {
            regex = doc.getElementsByTagName("regex");
        }
        String tag = regex.getLength() == 0 ? "" : ((Element) regex.item(0)).getAttribute("tag");
        return java.util.Optional.of(tag);
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // no stderr output; fatal errors throw
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("JDK XML parser lacks secure features", e);
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;").replace(">", "&gt;");
    }
}
