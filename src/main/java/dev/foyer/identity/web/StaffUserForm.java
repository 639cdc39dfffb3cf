package dev.foyer.identity.web;

import dev.foyer.identity.StaffRole;
import dev.foyer.identity.StaffUser;

/** The staff user form; the password is only used when creating. */
record StaffUserForm(String displayName, String email, StaffRole role, String password, long version) {

    static StaffUserForm empty() {
        return new StaffUserForm("", "", StaffRole.MEMBER, "", 0);
    }

    static StaffUserForm of(StaffUser user) {
        return new StaffUserForm(user.displayName(), user.email(), user.role(), "", user.version());
    }

    StaffUserForm withVersion(long newVersion) {
        return new StaffUserForm(displayName, email, role, "", newVersion);
    }

    StaffUserForm withoutPassword() {
        return new StaffUserForm(displayName, email, role, "", version);
    }
}
