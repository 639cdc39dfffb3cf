package dev.foyer;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** One package per capability: Spring Modulith checks the module boundaries and documents them. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(FoyerApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeDocumentation();
    }
}
