package vn.ocop.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import vn.ocop.rules.api.RulesEngine;

/** Puts the test double in place of the (lazy, not yet merged) Drools engine. */
@TestConfiguration(proxyBeanMethods = false)
public class TestEngineConfiguration {
    @Bean
    @Primary
    RulesEngine fixedCatalogueRulesEngine() {
        return new FixedCatalogueRulesEngine();
    }
}
