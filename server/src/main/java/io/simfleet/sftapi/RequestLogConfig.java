package io.simfleet.sftapi;

import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.server.observation.ServerRequestObservationConvention;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * What is recorded of every request: its access-log line ({@link AccessLogFilter}) and its
 * metrics ({@code http.server.requests}, tagged by {@link RequestObservationConvention}). The
 * filters in front of Spring Security run in this order: the metrics' observation (Spring Boot's,
 * {@code HIGHEST_PRECEDENCE + 1}), the access log, the hygiene filter.
 */
@Configuration(proxyBeanMethods = false)
class RequestLogConfig {
    static final int ACCESS_LOG_ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

    @Bean
    Calls calls(ObjectProvider<RequestMappingInfoHandlerMapping> mappings) {
        return new Calls(mappings);
    }

    @Bean
    FilterRegistrationBean<AccessLogFilter> accessLogFilter(Calls calls) {
        FilterRegistrationBean<AccessLogFilter> reg = new FilterRegistrationBean<>(new AccessLogFilter(calls));
        reg.addUrlPatterns("/*");
        reg.setOrder(ACCESS_LOG_ORDER);
        reg.setDispatcherTypes(DispatcherType.REQUEST);
        return reg;
    }

    /** Picked up by Spring Boot's observation filter in place of its default convention. */
    @Bean
    ServerRequestObservationConvention requestObservationConvention() {
        return new RequestObservationConvention();
    }
}
