package vn.ocop.service.publicsite;

import jakarta.servlet.ServletContext;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Renders the public pages (Thymeleaf templates under templates/public/, in the console's layout and stylesheet) from
 * the API models; nothing else. The locale is the request's (Vietnamese unless {@code ?lang=en} chose English).
 */
@Component
class PublicPages {
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private final ITemplateEngine templates;
    private final JakartaServletWebApplication web;

    PublicPages(ITemplateEngine templates, ServletContext servletContext) {
        this.templates = templates;
        this.web = JakartaServletWebApplication.buildApplication(servletContext);
    }

    String render(String template, Map<String, Object> model) {
        ServletRequestAttributes request = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
        // a web context: the layout's links (@{…}) need one; no one is signed in on the public site
        WebContext context = new WebContext(
                web.buildExchange(request.getRequest(), request.getResponse()), LocaleContextHolder.getLocale());
        context.setVariables(model);
        context.setVariable("dateFormat", DATE);
        return templates.process("public/" + template, context);
    }
}
