package vn.ocop.service.console;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every console page's layout needs: who is signed in and where htmx is served from (its webjar, in the jar). */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
class ConsoleModel {
    static final String HTMX_POM = "META-INF/maven/org.webjars.npm/htmx.org/pom.properties";
    private final String htmx = "/webjars/htmx.org/" + htmxVersion() + "/dist/htmx.min.js";

    /** The version of the htmx webjar on the classpath, read from its own Maven metadata. */
    static String htmxVersion() {
        try (InputStream in = ConsoleModel.class.getClassLoader().getResourceAsStream(HTMX_POM)) {
            if (in == null)
                throw new IllegalStateException("the htmx webjar is missing from the classpath (" + HTMX_POM + ")");
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + HTMX_POM, e);
        }
    }

    @ModelAttribute("me")
    Me me() {
        return Me.current();
    }

    @ModelAttribute("htmxPath")
    String htmxPath() {
        return htmx;
    }
}
