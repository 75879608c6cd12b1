package vn.ocop.service.catalogue;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.ocop.rules.engine.DroolsRulesEngine;

/** The one place the service gets its rules engine from: the built-in packs, compiled at build time and warmed. */
@Configuration(proxyBeanMethods = false)
class RulesEngineConfiguration {

    @Bean
    DroolsRulesEngine rulesEngine() {
        return DroolsRulesEngine.fromBuiltInPacks();
    }
}
