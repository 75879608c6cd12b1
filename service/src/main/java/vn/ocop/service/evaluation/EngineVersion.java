package vn.ocop.service.evaluation;

import java.io.InputStream;
import java.util.Properties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.ocop.rules.api.RulePlatform;

/**
 * The version of the rules engine (the ocop-rules jar) that scores: from the jar's Maven descriptor, else its manifest,
 * else {@code ocop.engine.version} (the build's project version, which the rules module shares).
 */
@Component
public class EngineVersion {
    private final String version;

    EngineVersion(@Value("${ocop.engine.version:unknown}") String configured) {
        this.version = detect(configured);
    }

    public String get() {
        return version;
    }

    private static String detect(String configured) {
        try (InputStream in =
                RulePlatform.class.getResourceAsStream("/META-INF/maven/vn.ocop/ocop-rules/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null && !v.isBlank()) return "ocop-rules " + v;
            }
        } catch (Exception ignored) {
            // fall through
        }
        String manifest = RulePlatform.class.getPackage().getImplementationVersion();
        if (manifest != null && !manifest.isBlank()) return "ocop-rules " + manifest;
        return "ocop-rules " + configured;
    }
}
