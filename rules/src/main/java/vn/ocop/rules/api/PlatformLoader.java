package vn.ocop.rules.api;

import java.util.ServiceLoader;

/** Finds the one {@link RulePlatform} implementation on the class path, once. */
final class PlatformLoader {
    static final RulePlatform INSTANCE = ServiceLoader.load(RulePlatform.class, RulePlatform.class.getClassLoader())
            .findFirst()
            .orElseThrow(() -> new IllegalStateException(
                    "no vn.ocop.rules.api.RulePlatform on the class path (ocop-rules jar missing?)"));

    private PlatformLoader() {}
}
