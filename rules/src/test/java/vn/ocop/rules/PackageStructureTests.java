package vn.ocop.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;
import vn.ocop.rules.api.RulePlatform;
import vn.ocop.rules.api.SandboxMessages;

/**
 * The module's packages stay layered: no two of them depend on each other (a cycle makes every change ripple), and
 * the API depends on nothing of the module, so callers that see only {@code vn.ocop.rules.api} see only the API.
 */
class PackageStructureTests {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.ocop.rules");

    @Test
    void packagesFormNoCycle() {
        assertThat(MAIN.size()).as("main classes found").isGreaterThan(50);
        slices().matching("vn.ocop.rules.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void theApiDependsOnNothingElseOfTheModule() {
        classes()
                .that()
                .resideInAPackage("vn.ocop.rules.api..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "vn.ocop.rules.api..",
                        "java..",
                        "org.jspecify..") // jspecify: the @NullMarked annotation of package-info
                .check(MAIN);
    }

    @Test
    void thePlatformIsFoundAndItsSandboxMainExists() throws Exception {
        assertThat(RulePlatform.get().engineFiles()).isNotEmpty();
        // the service starts the sandbox JVM by this name: it must stay a class with a main method
        Method main = Class.forName(SandboxMessages.MAIN_CLASS).getMethod("main", String[].class);
        assertThat(Modifier.isStatic(main.getModifiers())).isTrue();
    }
}
