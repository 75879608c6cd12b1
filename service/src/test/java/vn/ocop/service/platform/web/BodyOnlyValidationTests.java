package vn.ocop.service.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Service;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Which beans lose the AOP method-validation proxy: controllers whose only constraint is a validated request body. */
class BodyOnlyValidationTests {
    final BodyOnlyValidation filter = new BodyOnlyValidation();

    record Body(@NotNull String name) {}

    @Validated
    interface BodyApi {
        void post(@Valid @RequestBody Body body);
    }

    @Validated
    interface PathApi {
        void get(@Pattern(regexp = "[a-z]+") @PathVariable("id") String id);
    }

    @Validated
    interface ListParamApi {
        void get(@RequestParam("ids") List<@Pattern(regexp = "[a-z]+") String> ids);
    }

    @Validated
    interface ValidatedResultApi {
        @Valid
        Body get();
    }

    @RestController
    static class BodyOnly implements BodyApi {
        @Override
        public void post(Body body) {}
    }

    @RestController
    static class WithPathConstraint implements BodyApi, PathApi {
        @Override
        public void post(Body body) {}

        @Override
        public void get(String id) {}
    }

    @RestController
    static class WithTypeUseConstraint implements ListParamApi {
        @Override
        public void get(List<String> ids) {}
    }

    @RestController
    static class WithValidatedResult implements ValidatedResultApi {
        @Override
        public Body get() {
            return new Body("x");
        }
    }

    @RestController
    static class ValidBodyNotFromTheRequestBody {
        public void post(@Valid Body body) {}
    }

    @Service
    @Validated
    static class AService implements BodyApi {
        @Override
        public void post(Body body) {}
    }

    @Test
    void aControllerWhoseOnlyConstraintIsItsBodyIsNotProxied() {
        assertThat(filter.isExcluded(BodyOnly.class)).isTrue();
    }

    @Test
    void controllersWithOtherConstraintsKeepTheProxy() {
        assertThat(filter.isExcluded(WithPathConstraint.class))
                .as("a constrained path variable")
                .isFalse();
        assertThat(filter.isExcluded(WithTypeUseConstraint.class))
                .as("a constraint on a list element")
                .isFalse();
        assertThat(filter.isExcluded(WithValidatedResult.class))
                .as("a validated return value")
                .isFalse();
        assertThat(filter.isExcluded(ValidBodyNotFromTheRequestBody.class))
                .as("@Valid without @RequestBody")
                .isFalse();
    }

    @Test
    void beansOtherThanControllersKeepTheProxy() {
        assertThat(filter.isExcluded(AService.class)).isFalse();
    }

    @Test
    void theStatelessEvaluationIsNotProxiedAndTheDossierListIsStill() throws ClassNotFoundException {
        assertThat(filter.isExcluded(Class.forName("vn.ocop.service.evaluation.EvaluateController")))
                .isTrue();
        assertThat(filter.isExcluded(Class.forName("vn.ocop.service.dossier.DossierController")))
                .isFalse();
    }
}
