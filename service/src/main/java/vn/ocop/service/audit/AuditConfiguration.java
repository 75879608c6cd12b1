package vn.ocop.service.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashSet;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    /** Outside security (so refused calls are recorded too) and outside the body-size limit (so 413s are). */
    @Bean
    FilterRegistrationBean<AuditLogFilter> auditLogFilter(
            AuditLog auditLog,
            @Value("${ocop.audit.log.exclude:POST /api/v1/evaluate}") List<String> exclude,
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<HandlerMapping> routes,
            io.micrometer.core.instrument.MeterRegistry meters) {
        FilterRegistrationBean<AuditLogFilter> bean = new FilterRegistrationBean<>(new AuditLogFilter(
                auditLog,
                new HashSet<>(exclude.stream().map(String::strip).toList()),
                new LazyRoutes(routes),
                new AnonymousCalls(meters)));
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return bean;
    }

    /** The MVC handler mapping, looked up on first use (it is created after the filters). */
    private record LazyRoutes(ObjectProvider<HandlerMapping> routes) implements HandlerMapping {
        @Override
        public HandlerExecutionChain getHandler(HttpServletRequest request) throws Exception {
            HandlerMapping m = routes.getIfAvailable();
            return m == null ? null : m.getHandler(request);
        }
    }
}
