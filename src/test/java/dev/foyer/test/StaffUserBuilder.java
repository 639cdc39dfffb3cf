package dev.foyer.test;

import java.util.concurrent.atomic.AtomicInteger;

import dev.foyer.identity.StaffAccounts;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.identity.StaffRole;
import dev.foyer.identity.StaffUser;

/** Builds staff users for tests, created by an admin through the real service. */
public final class StaffUserBuilder {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private String name;
    private String email;
    private StaffRole role = StaffRole.MEMBER;
    private String password = "a staff member's passphrase";

    private StaffUserBuilder() {
        int n = SEQUENCE.incrementAndGet();
        this.name = "Staff Person " + n;
        this.email = "staff" + n + "-" + System.nanoTime() + "@foyer.test";
    }

    public static StaffUserBuilder aStaffUser() {
        return new StaffUserBuilder();
    }

    public StaffUserBuilder named(String name) {
        this.name = name;
        return this;
    }

    public StaffUserBuilder withEmail(String email) {
        this.email = email;
        return this;
    }

    public StaffUserBuilder withRole(StaffRole role) {
        this.role = role;
        return this;
    }

    public StaffUserBuilder withPassword(String password) {
        this.password = password;
        return this;
    }

    public String password() {
        return password;
    }

    public StaffUser createdBy(StaffAccounts accounts, StaffPrincipal admin) {
        return accounts.create(admin, email, name, role, password);
    }
}
