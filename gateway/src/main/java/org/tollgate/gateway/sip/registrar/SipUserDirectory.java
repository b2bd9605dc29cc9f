package org.tollgate.gateway.sip.registrar;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The SIP users the gateway accepts registrations for. Built from the configuration by the
 * integrator; immutable, replaced as a whole when the configuration changes.
 */
public interface SipUserDirectory {

    /** The user registering as {@code number}, if configured. */
    Optional<SipUser> find(String number);

    /**
     * Whether an unknown user is challenged like a known one (so that the responses do not reveal
     * which numbers exist): true when {@code authenticate register} is set or any user has
     * credentials.
     */
    boolean challengeUnknownUsers();

    /** A directory over a fixed set of users. */
    static SipUserDirectory of(Collection<SipUser> users, boolean authenticateRegister) {
        Map<String, SipUser> byNumber = users.stream()
                .collect(Collectors.toUnmodifiableMap(SipUser::number, Function.identity(), (a, b) -> a));
        boolean challenge = authenticateRegister || users.stream().anyMatch(u -> u.credentials().isPresent());
        return new SipUserDirectory() {
            @Override public Optional<SipUser> find(String number) {
                return Optional.ofNullable(byNumber.get(number));
            }

            @Override public boolean challengeUnknownUsers() {
                return challenge;
            }

            @Override public boolean authenticationRequired(SipUser user) {
                return authenticateRegister || user.credentials().isPresent();
            }
        };
    }

    /**
     * Whether REGISTER for this user must carry valid digest credentials: the pool has a password,
     * or {@code authenticate register} is configured (a user without a password then cannot
     * register at all).
     */
    boolean authenticationRequired(SipUser user);
}
