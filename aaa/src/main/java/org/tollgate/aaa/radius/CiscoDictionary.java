package org.tollgate.aaa.radius;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.tinyradius.attribute.RadiusAttribute;
import org.tinyradius.attribute.VendorSpecificAttribute;
import org.tinyradius.dictionary.DefaultDictionary;
import org.tinyradius.dictionary.Dictionary;
import org.tinyradius.dictionary.DictionaryParser;
import org.tinyradius.dictionary.MemoryDictionary;

/**
 * The RADIUS dictionary tollgate uses: TinyRadius's RFC 2865/2866 attributes plus the Cisco vendor
 * dictionary (vendor {@value #VENDOR_ID}): {@code Cisco-AVPair} (1) and the voice VSAs
 * {@code h323-*} (23-35, 101-110), {@code release-source} (115), {@code call-id} (141), as in
 * FreeRADIUS's {@code dictionary.cisco} (ios-reference "RADIUS accounting").
 *
 * <p>Shared by authentication here and by RADIUS accounting ({@code gw-accounting aaa}).
 * Values are strings {@code name=value}, e.g. {@code Cisco-AVPair = "fac-digits=786"},
 * {@code h323-disconnect-cause = "h323-disconnect-cause=3F"}.
 */
public final class CiscoDictionary {

    /** Cisco's IANA enterprise number. */
    public static final int VENDOR_ID = 9;
    public static final int CISCO_AVPAIR = 1;
    public static final int H323_REMOTE_ADDRESS = 23;
    public static final int H323_CONF_ID = 24;
    public static final int H323_SETUP_TIME = 25;
    public static final int H323_CALL_ORIGIN = 26;
    public static final int H323_CALL_TYPE = 27;
    public static final int H323_CONNECT_TIME = 28;
    public static final int H323_DISCONNECT_TIME = 29;
    public static final int H323_DISCONNECT_CAUSE = 30;
    public static final int H323_VOICE_QUALITY = 31;
    public static final int H323_GW_ID = 33;
    public static final int H323_INCOMING_CONF_ID = 35;
    public static final int RELEASE_SOURCE = 115;
    public static final int CALL_ID = 141;
    /** RFC 3579 §3.2 Message-Authenticator. */
    public static final int MESSAGE_AUTHENTICATOR = 80;

    private static final Dictionary DICTIONARY = load();

    private CiscoDictionary() {
    }

    /** The shared, read-only dictionary (RFC attributes + Cisco). */
    public static Dictionary get() {
        return DICTIONARY;
    }

    /** A Vendor-Specific attribute holding one Cisco sub-attribute with a string value. */
    public static VendorSpecificAttribute vsa(int ciscoType, String value) {
        VendorSpecificAttribute vsa = new VendorSpecificAttribute(VENDOR_ID);
        vsa.setDictionary(DICTIONARY);
        RadiusAttribute sub = RadiusAttribute.createRadiusAttribute(DICTIONARY, VENDOR_ID, ciscoType);
        sub.setAttributeValue(value);
        vsa.addSubAttribute(sub);
        return vsa;
    }

    /** {@code Cisco-AVPair = "name=value"}. */
    public static VendorSpecificAttribute avPair(String name, String value) {
        return vsa(CISCO_AVPAIR, name + "=" + value);
    }

    /** An {@code h323-*} VSA; the value is written as {@code h323-NAME=value} as IOS does. */
    public static VendorSpecificAttribute h323(int ciscoType, String value) {
        String name = DICTIONARY.getAttributeTypeByCode(VENDOR_ID, ciscoType).getName();
        return vsa(ciscoType, name + "=" + value);
    }

    private static Dictionary load() {
        MemoryDictionary dictionary = new MemoryDictionary();
        try {
            parse(DefaultDictionary.class, "default_dictionary", dictionary);
            parse(CiscoDictionary.class, "dictionary.cisco", dictionary);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the RADIUS dictionaries", e);
        }
        return dictionary;
    }

    private static void parse(Class<?> anchor, String resource, MemoryDictionary into) throws IOException {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing dictionary resource " + resource);
            }
            DictionaryParser.parseDictionary(in, into);
        }
    }
}
