package vn.ocop.service.catalogue;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import vn.ocop.rules.api.RulesEngine;

/** The one place the service gets its rules engine from. */
@Configuration(proxyBeanMethods = false)
class RulesEngineConfiguration {

    /**
     * TODO(lead): when vn.ocop.rules.engine.DroolsRulesEngine is merged, replace the body with
     * {@code return new DroolsRulesEngine();}. Until then it is looked up by name so this module compiles
     * without it; tests supply a {@code @Primary} test double, so this lazy bean is never created there.
     */
    @Bean
    @Lazy
    RulesEngine rulesEngine() {
        String name = "vn.ocop.rules.engine.DroolsRulesEngine";
        try {
            return (RulesEngine) Class.forName(name).getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(name + " is not available (the rules engine is not merged yet)", e);
        }
    }
}
