package vn.ocop.service.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.metadata.PropertyDescriptor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.junit.jupiter.api.Test;
import vn.ocop.api.model.AssessmentInput;
import vn.ocop.api.model.DeclaredFacts;
import vn.ocop.api.model.EvaluateRequest;

/** The generated models lose the cascade into maps of plain values, and keep every constraint that checks something. */
class ScalarContainerCascadeTests {
    final List<Class<?>> models = ScalarContainerCascade.modelsOf("vn.ocop.api.model");
    final Validator plain = validator(false);
    final Validator customised = validator(true);

    Validator validator(boolean customise) {
        HibernateValidatorConfiguration configuration =
                Validation.byProvider(HibernateValidator.class).configure();
        if (customise) new ScalarContainerCascade(models).customize(configuration);
        return configuration.buildValidatorFactory().getValidator();
    }

    PropertyDescriptor selections(Validator validator) {
        return validator.getConstraintsForClass(AssessmentInput.class).getConstraintsForProperty("selections");
    }

    @Test
    void theModelsOfTheContractAreFound() {
        assertThat(models).contains(AssessmentInput.class, EvaluateRequest.class, DeclaredFacts.class);
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
