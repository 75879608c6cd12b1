package vn.ocop.service.publicsite;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/** Renders the public pages (Thymeleaf templates under templates/public/) from the API models; nothing else. */
@Component
class PublicPages {
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private final ITemplateEngine templates;

    PublicPages(ITemplateEngine templates) {
        this.templates = templates;
    }

    String render(String template, Map<String, Object> model) {
        Context context = new Context(Locale.forLanguageTag("vi-VN"));
        context.setVariables(model);
        context.setVariable("dateFormat", DATE);
        return templates.process("public/" + template, context);
    }
}
