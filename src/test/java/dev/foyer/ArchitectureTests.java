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
}
