package io.simfleet.sftapi;

import org.springframework.boot.web.server.MimeMappings;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.ConfigurableServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API descriptions and Swagger UI (docs/openapi.md) are static files of the jar:
 * {@code static/openapi/sft.yaml} and {@code admin.yaml} at {@code /openapi/…}, the Swagger UI page
 * at {@code /swagger-ui/index.html} on the Swagger UI web jar ({@code /webjars/swagger-ui/…}). Who may
 * read them is in {@link SftSecurityConfig#apiDocs}; this only names their media type.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfig {

    /** {@code .yaml} as {@code application/yaml} (RFC 9512), which the container does not know by itself. */
    @Bean
    WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> yamlMediaType() {
        return factory -> {
            MimeMappings yaml = new MimeMappings();
            yaml.add("yaml", "application/yaml");
            factory.addMimeMappings(yaml);
        };
    }
}
