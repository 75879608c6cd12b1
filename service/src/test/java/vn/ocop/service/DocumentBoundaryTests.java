package vn.ocop.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No feature hands another a {@code org.bson.Document}: a call from one feature (a top-level package under
 * vn.ocop.service, a Spring Modulith module) to a method or constructor of another whose parameters or return type
 * involve Document fails this test. Inside a feature the store may keep Documents; {@code platform.storage} (Bson,
 * DocumentHash) is the storage infrastructure and may take them. Stored evaluation records cross as
 * {@code evaluation.StoredEvaluation}, whose hash is computed inside the evaluation feature on the stored document.
 */
class DocumentBoundaryTests {
    private static final String ROOT = "vn.ocop.service.";

    @Test
    void noDocumentCrossesAFeaturesPublicApi() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.ocop.service");
        assertThat(classes.size()).as("service classes found").isGreaterThan(50);
        List<String> crossings = new ArrayList<>();
        for (JavaClass caller : classes) {
            String from = feature(caller);
            if (from == null) continue;
            for (JavaAccess<?> access : Stream.concat(
                            caller.getMethodCallsFromSelf().stream(), caller.getConstructorCallsFromSelf().stream())
                    .toList()) {
                JavaClass owner = access.getTargetOwner();
                String to = feature(owner);
                if (to == null || to.equals(from) || owner.getPackageName().startsWith(ROOT + "platform.storage"))
                    continue;
                access.getTarget().resolveMember().ifPresent(member -> {
                    if (member instanceof JavaCodeUnit unit && involvesDocument(unit)) {
                        crossings.add(access.getDescription());
                    }
                });
            }
        }
        assertThat(crossings)
                .as("calls across features that pass org.bson.Document")
                .isEmpty();
    }

    private static boolean involvesDocument(JavaCodeUnit unit) {
        Stream<JavaType> types = Stream.concat(unit.getParameterTypes().stream(), Stream.of(unit.getReturnType()));
        return types.flatMap(t -> t.getAllInvolvedRawTypes().stream())
                .anyMatch(t -> t.getName().equals("org.bson.Document"));
    }

    /** The feature of a class: the first package segment under vn.ocop.service, or null outside any feature. */
    private static String feature(JavaClass c) {
        String p = c.getPackageName();
        if (!p.startsWith(ROOT)) return null;
        String rest = p.substring(ROOT.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
