package io.simfleet.sftapi;

import io.simfleet.auth.AuthService;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.PathMatchConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.pattern.PathPatternParser;

@Configuration(proxyBeanMethods = false)
class SftWebConfig implements WebMvcConfigurer {

    SftWebConfig(Clock clock) {
        RequestContext.useClock(clock);
    }

    /** SFT operation names are matched as documented and in any other letter case (/api/createEndpoint = /api/CreateEndPoint). */
    @Override
    public void configurePathMatch(PathMatchConfigurer configurer) {
        PathPatternParser parser = new PathPatternParser();
        parser.setCaseSensitive(false);
        configurer.setPatternParser(parser);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ActorResolver());
    }

    @Bean
    FilterRegistrationBean<SftAuthFilter> sftAuthFilter(AuthService auth) {
        FilterRegistrationBean<SftAuthFilter> reg = new FilterRegistrationBean<>(new SftAuthFilter(auth));
        reg.addUrlPatterns("/*");
        reg.setOrder(1);
        return reg;
    }
}
