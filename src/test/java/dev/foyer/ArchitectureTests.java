package dev.foyer;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

/** Conventions Foyer keeps, checked on every build. */
class ArchitectureTests {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.foyer");
    private static final JavaClasses TESTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .importPackages("dev.foyer");

    @Test
    void controllersLiveInWebPackagesAndArePackagePrivate() {
        classes().that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
                .should().resideInAPackage("..web..")
                .andShould().notBePublic()
                .check(MAIN);
    }

    @Test
    void restControllersArePartOfTheApiAndAnswerWithProblemDetails() {
        classes().that().areAnnotatedWith(RestController.class)
                .should().beAnnotatedWith(dev.foyer.api.ApiController.class)
                .check(MAIN);
    }

    @Test
    void dependenciesAreInjectedThroughConstructors() {
        noFields().should().beAnnotatedWith(Autowired.class).check(MAIN);
    }

    @Test
    void foyersWebPackagesAreUsedByNothingElse() {
        noClasses().that().resideOutsideOfPackage("dev.foyer..web..")
                .should().dependOnClassesThat().resideInAPackage("dev.foyer..web..")
                .check(MAIN);
    }

    @Test
    void onlyTheComposedTestAnnotationsStartTheApplication() {
        noClasses().that().resideOutsideOfPackage("dev.foyer.test")
                .should().beAnnotatedWith(SpringBootTest.class)
                .check(TESTS);
    }

    @Test
    void nothingPrintsToTheConsoleDirectly() {
        noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .check(MAIN);
    }

    /**
     * ARCHITECTURE.md "The one rule about access" (issue 5 item 6): the portal-facing packages read
     * records only through the visibility component (dev.foyer.portal.PortalReads), never through
     * the modules that keep them. The packages may not exist yet, so an empty selection passes.
     */
    @Test
    void portalFacingPackagesReadOnlyThroughTheVisibilityComponent() {
        noClasses().that().resideInAnyPackage("dev.foyer.site..", "dev.foyer.accounts..", "dev.foyer.notifications..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.foyer.projects..", "dev.foyer.tickets..",
                        "dev.foyer.finance..", "dev.foyer.files..")
                .allowEmptyShould(true)
                .check(MAIN);
    }

    /**
     * Who is a portal member of a project or ticket decides what a portal user sees (ACC-3), so only
     * the portal module reads or writes those tables; a second, drifting copy of the rule elsewhere
     * is how peers leaked. Bytecode does not show SQL text, so this reads the sources.
     */
    @Test
    void onlyThePortalModuleTouchesThePortalMembershipTables() throws java.io.IOException {
        java.nio.file.Path main = java.nio.file.Path.of("src/main/java");
        java.nio.file.Path portal = main.resolve("dev/foyer/portal");
        try (var files = java.nio.file.Files.walk(main)) {
            java.util.List<String> offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.startsWith(portal))
                    .filter(f -> {
                        try {
                            String text = java.nio.file.Files.readString(f);
                            return text.contains("project_portal_member") || text.contains("ticket_portal_member");
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .map(Object::toString).toList();
            org.assertj.core.api.Assertions.assertThat(offenders)
                    .as("classes outside dev.foyer.portal that read the portal membership tables").isEmpty();
        }
    }
}
