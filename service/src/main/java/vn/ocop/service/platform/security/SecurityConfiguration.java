package vn.ocop.service.platform.security;

import static vn.ocop.service.platform.security.Roles.ADMIN;
import static vn.ocop.service.platform.security.Roles.AUDITOR;
import static vn.ocop.service.platform.security.Roles.COUNCIL;
import static vn.ocop.service.platform.security.Roles.INTEGRATION;
import static vn.ocop.service.platform.security.Roles.POLICY_OFFICER;

import java.util.Collection;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import vn.ocop.service.platform.web.ProblemWriter;

/**
 * Everything but health, the API document, Swagger UI and the public site ({@code /public/**}) needs authentication: HTTP Basic for local users from
 * configuration, and JWT bearer tokens when {@code ocop.security.jwt.issuer-uri} or {@code jwk-set-uri} is set.
 * 401 and 403 are problem+json.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** What the API chain answers; everything else is the web console's (vn.ocop.service.console, form login). */
    public static final String[] API_PATHS = {
        "/api/**",
        "/actuator/**",
        "/v3/api-docs",
        "/v3/api-docs/**",
        "/v3/api-docs.yaml",
        "/openapi/**",
        "/swagger-ui.html",
        "/swagger-ui/**",
        "/error",
        "/public/**"
    };

    /** First: stateless Basic/JWT for the API paths only; the console's session chain comes after it. */
    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, SecurityProperties props, ProblemWriter problems) throws Exception {
        AuthenticationEntryPoint unauthenticated = (req, res, e) -> {
            res.setHeader(
                    "WWW-Authenticate",
                    props.jwt().enabled() ? "Basic realm=\"ocop\", Bearer" : "Basic realm=\"ocop\"");
            // the body is not read: close rather than let the connection drain it (a slow sender would hold the thread)
            if (req.getContentLengthLong() != 0) res.setHeader("Connection", "close");
            problems.write(
                    req, res, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "Cần đăng nhập (authentication is required)");
        };
        AccessDeniedHandler denied = (req, res, e) -> {
            if (req.getContentLengthLong() != 0) res.setHeader("Connection", "close");
            problems.write(
                    req,
                    res,
                    HttpStatus.FORBIDDEN,
                    "FORBIDDEN",
                    "Vai trò của bạn không được phép làm việc này (your role does not allow this)");
        };
        String[] everyone = {INTEGRATION, COUNCIL, POLICY_OFFICER, AUDITOR, ADMIN};
        http.securityMatcher(API_PATHS)
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .authorizeHttpRequests(a -> a.requestMatchers(
                                "/actuator/health",
                                "/actuator/health/**",
                                "/v3/api-docs",
                                "/v3/api-docs/**",
                                "/v3/api-docs.yaml",
                                "/openapi/openapi.yaml",
                                "/swagger-ui.html",
                                "/swagger-ui/**",
                                "/error")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasAnyRole(ADMIN, AUDITOR)
                        // issue 12: the public site (verification, QR, catalogue, ideas) needs no login; it is
                        // rate-limited
                        .requestMatchers("/public/**")
                        .permitAll()
                        .requestMatchers(
                                HttpMethod.POST,
                                "/api/v1/certificates",
                                "/api/v1/certificates/**",
                                "/api/v1/ideas/*/triage",
                                "/api/v1/programme-plans/*/actuals")
                        .hasAnyRole(POLICY_OFFICER, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/ideas")
                        .hasAnyRole(POLICY_OFFICER, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/evaluate")
                        .hasAnyRole(INTEGRATION, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/evaluations/*/replay", "/api/v1/replays")
                        .hasAnyRole(AUDITOR, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/audit", "/api/v1/audit/**")
                        .hasAnyRole(AUDITOR, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/dossiers/*/evaluations/verify")
                        .hasAnyRole(AUDITOR, ADMIN)
                        .requestMatchers("/api/v1/anchors", "/api/v1/anchors/**")
                        .hasAnyRole(AUDITOR, ADMIN)
                        .requestMatchers(
                                HttpMethod.POST, "/api/v1/dossiers/*/assessments", "/api/v1/dossiers/*/evaluations")
                        .hasAnyRole(COUNCIL, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/dossiers")
                        .hasAnyRole(INTEGRATION, ADMIN)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/dossiers/*")
                        .hasAnyRole(INTEGRATION, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/rulesets", "/api/v1/rulesets/**")
                        .hasAnyRole(POLICY_OFFICER, AUDITOR, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/rulesets", "/api/v1/rulesets/**")
                        .hasAnyRole(POLICY_OFFICER, ADMIN)
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/rulesets/*")
                        .hasAnyRole(POLICY_OFFICER, ADMIN)
                        // who may read or cancel a given job is checked by the jobs feature (its starter, AUDITOR,
                        // ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/jobs/*/cancel")
                        .hasAnyRole(POLICY_OFFICER, AUDITOR, ADMIN)
                        // the procedure checks each caller's role and scope on every object it reads or moves
                        .requestMatchers("/api/v1/procedure/**")
                        .authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/v1/**")
                        .hasAnyRole(everyone)
                        .anyRequest()
                        .hasRole(ADMIN))
                .httpBasic(b -> b.authenticationEntryPoint(unauthenticated))
                // remember who called, for the audit log that writes its entry after security has finished
                .addFilterBefore(CurrentUser.rememberCaller(), AuthorizationFilter.class)
                .exceptionHandling(
                        e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied));
        if (props.jwt().enabled()) {
            http.oauth2ResourceServer(o -> o.authenticationEntryPoint(unauthenticated)
                    .accessDeniedHandler(denied)
                    .jwt(j -> j.decoder(jwtDecoder(props.jwt()))
                            .jwtAuthenticationConverter(roles(props.jwt().rolesClaim()))));
        }
        return http.build();
    }

    @Bean
    UserDetailsService localUsers(SecurityProperties props) {
        List<UserDetails> users = props.users().stream()
                .map(u -> User.withUsername(u.name())
                        .password(u.passwordHash())
                        .roles(u.roles().toArray(String[]::new))
                        .build())
                .toList();
        return new InMemoryUserDetailsManager(users);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new CachingPasswordEncoder();
    }

    private static JwtDecoder jwtDecoder(SecurityProperties.Jwt jwt) {
        if (jwt.jwkSetUri() != null && !jwt.jwkSetUri().isBlank()) {
            return NimbusJwtDecoder.withJwkSetUri(jwt.jwkSetUri()).build();
        }
        return new SupplierJwtDecoder(() -> JwtDecoders.fromIssuerLocation(jwt.issuerUri()));
    }

    private static JwtAuthenticationConverter roles(String claim) {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(claim);
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            Collection<GrantedAuthority> granted = authorities.convert(jwt);
            return granted;
        });
        return converter;
    }
}
