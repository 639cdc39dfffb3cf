package dev.foyer.accounts;

import java.util.Optional;

import dev.foyer.identity.SignInThrottle;
import dev.foyer.portal.Portal;
import dev.foyer.portal.PortalUserState;
import dev.foyer.portal.PortalUserStates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Portal sign-in by e-mail and password (LIF-7): only accounts of that portal, only Active users,
 * throttled through identity's {@link SignInThrottle} under keys of the portal's own. Every
 * failure — unknown address, wrong password, locked, deactivated — gives the same answer after a
 * bcrypt comparison, so neither the answer nor its timing says whether an account exists.
 */
@Service
public class PortalSignIn {

    private static final Logger log = LoggerFactory.getLogger(PortalSignIn.class);

    private final PortalAccounts accounts;
    private final PortalUserStates states;
    private final SignInThrottle throttle;
    private final PasswordEncoder encoder;
    /** A bcrypt hash of a random password, compared against when there is no account to compare with. */
    private final String dummyHash;

    PortalSignIn(PortalAccounts accounts, PortalUserStates states, SignInThrottle throttle, PasswordEncoder encoder) {
        this.accounts = accounts;
        this.states = states;
        this.throttle = throttle;
        this.encoder = encoder;
        this.dummyHash = encoder.encode(java.util.UUID.randomUUID().toString());
    }

    public sealed interface Outcome {
    }

    /** Signed in; or the password was right and a second factor is still due. */
    public record Success(PortalPrincipal principal, boolean secondFactorDue) implements Outcome {
    }

    /** Refused, for whatever reason: the one answer every failure gets. */
    public record Refused() implements Outcome {
    }

    public Outcome signIn(Portal portal, String email, String password, String remoteAddress) {
        String emailKey = emailKey(portal, email);
        String addressKey = SignInThrottle.addressKey(remoteAddress);
        if (throttle.isLocked(emailKey, addressKey)) {
            encoder.matches(password == null ? "" : password, dummyHash);
            throttle.recordFailure(emailKey, addressKey);
            log.info("Portal sign-in refused while locked: {}", emailKey);
            return new Refused();
        }
        Optional<PortalAccounts.WithHash> candidate = accounts.findWithHashByEmail(portal.id(), email);
        boolean passwordMatches = encoder.matches(password == null ? "" : password,
                candidate.map(PortalAccounts.WithHash::passwordHash).orElse(dummyHash)) && candidate.isPresent();
        Optional<PortalAccounts.Account> account = candidate.map(PortalAccounts.WithHash::account);
        Optional<PortalUserState> state = account.flatMap(a -> states.find(a.id()));
        if (!passwordMatches || state.isEmpty() || !state.get().maySignIn()) {
            throttle.recordFailure(emailKey, addressKey);
            log.info("Portal sign-in failed for {}", emailKey);
            return new Refused();
        }
        throttle.recordSuccess(emailKey);
        PortalAccounts.Account found = account.get();
        return new Success(new PortalPrincipal(found.id(), found.portalId(), found.email(), state.get().fullName()),
                found.secondFactor());
    }

    /** The second step: a TOTP or recovery code; failures count like wrong passwords. */
    public boolean secondFactor(Portal portal, PortalPrincipal principal, String code, String remoteAddress) {
        String emailKey = emailKey(portal, principal.email());
        String addressKey = SignInThrottle.addressKey(remoteAddress);
        if (throttle.isLocked(emailKey, addressKey) || !accounts.verifySecondFactor(principal.id(), code)) {
            throttle.recordFailure(emailKey, addressKey);
            return false;
        }
        return states.find(principal.id()).map(PortalUserState::maySignIn).orElse(false);
    }

    static String emailKey(Portal portal, String email) {
        return SignInThrottle.scopedEmailKey("portal:" + portal.id(), email);
    }
}
