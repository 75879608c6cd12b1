package vn.ocop.service.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.metadata.PropertyDescriptor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestBody;
import vn.ocop.api.model.AssessmentInput;
import vn.ocop.api.model.DeclaredFacts;
import vn.ocop.api.model.EvaluateRequest;

/** The generated models lose the cascade into maps of plain values, and keep every constraint that checks something. */
class ScalarContainerCascadeTests {
    final Validator plain = validator(false);
    final Validator customised = validator(true);

    Validator validator(boolean customise) {
        HibernateValidatorConfiguration configuration =
                Validation.byProvider(HibernateValidator.class).configure();
        if (customise) new ScalarContainerCascade().customize(configuration);
        return configuration.buildValidatorFactory().getValidator();
    }

    PropertyDescriptor selections(Validator validator) {
        return validator.getConstraintsForClass(AssessmentInput.class).getConstraintsForProperty("selections");
    }

    /** The list is kept in step with the contract: every request body (or a model inside one) with such a field. */
    @Test
    void everyRequestModelWithAPlainContainerIsListed() {
        Set<Class<?>> needed = new HashSet<>();
        for (Class<?> model : requestModels()) {
            if (Arrays.stream(model.getDeclaredFields()).anyMatch(ScalarContainerCascade::cascadesIntoNothing))
                needed.add(model);
        }
        assertThat(needed).contains(AssessmentInput.class);
        assertThat(ScalarContainerCascade.REQUEST_MODELS).containsExactlyInAnyOrderElementsOf(needed);
    }

    /** The generated models a request body can hold: the @RequestBody types of the API interfaces, and their fields'. */
    static Set<Class<?>> requestModels() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition bean) {
                return true;
            }
        };
        scanner.addIncludeFilter((reader, factory) -> true);
        Deque<Type> todo = new ArrayDeque<>();
        for (var bean : scanner.findCandidateComponents("vn.ocop.api.server")) {
            for (Method m :
                    ClassUtils.resolveClassName(bean.getBeanClassName(), null).getMethods()) {
                for (Parameter p : m.getParameters()) {
                    if (p.isAnnotationPresent(RequestBody.class)) todo.add(p.getParameterizedType());
                }
            }
        }
        Set<Class<?>> models = new HashSet<>();
        while (!todo.isEmpty()) {
            Type t = todo.pop();
            if (t instanceof ParameterizedType p) {
                todo.addAll(Arrays.asList(p.getActualTypeArguments()));
            } else if (t instanceof Class<?> c && c.getPackageName().equals("vn.ocop.api.model") && models.add(c)) {
                for (Field f : c.getDeclaredFields()) todo.add(f.getGenericType());
            }
        }
        return models;
    }

    @Test
    void aMapOfOptionsIsNoLongerCascadedButKeepsItsOwnConstraints() {
        assertThat(selections(plain).isCascaded()).isTrue();
        assertThat(selections(customised).isCascaded()).isFalse();
        assertThat(selections(customised).getConstraintDescriptors())
                .extracting(d -> d.getAnnotation().annotationType().getSimpleName())
                .contains(NotNull.class.getSimpleName(), Size.class.getSimpleName());

        Map<String, Integer> tooMany = new HashMap<>();
        for (int i = 0; i < 201; i++) tooMany.put("C" + i, 1);
        assertThat(customised.validate(new AssessmentInput("An", tooMany)))
                .extracting(v -> v.getPropertyPath().toString())
                .containsExactly("selections");
        assertThat(customised.validate(new AssessmentInput("An", null)))
                .extracting(v -> v.getPropertyPath().toString())
                .containsExactly("selections");
    }

    @Test
    void cascadesIntoModelsAndElementConstraintsStay() {
        EvaluateRequest request = new EvaluateRequest("food", List.of(new AssessmentInput("", Map.of("A1.1", 1))));
        assertThat(customised.validate(request))
                .extracting(v -> v.getPropertyPath().toString())
                .containsExactly("assessments[0].member");

        DeclaredFacts facts = new DeclaredFacts().certifications(List.of("x".repeat(51)));
        assertThat(customised.validate(facts))
                .extracting(v -> v.getPropertyPath().toString())
                .containsExactly("certifications[0].<list element>");
    }

    @Test
    void onlyPlainContainerFieldsAreChosen() throws Exception {
        assertThat(ScalarContainerCascade.cascadesIntoNothing(AssessmentInput.class.getDeclaredField("selections")))
                .isTrue();
        assertThat(ScalarContainerCascade.cascadesIntoNothing(EvaluateRequest.class.getDeclaredField("assessments")))
                .isFalse();
        assertThat(ScalarContainerCascade.cascadesIntoNothing(DeclaredFacts.class.getDeclaredField("certifications")))
                .isFalse();
        assertThat(ScalarContainerCascade.cascadesIntoNothing(AssessmentInput.class.getDeclaredField("member")))
                .isFalse();
    }
}
