package io.simfleet.portal;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * The portal's static files, all from the jar (nothing is loaded from the internet):
 * {@code /portal/assets/**} our CSS and script ({@code classpath:/portal/assets/}), and
 * {@code /portal/assets/webjars/**} the htmx and Chart.js web jars without their version in the
 * path. Both public (PortalSecurityConfig), read only, cached by browsers for an hour.
 */
@Configuration(proxyBeanMethods = false)
class PortalWebConfig implements WebMvcConfigurer {
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/portal/assets/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCachePeriod(3600)
                .resourceChain(true).addResolver(new LiteWebJarsResourceResolver());
        registry.addResourceHandler("/portal/assets/**")
                .addResourceLocations("classpath:/portal/assets/")
                .setCachePeriod(3600);
    }
}
