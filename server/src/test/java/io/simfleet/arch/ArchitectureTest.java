package io.simfleet.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The SFT wire format stays at the edge: the domain never sees the envelope or the web layer. */
class ArchitectureTest {
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.simfleet");
    static final String[] DOMAIN = {"io.simfleet.account..", "io.simfleet.auth..", "io.simfleet.catalog..",
            "io.simfleet.sim..", "io.simfleet.endpoint..", "io.simfleet.common..", "io.simfleet.job..", "io.simfleet.network..", "io.simfleet.idempotency..", "io.simfleet.usage..", "io.simfleet.ops..",
            "io.simfleet.privatenet.."};

    @Test
    void domainDoesNotDependOnTheEdges() {
        noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage("io.simfleet.sftapi..", "io.simfleet.admin..")
                .check(CLASSES);
    }

    @Test
    void domainDoesNotUseTheWebLayer() {
        noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..", "org.springframework.http..")
                .check(CLASSES);
    }

    @Test
    void onlyTheSftEdgeWritesTheEnvelope() {
        noClasses().that().resideOutsideOfPackage("io.simfleet.sftapi..")
                .should().dependOnClassesThat().resideInAnyPackage("io.simfleet.sftapi..")
                .check(CLASSES);
    }
}
