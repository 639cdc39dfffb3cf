package dev.foyer.identity;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads an active staff user by e-mail for sign-in. Inactive and unknown users look the same:
 * both go through the password encoder's dummy check, so timing does not tell them apart.
 */
@Component
class StaffUserDetailsService implements UserDetailsService {

    private final StaffUserRepository users;

    StaffUserDetailsService(StaffUserRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public StaffPrincipal loadUserByUsername(String email) {
        return users.findByEmail(EmailAddress.normalize(email))
                .filter(StaffUser::active)
                .map(user -> new StaffPrincipal(user.id(), user.email(), user.displayName(), user.role(),
                        user.passwordHash()))
                .orElseThrow(() -> new UsernameNotFoundException("No active staff user"));
    }
}
