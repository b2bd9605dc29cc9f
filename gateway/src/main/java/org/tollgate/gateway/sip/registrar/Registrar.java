package org.tollgate.gateway.sip.registrar;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tollgate.gateway.sip.auth.DigestAuthenticator;
import org.tollgate.gateway.sip.auth.DigestAuthenticator.Verification;
import org.tollgate.gateway.sip.auth.DigestCredentials;
import org.tollgate.gateway.sip.registrar.BindingRegistry.RegistrationUpdate;
import org.tollgate.gateway.sip.registrar.BindingRegistry.UpdateResult;

/**
 * The registrar (RFC 3261 section 10.3): decides a {@link RegisterRequest} into a
 * {@link RegisterOutcome}. Pure apart from the {@link BindingRegistry} it updates; no SIP types.
 *
 * <p>Expiry: the contact's {@code expires} parameter, else the {@code Expires} header, else
 * {@link Settings#defaultExpires()} (3600 s); values above {@link Settings#maxExpires()} (3600 s)
 * are lowered to it; a non-zero value below {@link Settings#minExpires()} (60 s) gets 423.
 */
public final class Registrar {
    private static final Logger LOG = LoggerFactory.getLogger(Registrar.class);

    private final SipUserDirectory directory;
    private final BindingRegistry registry;
    private final DigestAuthenticator authenticator;
    private final Settings settings;

    /**
     * Registrar limits.
     *
     * @param defaultExpires expiry when the request names none; default 3600 s
     * @param minExpires shortest accepted non-zero expiry; default 60 s
     * @param maxExpires longest granted expiry; default 3600 s
     */
    public record Settings(long defaultExpires, long minExpires, long maxExpires) {
        /** Validates ordering. */
        public Settings {
            if (minExpires < 1 || maxExpires < minExpires || defaultExpires < minExpires || defaultExpires > maxExpires) {
                throw new IllegalArgumentException("need 1 <= min <= default <= max expiry");
            }
        }

        /** The documented defaults. */
        public static Settings defaults() {
            return new Settings(3600, 60, 3600);
        }
    }

    /** A registrar over the given users and bindings. */
    public Registrar(SipUserDirectory directory, BindingRegistry registry, DigestAuthenticator authenticator,
            Settings settings) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The location service this registrar writes. */
    public BindingRegistry registry() {
        return registry;
    }

    /** Decides one REGISTER. */
    public RegisterOutcome register(RegisterRequest request) {
        String scheme = request.toUriScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("sip") && !scheme.equals("sips")) {
            return new RegisterOutcome.Rejected(400, "To must be a SIP or SIPS URI"); // 10.3 step 5, RFC 4475 3.3.4
        }
        Optional<SipUser> user = directory.find(request.aorUser());
        boolean mustAuthenticate = user.map(directory::authenticationRequired)
                .orElse(directory.challengeUnknownUsers());
        if (mustAuthenticate) {
            Optional<RegisterOutcome> denied = authenticate(request, user);
            if (denied.isPresent()) {
                return denied.get();
            }
        }
        if (user.isEmpty()) {
            return new RegisterOutcome.Rejected(404, "Not Found"); // 10.3 step 5: unknown AOR
        }
        return updateBindings(request, user.get().number());
    }

    private Optional<RegisterOutcome> authenticate(RegisterRequest request, Optional<SipUser> user) {
        Optional<String> username = user.flatMap(SipUser::credentials).map(SipUser.Credentials::username);
        Optional<String> password = user.flatMap(SipUser::credentials).map(SipUser.Credentials::password);
        boolean stale = false;
        for (DigestCredentials credentials : request.authorizations()) {
            if (!credentials.realm().equals(authenticator.realm())) {
                continue; // credentials for another realm: ignore (RFC 3261 22.4)
            }
            Verification v = authenticator.verify(credentials, "REGISTER", username, password);
            switch (v) {
                case Verification.Valid valid -> {
                    return Optional.empty();
                }
                case Verification.Stale s -> stale = true;
                case Verification.Invalid invalid ->
                    LOG.info("REGISTER for {} failed authentication", request.aorUser());
            }
        }
        return Optional.of(new RegisterOutcome.Challenge(authenticator.challenges(stale)));
    }

    private RegisterOutcome updateBindings(RegisterRequest request, String aor) {
        List<RegisterRequest.ContactValue> contacts = request.contacts();
        boolean star = contacts.stream().anyMatch(RegisterRequest.ContactValue::wildcard);
        if (star) {
            // 10.3 step 6: "*" only alone and only with Expires: 0
            if (contacts.size() != 1 || request.expiresHeader().isEmpty() || request.expiresHeader().getAsLong() != 0) {
                return new RegisterOutcome.Rejected(400, "Invalid wildcard Contact");
            }
            return finish(aor, new RegistrationUpdate(request.callId(), request.cseq(), true, List.of()));
        }
        List<RegistrationUpdate.ContactChange> changes = new ArrayList<>();
        for (RegisterRequest.ContactValue c : contacts) {
            long requested = c.expiresParam().isPresent() ? c.expiresParam().getAsLong()
                    : request.expiresHeader().isPresent() ? request.expiresHeader().getAsLong() : settings.defaultExpires();
            if (requested < 0) {
                return new RegisterOutcome.Rejected(400, "Invalid expires");
            }
            if (requested != 0 && requested < settings.minExpires()) {
                return new RegisterOutcome.IntervalTooBrief(settings.minExpires());
            }
            changes.add(new RegistrationUpdate.ContactChange(c.contact(), c.uri(), Math.min(requested, settings.maxExpires())));
        }
        return finish(aor, new RegistrationUpdate(request.callId(), request.cseq(), false, changes));
    }

    private RegisterOutcome finish(String aor, RegistrationUpdate update) {
        UpdateResult result = registry.apply(aor, update);
        return switch (result) {
            case UpdateResult.Applied applied -> {
                if (!update.changes().isEmpty() || update.removeAll()) {
                    LOG.info("SIP user {} now has {} binding(s)", aor, applied.bindings().size());
                }
                yield new RegisterOutcome.Registered(aor, applied.bindings());
            }
            case UpdateResult.OutOfOrder o -> new RegisterOutcome.Rejected(500, "Out-of-order CSeq");
        };
    }
}
