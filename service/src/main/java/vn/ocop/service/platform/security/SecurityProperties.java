package vn.ocop.service.platform.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * ocop.security: local users (HTTP Basic, bcrypt hashes) and, when an issuer or JWK set is set, JWT bearer tokens
 * whose roles come from {@code jwt.roles-claim}.
 */
@ConfigurationProperties("ocop.security")
public record SecurityProperties(List<User> users, Jwt jwt) {
    public SecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
        jwt = jwt == null ? new Jwt(null, null, null) : jwt;
    }

    public record User(String name, String passwordHash, List<String> roles) {
        public User {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }

    public record Jwt(String issuerUri, String jwkSetUri, String rolesClaim) {
        public Jwt {
            rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
        }

        boolean enabled() {
            return (issuerUri != null && !issuerUri.isBlank()) || (jwkSetUri != null && !jwkSetUri.isBlank());
        }
    }
}
