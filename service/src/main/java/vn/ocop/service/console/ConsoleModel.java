package vn.ocop.service.console;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every console page's layout needs: who is signed in and where htmx is served from (its webjar). */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
class ConsoleModel {
    private final String htmx;

    ConsoleModel(@Value("${ocop.console.htmx-version}") String htmxVersion) {
        this.htmx = "/webjars/htmx.org/" + htmxVersion + "/dist/htmx.min.js";
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
