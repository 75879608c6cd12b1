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

    /** A local user; {@code scope} says which objects their roles reach (province, commune, producer id). */
    public record User(String name, String passwordHash, List<String> roles, Scope scope) {
        public User {
            roles = roles == null ? List.of() : List.copyOf(roles);
            scope = scope == null ? Scope.NONE : scope;
        }
    }

    /**
     * Where a user acts: a province code (provincial OCOP office, advisory team), a commune code (commune officer),
     * a producer id (chủ thể OCOP: the producer's tax or registration number). Council membership is not here: the
     * council lists its members.
     */
    public record Scope(String province, String commune, String producer) {
        public static final Scope NONE = new Scope(null, null, null);
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
