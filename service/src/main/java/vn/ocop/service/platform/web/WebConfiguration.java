package vn.ocop.service.platform.web;

import java.text.Normalizer;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.util.unit.DataSize;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

@Configuration(proxyBeanMethods = false)
@org.springframework.boot.context.properties.EnableConfigurationProperties(RateLimitProperties.class)
class WebConfiguration {

    /**
     * Runs before security, so an oversized body is refused before anything else reads it. Ruleset uploads
     * (POST /api/v1/rulesets, JSON or multipart) have their own, larger limit so that the upload guard's limits
     * (2 MiB a file, 20 MiB in all; 422 UPLOAD_REFUSED) can be reached.
     */
    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(
            @Value("${ocop.web.max-body-size:1MB}") DataSize max,
            @Value("${ocop.web.upload-max-body-size:32MB}") DataSize uploadMax,
            @Value("${ocop.web.body-read-timeout:30s}") Duration bodyReadTimeout,
            ProblemWriter problems) {
        FilterRegistrationBean<BodySizeLimitFilter> bean = new FilterRegistrationBean<>(new BodySizeLimitFilter(
                max,
                uploadMax,
                r -> "POST".equals(r.getMethod()) && "/api/v1/rulesets".equals(r.getRequestURI()),
                bodyReadTimeout,
                problems));
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return bean;
    }

    /** Tomcat's own error pages (bad request lines, before any servlet) are problem+json too. */
    @Bean
    org.springframework.boot.web.server.WebServerFactoryCustomizer<
                    org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory>
            problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    /** Request bodies are read strictly (StrictJson); responses are written with the application's mapper settings. */
    @Bean
    JacksonJsonHttpMessageConverter strictJsonConverter(JsonMapper mapper) {
        return StrictJson.converter(StrictJson.strict(mapper));
    }

    /** Controllers whose only constraint is a validated body are not proxied to validate it a second time (BodyOnlyValidation). */
    @Bean
    static org.springframework.boot.validation.beanvalidation.MethodValidationExcludeFilter bodyOnlyValidation() {
        return new BodyOnlyValidation();
    }

    /** No cascade into maps and lists of plain JDK values of the generated models (ScalarContainerCascade). */
    @Bean
    static org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer
            scalarContainerCascade() {
        return new ScalarContainerCascade();
    }

    /** Unknown or malformed query parameters are refused before any controller (QueryParameterFilter). */
    @Bean
    FilterRegistrationBean<QueryParameterFilter> queryParameterFilter(ProblemWriter problems) {
        FilterRegistrationBean<QueryParameterFilter> bean =
                new FilterRegistrationBean<>(new QueryParameterFilter(problems));
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 12);
        return bean;
    }

    /** Per-client token buckets on the anonymous endpoints (RateLimitFilter); before security, so a flood costs little. */
    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(
            RateLimitProperties props, ProblemWriter problems, io.micrometer.core.instrument.MeterRegistry meters) {
        FilterRegistrationBean<RateLimitFilter> bean =
                new FilterRegistrationBean<>(new RateLimitFilter(props, problems, meters));
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
        return bean;
    }

    /** After security (order -100: the user scopes the key) and after the body-size limit. */
    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyStore store, ProblemWriter problems) {
        FilterRegistrationBean<IdempotencyFilter> bean =
                new FilterRegistrationBean<>(new IdempotencyFilter(store, problems));
        bean.setOrder(0);
        return bean;
    }

    /** Every JSON string is stored in NFC, so Vietnamese text compares and round-trips the same however it was typed. */
    @Bean
    SimpleModule nfcStrings() {
        SimpleModule module = new SimpleModule("nfc-strings");
        module.addDeserializer(String.class, new NfcStringDeserializer());
        return module;
    }

    static final class NfcStringDeserializer extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String s = super.deserialize(p, ctxt);
            return s == null ? null : Normalizer.normalize(s, Normalizer.Form.NFC);
        }
    }
}
