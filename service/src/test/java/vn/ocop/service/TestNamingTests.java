package vn.ocop.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.annotation.Testable;
import org.junit.platform.commons.support.AnnotationSupport;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The name of a test class says which plugin runs it (docs/architecture.md, Tests): unit and slice tests are
 * {@code *Tests} (surefire, in {@code test}), whole-application tests are {@code *IT} (failsafe, after {@code
 * package}). A class named otherwise would be run by neither, or by the wrong one, without anyone noticing; a
 * {@code @SpringBootTest} named {@code *Tests} would start the whole application in the unit run.
 */
class TestNamingTests {

    @Test
    void everyTestClassOfTheServiceIsNamedForItsKind() throws IOException, URISyntaxException {
        List<Class<?>> tests = testClassesOfThisSourceSet();

        assertThat(tests)
                .as("test classes found under src/test/java (the walk itself works)")
                .hasSizeGreaterThan(40);
        assertThat(tests.stream().flatMap(c -> misnaming(c).stream()))
                .as("test classes named against the rule")
                .isEmpty();
    }

    @Test
    void theRuleCatchesEachKindOfMistake() {
        assertThat(misnaming(WholeApplicationTests.class))
                .hasValueSatisfying(m -> assertThat(m).contains("@SpringBootTest"));
        assertThat(misnaming(UnitTest.class))
                .hasValueSatisfying(m -> assertThat(m).contains("neither"));
        assertThat(misnaming(WholeApplicationIT.class)).isEmpty();
        assertThat(misnaming(UnitTests.class)).isEmpty();
    }

    /** Why the class is misnamed, or empty when its name fits what it is. */
    static Optional<String> misnaming(Class<?> test) {
        String name = test.getSimpleName();
        boolean wholeApplication = AnnotationSupport.isAnnotated(test, SpringBootTest.class);
        if (!name.endsWith("Tests") && !name.endsWith("IT")) {
            return Optional.of(test.getName() + " is named neither *Tests (unit, slice) nor *IT (whole application)");
        }
        if (wholeApplication && !name.endsWith("IT")) {
            return Optional.of(test.getName() + " is a @SpringBootTest (whole application): name it *IT");
        }
        return Optional.empty();
    }

    /** The top-level classes of src/test/java (not src/bench/java) that JUnit would run. */
    static List<Class<?>> testClassesOfThisSourceSet() throws IOException, URISyntaxException {
        Path classes = Path.of(TestNamingTests.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Path sources = classes.getParent().getParent().resolve("src/test/java");
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String relative = sources.relativize(file).toString();
                String className = relative.substring(0, relative.length() - ".java".length())
                        .replace(file.getFileSystem().getSeparator(), ".");
                if (className.endsWith("package-info")) continue;
                Class<?> type = load(className);
                if (isRunnableTestClass(type)) found.add(type);
            }
        }
        return found;
    }

    static boolean isRunnableTestClass(Class<?> type) {
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) return false;
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (Stream.<AnnotatedElement>concat(Stream.of(c.getDeclaredMethods()), Stream.of(c.getDeclaredFields()))
                    .anyMatch(member -> AnnotationSupport.isAnnotated(member, Testable.class))) {
                return true;
            }
        }
        return false;
    }

    private static Class<?> load(String className) {
        try {
            return Class.forName(className, false, TestNamingTests.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(className + " is in src/test/java but was not compiled", e);
        }
    }

    // Specimens for the rule: nested (so surefire and failsafe skip them) and disabled (so no IDE runs them).

    @Disabled("a specimen for TestNamingTests")
    @SpringBootTest
    static class WholeApplicationTests {
        @Test
        void specimen() {}
    }

    @Disabled("a specimen for TestNamingTests")
    @SpringBootTest
    static class WholeApplicationIT {
        @Test
        void specimen() {}
    }

    @Disabled("a specimen for TestNamingTests")
    static class UnitTest {
        @Test
        void specimen() {}
    }

    @Disabled("a specimen for TestNamingTests")
    static class UnitTests {
        @Test
        void specimen() {}
    }
}
