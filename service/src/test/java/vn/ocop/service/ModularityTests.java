package vn.ocop.service;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.TreeSet;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Features use each other only through their top-level packages; the rules module stays free of Spring and MongoDB,
 * and the service uses it only through its API ({@code vn.ocop.rules.api}, the façade {@code RulePlatform}); every
 * package of main code says what it is for and is {@code @NullMarked}. Writes the module diagram of
 * docs/architecture.md ({@code docs/modules/}) from the code, so it cannot drift.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(OcopApplication.class);

    @Test
    void featureModulesRespectTheirBoundaries() {
        assertThat(MODULES.stream().map(m -> m.getIdentifier().toString()))
                .contains("catalogue", "evaluation", "dossier", "platform");
        MODULES.verify();
    }

    /** PlantUML of all modules and of each with its neighbours, and a canvas (AsciiDoc) of each: docs/modules/. */
    @Test
    void writesTheModuleDiagramsOfTheArchitectureDocument() throws Exception {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("../docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        sortRelations(java.nio.file.Path.of("../docs/modules"));
        assertThat(java.nio.file.Path.of("../docs/modules/components.puml"))
                .exists()
                .content()
                .contains("\"Catalogue\"", "Rel(");
    }

    /** The Documenter lists relations in no fixed order: sorted, the files change only when dependencies do. */
    static void sortRelations(java.nio.file.Path folder) throws java.io.IOException {
        try (var files = java.nio.file.Files.list(folder)) {
            for (java.nio.file.Path f :
                    files.filter(p -> p.toString().endsWith(".puml")).toList()) {
                List<String> lines = java.nio.file.Files.readAllLines(f);
                List<String> sorted = new java.util.ArrayList<>(lines);
                List<Integer> at = new java.util.ArrayList<>();
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).startsWith("Rel(")) {
                        at.add(i);
                    }
                }
                List<String> relations = at.stream().map(lines::get).sorted().toList();
                for (int k = 0; k < at.size(); k++) {
                    sorted.set(at.get(k), relations.get(k));
                }
                java.nio.file.Files.write(f, sorted);
            }
        }
    }

    @Test
    void everyPackageOfMainCodeIsDocumentedAndNullMarked() {
        JavaClasses main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.ocop.service", "vn.ocop.rules");
        TreeSet<String> packages = new TreeSet<>();
        for (JavaClass c : main) {
            packages.add(c.getPackageName());
        }
        List<String> unmarked = packages.stream()
                .filter(p -> !main.getPackage(p).isAnnotatedWith(NullMarked.class))
                .toList();
        assertThat(packages).hasSizeGreaterThan(20);
        assertThat(unmarked)
                .as("packages without a package-info.java annotated @NullMarked")
                .isEmpty();
    }

    @Test
    void rulesNeverDependOnSpringOrMongo() {
        JavaClasses rules = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.ocop.rules");
        assertThat(rules.size()).as("rules classes found").isGreaterThan(10);
        noClasses()
                .that()
                .resideInAPackage("vn.ocop.rules..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..")
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
        noClasses()
                .that()
                .resideInAPackage("vn.ocop.service..")
                .should()
                .dependOnClassesThat(rulesInternals)
                .check(service);
    }
}
