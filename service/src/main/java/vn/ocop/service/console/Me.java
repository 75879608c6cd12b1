package vn.ocop.service.console;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.ocop.service.platform.security.Roles;

/** The signed-in person as the pages need it: name and what the menu offers (the same roles the security chain checks). */
public record Me(String name, Set<String> roles) {
    static Me current() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a == null || a instanceof AnonymousAuthenticationToken || !a.isAuthenticated())
            return new Me(null, Set.of());
        return new Me(
                a.getName(),
                a.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .filter(r -> r.startsWith("ROLE_"))
                        .map(r -> r.substring(5))
                        .collect(Collectors.toUnmodifiableSet()));
    }

    public boolean signedIn() {
        return name != null;
    }

    public boolean admin() {
        return roles.contains(Roles.ADMIN);
    }

    public boolean council() {
        return admin() || roles.contains(Roles.COUNCIL);
    }

    public boolean policy() {
        return admin() || roles.contains(Roles.POLICY_OFFICER);
    }

    public boolean auditor() {
        return admin() || roles.contains(Roles.AUDITOR);
    }
    /** Rule sets are readable by policy officers and auditors, as in the API. */
    public boolean rulesets() {
        return policy() || auditor();
    }

    public String roleNames() {
        return roles.stream()
                .sorted()
                .map(r -> switch (r) {
                    case Roles.COUNCIL -> "Thành viên Hội đồng";
                    case Roles.POLICY_OFFICER -> "Cán bộ chính sách";
                    case Roles.AUDITOR -> "Kiểm toán, thanh tra";
                    case Roles.ADMIN -> "Quản trị";
                    case Roles.INTEGRATION -> "Tích hợp hệ thống";
                    default -> r;
                })
                .collect(Collectors.joining(", "));
    }
}
