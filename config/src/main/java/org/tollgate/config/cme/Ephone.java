package org.tollgate.config.cme;

import java.util.List;
import java.util.Optional;
import org.tollgate.config.lpcor.LpcorMembership;
import org.tollgate.config.lpcor.LpcorType;
import org.tollgate.config.secret.Password;

/**
 * {@code ephone TAG}: an SCCP IP phone.
 *
 * @param tag 1..2147483647
 * @param lpcorType {@code lpcor type local|remote|mobility}
 * @param lpcor {@code lpcor incoming|outgoing G}
 * @param deviceSecurityMode {@code device-security-mode none|authenticated|encrypted} (kept)
 * @param macAddress {@code mac-address HHHH.HHHH.HHHH}, upper case
 * @param type {@code type MODEL} (e.g. {@code CIPC}, {@code 7965})
 * @param buttons {@code button ...} entries, by index
 * @param username {@code username U password P}: the phone user's login
 * @param password password of {@code username}
 */
public record Ephone(int tag, Optional<LpcorType> lpcorType, LpcorMembership lpcor, Optional<String> deviceSecurityMode,
                     Optional<String> macAddress, Optional<String> type, List<Button> buttons,
                     Optional<String> username, Optional<Password> password) {
    public Ephone {
        buttons = List.copyOf(buttons);
    }

    public static Ephone of(int tag) {
        return new Ephone(tag, Optional.empty(), LpcorMembership.NONE, Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), Optional.empty(), Optional.empty());
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Mutable copy for editing. */
    public static final class Builder {
        private final int tag;
        private Optional<LpcorType> lpcorType;
        private LpcorMembership lpcor;
        private Optional<String> deviceSecurityMode;
        private Optional<String> macAddress;
        private Optional<String> type;
        private List<Button> buttons;
        private Optional<String> username;
        private Optional<Password> password;

        Builder(Ephone e) {
            tag = e.tag;
            lpcorType = e.lpcorType;
            lpcor = e.lpcor;
            deviceSecurityMode = e.deviceSecurityMode;
            macAddress = e.macAddress;
            type = e.type;
            buttons = e.buttons;
            username = e.username;
            password = e.password;
        }

        public Builder lpcorType(Optional<LpcorType> v) { lpcorType = v; return this; }
        public LpcorMembership lpcor() { return lpcor; }
        public Builder lpcor(LpcorMembership v) { lpcor = v; return this; }
        public Builder deviceSecurityMode(Optional<String> v) { deviceSecurityMode = v; return this; }
        public Builder macAddress(Optional<String> v) { macAddress = v; return this; }
        public Builder type(Optional<String> v) { type = v; return this; }
        public List<Button> buttons() { return buttons; }
        public Builder buttons(List<Button> v) { buttons = v; return this; }
        public Builder username(Optional<String> v) { username = v; return this; }
        public Builder password(Optional<Password> v) { password = v; return this; }

        public Ephone build() {
            return new Ephone(tag, lpcorType, lpcor, deviceSecurityMode, macAddress, type, buttons, username, password);
        }
    }
}
