package vn.ocop.service.console;

import static vn.ocop.service.platform.security.Roles.ADMIN;
import static vn.ocop.service.platform.security.Roles.AUDITOR;
import static vn.ocop.service.platform.security.Roles.COUNCIL;
import static vn.ocop.service.platform.security.Roles.POLICY_OFFICER;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import vn.ocop.service.platform.security.CurrentUser;

/**
 * The console's chain, after the API's (which takes /api/** and the API documents): form login with an HTTP session,
 * CSRF on every form, and the same roles as the API for the same actions. The content security policy allows
 * scripts and styles from this service only (htmx from its webjar, no inline script).
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurity {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    @Bean
    @Order(2)
    SecurityFilterChain console(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(
                        a -> a.requestMatchers("/login", "/console/**", "/webjars/**", "/favicon.ico", "/error")
                                .permitAll()
                                // the same roles as the API's endpoints behind each page
                                .requestMatchers("/dossiers/*/sheet", "/dossiers/*/sheet/**", "/dossiers/*/evaluate")
                                .hasAnyRole(COUNCIL, ADMIN)
                                .requestMatchers(HttpMethod.GET, "/rulesets", "/rulesets/**")
                                .hasAnyRole(POLICY_OFFICER, AUDITOR, ADMIN)
                                .requestMatchers("/rulesets", "/rulesets/**")
                                .hasAnyRole(POLICY_OFFICER, ADMIN)
                                .requestMatchers("/audit", "/audit/**")
                                .hasAnyRole(AUDITOR, ADMIN)
                                .anyRequest()
                                .authenticated())
                .formLogin(
                        f -> f.loginPage("/login").defaultSuccessUrl("/", false).failureUrl("/login?error"))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .exceptionHandling(e -> e.accessDeniedPage("/forbidden"))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter
                                        .ReferrerPolicy.SAME_ORIGIN)))
                // the audit log records console actions with the caller, as it does for the API
                .addFilterBefore(CurrentUser.rememberCaller(), AuthorizationFilter.class);
        return http.build();
    }
}
