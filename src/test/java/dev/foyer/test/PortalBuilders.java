package dev.foyer.test;

import java.util.UUID;

import dev.foyer.directory.ContactId;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.portal.PortalId;
import dev.foyer.portal.PortalUser;
import dev.foyer.portal.PortalUserKind;
import dev.foyer.portal.PortalUserStatus;
import dev.foyer.portal.PortalUsers;
import dev.foyer.portal.UserTypeId;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Builders for portal users, created through the real service, and the first portal's ids. */
public final class PortalBuilders {

    private PortalBuilders() {
    }

    public static PortalUserBuilder aPortalUser() {
        return new PortalUserBuilder();
    }

    /** The first portal ("Customer portal"), created at startup. */
    public static PortalId customerPortal(JdbcClient jdbc) {
        return new PortalId(jdbc.sql("select id from portal where is_primary").query(UUID.class).single());
    }

    /** The user type of that name in the portal. */
    public static UserTypeId userType(JdbcClient jdbc, PortalId portal, String name) {
        return new UserTypeId(jdbc.sql("select id from portal_user_type where portal_id = :portal and name = :name")
                .param("portal", portal.value()).param("name", name).query(UUID.class).single());
    }

    public static final class PortalUserBuilder {
        private ContactId contact;
        private PortalId portal;
        private UserTypeId type;
        private PortalUserKind kind = PortalUserKind.CUSTOMER;
        private PortalUserStatus status = PortalUserStatus.ACTIVE;

        public PortalUserBuilder of(ContactId contact) {
            this.contact = contact;
            return this;
        }

        public PortalUserBuilder in(PortalId portal, UserTypeId type) {
            this.portal = portal;
            this.type = type;
            return this;
        }

        public PortalUserBuilder consolidated() {
            this.kind = PortalUserKind.CONSOLIDATED;
            return this;
        }

        public PortalUserBuilder withStatus(PortalUserStatus status) {
            this.status = status;
            return this;
        }

        /** In the first portal with Full access unless {@link #in} said otherwise. */
        public PortalUser createdBy(PortalUsers users, JdbcClient jdbc, StaffPrincipal actor) {
            PortalId inPortal = portal == null ? customerPortal(jdbc) : portal;
            UserTypeId withType = type == null ? userType(jdbc, inPortal, "Full access") : type;
            return users.create(actor, contact, inPortal, withType, kind, status);
        }
    }
}
