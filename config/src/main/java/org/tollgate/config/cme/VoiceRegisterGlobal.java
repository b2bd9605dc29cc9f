package org.tollgate.config.cme;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code voice register global}: the SIP registrar for SIP phones.
 *
 * @param modeCme {@code mode cme}
 * @param sourceAddress {@code source-address A [port P]}: the SIP listening address
 * @param sourcePort port of {@code source-address}; empty = 5060
 * @param maxDn {@code max-dn 1..2147483647}
 * @param maxPool {@code max-pool 1..2147483647}
 * @param authenticateRegister {@code authenticate register}: challenge REGISTERs (digest)
 */
public record VoiceRegisterGlobal(boolean modeCme, Optional<String> sourceAddress, OptionalInt sourcePort,
                                  OptionalInt maxDn, OptionalInt maxPool, boolean authenticateRegister) {
    public static final VoiceRegisterGlobal DEFAULT = new VoiceRegisterGlobal(false, Optional.empty(),
            OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), false);

    public VoiceRegisterGlobal withModeCme(boolean v) {
        return new VoiceRegisterGlobal(v, sourceAddress, sourcePort, maxDn, maxPool, authenticateRegister);
    }

    public VoiceRegisterGlobal withSource(Optional<String> a, OptionalInt p) {
        return new VoiceRegisterGlobal(modeCme, a, p, maxDn, maxPool, authenticateRegister);
    }

    public VoiceRegisterGlobal withMaxDn(OptionalInt v) {
        return new VoiceRegisterGlobal(modeCme, sourceAddress, sourcePort, v, maxPool, authenticateRegister);
    }

    public VoiceRegisterGlobal withMaxPool(OptionalInt v) {
        return new VoiceRegisterGlobal(modeCme, sourceAddress, sourcePort, maxDn, v, authenticateRegister);
    }

    public VoiceRegisterGlobal withAuthenticateRegister(boolean v) {
        return new VoiceRegisterGlobal(modeCme, sourceAddress, sourcePort, maxDn, maxPool, v);
    }
}
