package vn.ocop.service;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Features use each other only through their top-level packages; the rules module stays free of Spring and MongoDB,
 * and the service uses it only through its API ({@code vn.ocop.rules.api}, the façade {@code RulePlatform}).
 */
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

    @Test
    void serviceUsesTheRulesModuleOnlyThroughItsApi() {
        JavaClasses service = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.ocop.service");
        assertThat(service.size()).as("service classes found").isGreaterThan(50);
        DescribedPredicate<JavaClass> rulesInternals = JavaClass.Predicates.resideInAPackage("vn.ocop.rules..")
                .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage("vn.ocop.rules.api..")))
                .as("classes of vn.ocop.rules outside vn.ocop.rules.api");
        noClasses().that().resideInAPackage("vn.ocop.service..")
                .should().dependOnClassesThat(rulesInternals)
                .check(service);
    }
}
