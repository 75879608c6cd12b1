package vn.ocop.service;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Features use each other only through their top-level packages; the rules module stays free of Spring and MongoDB. */
class ModularityTest {

    @Test
    void featureModulesRespectTheirBoundaries() {
        ApplicationModules modules = ApplicationModules.of(OcopApplication.class);
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
                .contains("catalogue", "evaluation", "dossier", "platform");
        modules.verify();
    }

    @Test
    void rulesNeverDependOnSpringOrMongo() {
        JavaClasses rules = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.ocop.rules");
        assertThat(rules.size()).as("rules classes found").isGreaterThan(10);
        noClasses().that().resideInAPackage("vn.ocop.rules..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..")
                .check(rules);
    }
}
