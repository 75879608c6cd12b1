package vn.ocop.service.publicsite;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import vn.ocop.service.platform.web.ProblemWriter;
import vn.ocop.service.platform.web.RateLimitFilter;

@Configuration(proxyBeanMethods = false)
class PublicSiteConfiguration {
    private static final int MAX_CLIENTS = 50_000;

    /**
     * The public site's own, tighter limits on /public (docs/certificates.md, Rate limits): reads (verification, QR,
     * catalogue), and idea submissions in a much smaller bucket of their own. Before security and everything else
     * that reads the request, after the body size limit.
     */
    @Bean
    FilterRegistrationBean<RateLimitFilter> publicRateLimit(
            @Value("${ocop.public.rate-limit.reads-burst:60}") int readsBurst,
            @Value("${ocop.public.rate-limit.reads-per-hour:3600}") double readsPerHour,
            @Value("${ocop.public.rate-limit.ideas-burst:5}") int ideasBurst,
            @Value("${ocop.public.rate-limit.ideas-per-hour:10}") double ideasPerHour,
            ProblemWriter problems,
            MeterRegistry meters) {
        RateLimitFilter.Limit reads = new RateLimitFilter.Limit("public-reads", readsBurst, readsPerHour / 3600);
        RateLimitFilter.Limit ideas = new RateLimitFilter.Limit("public-ideas", ideasBurst, ideasPerHour / 3600);
        RateLimitFilter filter = new RateLimitFilter(
                request -> "POST".equals(request.getMethod())
                                && request.getRequestURI().startsWith("/public/ideas")
                        ? ideas
                        : reads,
                MAX_CLIENTS,
                problems,
                meters,
                System::nanoTime);
        FilterRegistrationBean<RateLimitFilter> bean = new FilterRegistrationBean<>(filter);
        // a name of its own: by default both instances would be "rateLimitFilter", and the second not registered
        bean.setName("publicRateLimitFilter");
        bean.addUrlPatterns("/public/*");
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return bean;
    }
}
