package org.jinto.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layers, checked on every build over the server, the plugin API and the bundled plugins. Dependencies point
 * one way: {@code http} (JAX-RS and servlet code) → the resource engine ({@code resource}, {@code auth}, …) → the
 * backends' interfaces ({@code org.jinto.api}) ← the backends ({@code storage}, {@code permission}, {@code cache},
 * with {@code database} under the SQL ones). A rule broken here is a design change to discuss, not to suppress.
 */
class ArchitectureTest {

    private static final JavaClasses JINTO = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.jinto");

    private static final String[] ENGINE_AND_BACKENDS = {"org.jinto.resource..", "org.jinto.auth..",
            "org.jinto.storage..", "org.jinto.permission..", "org.jinto.cache..", "org.jinto.database.."};
    private static final String[] BACKENDS = {"org.jinto.storage..", "org.jinto.permission..",
            "org.jinto.cache..", "org.jinto.database.."};

    @Test
    void noCycleBetweenPackages() {
        slices().matching("org.jinto.(**)").should().beFreeOfCycles().check(JINTO);
    }

    @Test
    void theEngineAndTheBackendsKnowNeitherJaxRsNorServlets() {
        noClasses().that().resideInAnyPackage(ENGINE_AND_BACKENDS)
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "jakarta.servlet..")
                .check(JINTO);
    }

    @Test
    void backendsDoNotUseTheResourceEngine() {
        noClasses().that().resideInAnyPackage(BACKENDS)
                .should().dependOnClassesThat().resideInAnyPackage("org.jinto.resource..", "org.jinto.http..",
                        "org.jinto.auth..", "org.jinto.events..", "org.jinto.defaultbucket..")
                .check(JINTO);
    }

    @Test
    void onlyTheHttpLayerAndPluginsDeclareJaxRsResources() {
        classes().that().areAnnotatedWith(Path.class)
                .should().resideInAnyPackage("org.jinto.http..", "org.jinto.plugins.*..")
                .check(JINTO);
    }

    @Test
    void thePluginApiStandsAlone() {
        noClasses().that().resideInAPackage("org.jinto.api..")
                .should().dependOnClassesThat().resideOutsideOfPackages("org.jinto.api..", "java..", "jakarta..")
                .check(JINTO);
    }

    @Test
    void pluginsUseThePluginApiOnly() {
        noClasses().that().resideInAPackage("org.jinto.plugins.*..").and().resideOutsideOfPackage("org.jinto.plugins")
                .should().dependOnClassesThat().resideInAnyPackage("org.jinto.http..", "org.jinto.resource..",
                        "org.jinto.storage..", "org.jinto.permission..", "org.jinto.cache..", "org.jinto.database..",
                        "org.jinto.auth..", "org.jinto.events..", "org.jinto.settings..", "org.jinto.backend..")
                .check(JINTO);
    }
}
