package org.tollgate.config.cme;

import java.util.List;
import java.util.Optional;
import org.tollgate.config.lpcor.LpcorMembership;
import org.tollgate.config.lpcor.LpcorType;
import org.tollgate.config.secret.Password;
import org.tollgate.config.voice.Codec;
import org.tollgate.config.voice.DtmfRelay;

/**
 * {@code voice register pool TAG}: a SIP phone (or a group of them).
 *
 * @param tag 1..2147483647
 * @param id {@code id mac HHHH.HHHH.HHHH}, {@code id network A mask M}, {@code id ip A mask M},
 *     {@code id device-id-name NAME}: the text after {@code id}, normalised
 * @param numbers {@code number I dn T} lines, by index
 * @param dtmfRelay {@code dtmf-relay ...}
 * @param username {@code username U password P}: digest credentials
 * @param password digest password
 * @param lpcorType {@code lpcor type}
 * @param lpcor {@code lpcor incoming|outgoing G}
 * @param codec {@code codec g711ulaw|g711alaw}
 */
public record VoiceRegisterPool(int tag, Optional<String> id, List<PoolNumber> numbers, List<DtmfRelay> dtmfRelay,
                                Optional<String> username, Optional<Password> password, Optional<LpcorType> lpcorType,
                                LpcorMembership lpcor, Optional<Codec> codec) {
    public VoiceRegisterPool {
        numbers = List.copyOf(numbers);
        dtmfRelay = List.copyOf(dtmfRelay);
    }

    public static VoiceRegisterPool of(int tag) {
        return new VoiceRegisterPool(tag, Optional.empty(), List.of(), List.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), LpcorMembership.NONE, Optional.empty());
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Mutable copy for editing. */
    public static final class Builder {
        private final int tag;
        private Optional<String> id;
        private List<PoolNumber> numbers;
        private List<DtmfRelay> dtmfRelay;
        private Optional<String> username;
        private Optional<Password> password;
        private Optional<LpcorType> lpcorType;
        private LpcorMembership lpcor;
        private Optional<Codec> codec;

        Builder(VoiceRegisterPool p) {
            tag = p.tag;
            id = p.id;
            numbers = p.numbers;
            dtmfRelay = p.dtmfRelay;
            username = p.username;
            password = p.password;
            lpcorType = p.lpcorType;
            lpcor = p.lpcor;
            codec = p.codec;
        }

        public Builder id(Optional<String> v) { id = v; return this; }
        public List<PoolNumber> numbers() { return numbers; }
        public Builder numbers(List<PoolNumber> v) { numbers = v; return this; }
        public Builder dtmfRelay(List<DtmfRelay> v) { dtmfRelay = v; return this; }
        public Builder username(Optional<String> v) { username = v; return this; }
        public Builder password(Optional<Password> v) { password = v; return this; }
        public Builder lpcorType(Optional<LpcorType> v) { lpcorType = v; return this; }
        public LpcorMembership lpcor() { return lpcor; }
        public Builder lpcor(LpcorMembership v) { lpcor = v; return this; }
        public Builder codec(Optional<Codec> v) { codec = v; return this; }

        public VoiceRegisterPool build() {
            return new VoiceRegisterPool(tag, id, numbers, dtmfRelay, username, password, lpcorType, lpcor, codec);
        }
    }
}
