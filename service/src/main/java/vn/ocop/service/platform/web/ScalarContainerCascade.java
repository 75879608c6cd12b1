package vn.ocop.service.platform.web;

import jakarta.validation.Configuration;
import jakarta.validation.Constraint;
import jakarta.validation.Valid;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import vn.ocop.api.model.AssessmentInput;
import vn.ocop.api.model.RulesetDraftInput;
import vn.ocop.api.model.SelfAssessment;
import vn.ocop.api.model.SheetInput;

/**
 * Turns off the cascade that OpenAPI Generator puts on every container field ({@code @Valid private Map<String, Integer>
 * selections}) when the container holds only JDK values with no constraint of their own. Cascading there checks
 * nothing (an Integer or a String has no constraints to cascade into) but walks every entry, building a property
 * path for each: for a stateless evaluation's 93 selections it was more than half of the body's validation (37 → 16 µs
 * and 52 → 23 KB per body, docs/benchmarks.md). The container's own constraints (on the getter: {@code @NotNull @Size(max = 200)}) and cascades
 * into model types ({@code List<@Valid AssessmentInput>}) stay; a container with constraints on its elements
 * ({@code List<@Size(max = 50) String>}) is left as it is. The options' range (1–100) is checked at the door
 * ({@code SheetInputCheck}), as before: the generated map carries no constraint for it.
 */
final class ScalarContainerCascade implements ValidationConfigurationCustomizer {
    /**
     * The generated request models with such a field (request bodies and the models inside them), listed rather than
     * found by scanning the class path at every start; {@code ScalarContainerCascadeTests} holds the list to the contract.
     */
    static final List<Class<?>> REQUEST_MODELS =
            List.of(AssessmentInput.class, SheetInput.class, SelfAssessment.class, RulesetDraftInput.class);

    @Override
    public void customize(Configuration<?> configuration) {
        if (!(configuration instanceof HibernateValidatorConfiguration hibernate)) return;
        ConstraintMapping mapping = hibernate.createConstraintMapping();
        for (Class<?> model : REQUEST_MODELS) {
            List<Field> fields = Arrays.stream(model.getDeclaredFields())
                    .filter(ScalarContainerCascade::cascadesIntoNothing)
                    .toList();
            if (fields.isEmpty()) continue;
            var type = mapping.type(model);
            fields.forEach(f -> type.field(f.getName()).ignoreAnnotations(true));
        }
        hibernate.addMapping(mapping);
    }

    /** A {@code @Valid} map or collection field whose only annotation is {@code @Valid} and whose elements are JDK values. */
    static boolean cascadesIntoNothing(Field field) {
        if (!field.isAnnotationPresent(Valid.class) || field.getAnnotations().length != 1) return false;
        if (!Map.class.isAssignableFrom(field.getType()) && !Collection.class.isAssignableFrom(field.getType()))
            return false;
        // @Valid is also a type-use annotation: on the field it sits on the field's type too
        return !constrains(Arrays.stream(field.getAnnotatedType().getAnnotations())
                        .filter(a -> !(a instanceof Valid))
                        .toArray(Annotation[]::new))
                && field.getAnnotatedType() instanceof AnnotatedParameterizedType p
                && Arrays.stream(p.getAnnotatedActualTypeArguments()).allMatch(ScalarContainerCascade::plainJdkValue);
    }

    private static boolean plainJdkValue(AnnotatedType type) {
        if (type.getAnnotations().length > 0) return false;
        if (type instanceof AnnotatedParameterizedType p) {
            return jdk(((ParameterizedType) p.getType()).getRawType())
                    && Arrays.stream(p.getAnnotatedActualTypeArguments())
                            .allMatch(ScalarContainerCascade::plainJdkValue);
        }
        return jdk(type.getType());
    }

    private static boolean jdk(Type type) {
        return type instanceof Class<?> c && c.getName().startsWith("java.");
    }

    private static boolean constrains(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a.annotationType().getName().startsWith("jakarta.validation.")
                    || a.annotationType().isAnnotationPresent(Constraint.class)) return true;
        }
        return false;
    }
}
