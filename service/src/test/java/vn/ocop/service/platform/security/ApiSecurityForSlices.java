package vn.ocop.service.platform.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import vn.ocop.service.platform.web.ProblemWriter;

/**
 * The API's real security chain (roles per path, 401/403 as problem+json, the `local` profile's users) for a
 * {@code @WebMvcTest} slice of one feature's controller, which would otherwise get Spring Boot's default security.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({SecurityConfiguration.class, ProblemWriter.class})
@EnableConfigurationProperties(SecurityProperties.class)
public class ApiSecurityForSlices {}
