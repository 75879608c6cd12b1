package vn.ocop.service.ruleset;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.ocop.rules.pipeline.RulesetCompiler;

/** The rules pipeline for uploads (it lives in rules/, without Spring): one bounded worker, stopped on shutdown. */
@Configuration(proxyBeanMethods = false)
class RulesetCompilerConfiguration {
    @Bean(destroyMethod = "close")
    RulesetCompiler rulesetCompiler(@Value("${ocop.rulesets.compile-timeout:120s}") Duration timeout) {
        return new RulesetCompiler(timeout);
    }
}
