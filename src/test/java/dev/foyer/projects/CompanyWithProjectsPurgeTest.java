package dev.foyer.projects;

import dev.foyer.directory.Companies;
import dev.foyer.directory.Company;
import dev.foyer.directory.DirectoryException;
import dev.foyer.directory.RecycleBin;
import dev.foyer.test.Admins;
import dev.foyer.test.FoyerDataTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.foyer.test.DirectoryBuilders.aCompany;
import static dev.foyer.test.ProjectBuilders.aProject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Nothing is lost: a company whose projects still exist is not purged from the recycle bin (issue 3). */
@FoyerDataTest
class CompanyWithProjectsPurgeTest {

    @Autowired
    Companies companies;
    @Autowired
    Projects projects;
    @Autowired
    RecycleBin bin;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aCompanyWithProjectsStaysInTheBinWithAClearReason() {
        var admin = Admins.testAdmin(jdbc);
        Company company = aCompany().createdBy(companies, admin);
        Project project = aProject().of(company.id()).createdBy(projects, admin);
        companies.moveToRecycleBin(admin, company.id(), company.version());

        assertThatThrownBy(() -> bin.purgeCompany(admin, company.id()))
                .isInstanceOf(DirectoryException.class)
                .satisfies(e -> assertThat(((DirectoryException) e).problems()).containsValue("recycleBin.error.inUse"));
        assertThat(jdbc.sql("select count(*) from company where id = :id").param("id", company.id().value())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from project where id = :id").param("id", project.id().value())
                .query(Long.class).single()).isEqualTo(1);
    }
}
