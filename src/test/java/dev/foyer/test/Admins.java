package dev.foyer.test;

import dev.foyer.identity.StaffAccounts;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.identity.StaffRole;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The test context's admin as a principal, for calling services directly. */
public final class Admins {

    private Admins() {
    }

    public static StaffPrincipal testAdmin(JdbcClient jdbc) {
        return jdbc.sql("select id, email, display_name from staff_user where email = :email")
                .param("email", TestAdmin.EMAIL)
                .query((rs, n) -> new StaffPrincipal(new dev.foyer.identity.StaffUserId(rs.getObject("id", java.util.UUID.class)),
                        rs.getString("email"), rs.getString("display_name"), StaffRole.ADMIN, null))
                .single();
    }
}
