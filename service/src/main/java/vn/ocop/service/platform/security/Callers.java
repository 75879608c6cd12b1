package vn.ocop.service.platform.security;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * The current caller with their scope, for object-level checks: local users' scope comes from
 * {@code ocop.security.users[n].scope}, a bearer token's from its {@code province}, {@code commune} and
 * {@code producer} claims.
 */
@Component
public class Callers {
    private final Map<String, SecurityProperties.User> users;

    Callers(SecurityProperties props) {
        this.users = props.users().stream()
                .collect(Collectors.toMap(SecurityProperties.User::name, Function.identity(), (a, b) -> a));
    }

    public Caller current() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a == null) return new Caller(CurrentUser.ANONYMOUS, Set.of(), null, null, null);
        Set<String> roles = new HashSet<>();
        for (GrantedAuthority g : a.getAuthorities()) {
            String r = g.getAuthority();
            if (r != null && r.startsWith("ROLE_")) roles.add(r.substring(5));
        }
        if (a instanceof JwtAuthenticationToken jwt) {
            return new Caller(
                    a.getName(),
                    roles,
                    jwt.getToken().getClaimAsString("province"),
                    jwt.getToken().getClaimAsString("commune"),
                    jwt.getToken().getClaimAsString("producer"));
        }
        SecurityProperties.Scope scope =
                users.containsKey(a.getName()) ? users.get(a.getName()).scope() : SecurityProperties.Scope.NONE;
        return new Caller(a.getName(), roles, scope.province(), scope.commune(), scope.producer());
    }
}
