package dev.foyer.demo;

import dev.foyer.organization.Organizations;
import dev.foyer.test.FoyerDataTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 2: the demo switch loads a realistic organization on an empty database. */
@FoyerDataTest
@TestPropertySource(properties = {"foyer.demo=true", "foyer.setup.admin-email="})
class DemoOrganizationTest {

    @Autowired
    Organizations organizations;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theDemoSwitchLoadsAnOrganizationWithStaffInEveryRole() {
        assertThat(organizations.current()).hasValueSatisfying(organization ->
                assertThat(organization.profile().name()).isEqualTo("Brightline Print & Design"));
        var roles = jdbc.sql("select role from staff_user where active").query(String.class).list();
        assertThat(roles).hasSize(1 + DemoOrganization.STAFF.size()).contains("ADMIN", "MANAGER", "MEMBER");
        assertThat(jdbc.sql("select count(*) from staff_user where password_hash not like '$2%'").query(Long.class).single())
                .isZero();
    }

    @Test
    void theDemoHasCompaniesWithContactsAndAConsolidatedAccount() {
        assertThat(jdbc.sql("select count(*) from company").query(Long.class).single())
                .isEqualTo(DemoOrganization.COMPANIES.size());
        assertThat(jdbc.sql("select count(*) from contact").query(Long.class).single()).isGreaterThan(15);
        assertThat(jdbc.sql("select count(*) from company where consolidated_account_id is not null")
                .query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from record_change where record_type = 'company'").query(Long.class)
                .single()).isEqualTo(DemoOrganization.COMPANIES.size());
    }

    @Test
    void theDemoHasProjectsWithSharedItemsTicketsAndAFile() {
        assertThat(jdbc.sql("select count(*) from project").query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from task where shared").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("select count(*) from milestone where shared").query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from ticket").query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from ticket_comment where shared").query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from stored_file").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theDemoHasFinancialDocumentsInEveryStatusOfEveryKind() {
        for (dev.foyer.finance.DocumentKind kind : dev.foyer.finance.DocumentKind.values()) {
            var statuses = jdbc.sql("select distinct status from finance_document where kind = :kind limit 20")
                    .param("kind", kind.name()).query(String.class).list();
            assertThat(statuses).as(kind.name()).containsExactlyInAnyOrderElementsOf(
                    kind.statuses().stream().map(Enum::name).toList());
        }
        assertThat(jdbc.sql("""
                        select count(*) from finance_document where kind = 'INVOICE'
                        and status in ('SENT', 'PARTLY_PAID') and due_date < current_date""").query(Long.class).single())
                .as("an overdue invoice").isPositive();
        assertThat(jdbc.sql("select count(*) from finance_document where source_document_id is not null")
                .query(Long.class).single()).as("an accepted quote converted into an order and an invoice").isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from finance_payment").query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from finance_order_flag where not customer_flag").query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from finance_order_task").query(Long.class).single()).isEqualTo(2);
    }
}
