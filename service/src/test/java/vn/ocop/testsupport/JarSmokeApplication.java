package vn.ocop.testsupport;

import org.springframework.boot.SpringApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import vn.ocop.rules.api.RulesEngine;
import vn.ocop.service.OcopApplication;

/**
 * Starts the PACKAGED service jar with the test-double engine (via Spring Boot's PropertiesLauncher and
 * loader.path=target/test-classes): uses nothing from the test scope but this class and the test double.
 */
public class JarSmokeApplication {
    public static void main(String[] args) {
        SpringApplication.run(new Class<?>[] {OcopApplication.class, Engine.class}, args);
    }

    @Configuration(proxyBeanMethods = false)
    static class Engine {
        @Bean
        @Primary
        RulesEngine fixedCatalogueRulesEngine() {
            return new FixedCatalogueRulesEngine();
        }
    }
}
