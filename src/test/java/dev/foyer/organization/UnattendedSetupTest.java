package dev.foyer.organization;

import dev.foyer.test.FoyerDataTest;
import dev.foyer.test.TestAdmin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 2: FOYER_SETUP_* settings set Foyer up without a browser, and setup is closed after. */
@FoyerDataTest
class UnattendedSetupTest {

    @Autowired
    Organizations organizations;
    @Autowired
    Setup setup;
    @Autowired
    JdbcClient jdbc;

    @Test
    void configurationCreatesTheOrganizationAndFirstAdmin() {
        var organization = organizations.current().orElseThrow();
        assertThat(organization.profile().name()).isEqualTo("Foyer Test Org");
        assertThat(organization.profile().internalDomains()).containsExactly("foyer.test");
        assertThat(organization.profile().timeZone()).isEqualTo("Europe/Berlin");
        assertThat(organization.profile().country()).isEqualTo("DE");
        assertThat(jdbc.sql("select role from staff_user where email = :e").param("e", TestAdmin.EMAIL)
                .query(String.class).single()).isEqualTo("ADMIN");
        assertThat(setup.isOpen()).isFalse();
    }

    @Test
    void aLaterUnattendedAttemptIsRefused() {
        var profile = OrganizationProfile.validate("Other", "other.example", "en", "UTC", "H24", "FR").profile();
        assertThatThrownBy(() -> setup.completeUnattended(new SetupRequest(profile, "Eve", "eve@other.example",
                "eve's long passphrase"))).isInstanceOf(SetupClosedException.class);
        assertThat(organizations.current().orElseThrow().profile().name()).isEqualTo("Foyer Test Org");
    }
}
