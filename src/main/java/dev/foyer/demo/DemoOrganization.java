package dev.foyer.demo;

import java.security.SecureRandom;
import java.util.List;

import dev.foyer.identity.StaffAccounts;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.identity.StaffRole;
import dev.foyer.identity.StaffUser;
import dev.foyer.organization.OrganizationProfile;
import dev.foyer.organization.Setup;
import dev.foyer.organization.SetupRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * With {@code FOYER_DEMO=true} and an empty database, Foyer starts as a realistic demo
 * organization: a print and design agency with its staff. Passwords are generated at load time
 * and printed once in the log; none is written in the code.
 */
@Component
@Order(1)
class DemoOrganization implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoOrganization.class);
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    record DemoStaff(String name, String email, StaffRole role) {
    }

    static final List<DemoStaff> STAFF = List.of(
            new DemoStaff("Mira Okafor", "mira.okafor@brightline.example", StaffRole.MANAGER),
            new DemoStaff("Jonas Becker", "jonas.becker@brightline.example", StaffRole.MANAGER),
            new DemoStaff("Priya Raman", "priya.raman@brightline.example", StaffRole.MEMBER),
            new DemoStaff("Tomás Álvarez", "tomas.alvarez@brightline.example", StaffRole.MEMBER),
            new DemoStaff("Hannah Schulz", "hannah.schulz@brightline.example", StaffRole.MEMBER));

    private final boolean enabled;
    private final Setup setup;
    private final StaffAccounts staffAccounts;
    private final SecureRandom random = new SecureRandom();

    DemoOrganization(@Value("${foyer.demo}") boolean enabled, Setup setup, StaffAccounts staffAccounts) {
        this.enabled = enabled;
        this.setup = setup;
        this.staffAccounts = staffAccounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        if (!setup.isOpen()) {
            log.info("Demo organization not loaded: this database is set up already");
            return;
        }
        var profile = OrganizationProfile.validate("Brightline Print & Design", "brightline.example", "en",
                "Europe/Berlin", "H24", "DE").profile();
        String adminPassword = password();
        StaffUser admin = setup.completeUnattended(new SetupRequest(profile, "Elena Brandt",
                "elena.brandt@brightline.example", adminPassword));
        StaffPrincipal actor = new StaffPrincipal(admin.id(), admin.email(), admin.displayName(), admin.role(), null);
        log.warn("Demo organization loaded. Sign in as {} with password {}", admin.email(), adminPassword);
        for (DemoStaff staff : STAFF) {
            String password = password();
            staffAccounts.create(actor, staff.email(), staff.name(), staff.role(), password);
            log.warn("Demo staff user {} ({}) has password {}", staff.email(), staff.role(), password);
        }
    }

    private String password() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
