package vn.ocop.service.platform.web;

import java.text.Normalizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    /** Runs before security, so an oversized body is refused before anything else reads it. */
    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(
            @Value("${ocop.web.max-body-size:1MB}") DataSize max, ProblemWriter problems) {
        FilterRegistrationBean<BodySizeLimitFilter> bean = new FilterRegistrationBean<>(new BodySizeLimitFilter(max, problems));
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return bean;
    }

    /** After security (order -100: the user scopes the key) and after the body-size limit. */
    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyStore store, ProblemWriter problems) {
        FilterRegistrationBean<IdempotencyFilter> bean = new FilterRegistrationBean<>(new IdempotencyFilter(store, problems));
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
