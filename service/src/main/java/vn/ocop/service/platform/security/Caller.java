package vn.ocop.service.platform.security;

import java.util.Set;

/** Who is calling and where they act: name, roles (without the ROLE_ prefix) and scope. */
public record Caller(String name, Set<String> roles, String province, String commune, String producer) {
    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean hasAny(String... wanted) {
        for (String r : wanted) {
            if (roles.contains(r)) return true;
        }
        return false;
    }
}
