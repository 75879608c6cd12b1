package vn.ocop.service.publicsite;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import vn.ocop.service.platform.web.ProblemWriter;

@Configuration(proxyBeanMethods = false)
class PublicSiteConfiguration {

    /** Before security and everything else that reads the request, after the body size limit. */
    @Bean
    FilterRegistrationBean<RateLimitFilter> publicRateLimit(
            @Value("${ocop.public.rate-limit.reads-burst:60}") int readsBurst,
            @Value("${ocop.public.rate-limit.reads-per-hour:3600}") double readsPerHour,
            @Value("${ocop.public.rate-limit.ideas-burst:5}") int ideasBurst,
            @Value("${ocop.public.rate-limit.ideas-per-hour:10}") double ideasPerHour,
            ProblemWriter problems) {
        RateLimitFilter filter = new RateLimitFilter(
                new RateLimitFilter.Bucket.Rule(readsBurst, readsPerHour),
                new RateLimitFilter.Bucket.Rule(ideasBurst, ideasPerHour),
                problems,
                System::nanoTime);
        FilterRegistrationBean<RateLimitFilter> bean = new FilterRegistrationBean<>(filter);
        bean.addUrlPatterns("/public/*");
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return bean;
    }
}
