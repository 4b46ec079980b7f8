package io.simfleet.portal;

import io.simfleet.auth.AuthService;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The portal's own filter chain, before the API's (which stays stateless with bearer tokens):
 * everything under {@code /portal}. Form login at {@code /portal/login} with the API's users
 * ({@link PortalLoginProvider}), a session cookie (HttpOnly, SameSite=Lax, application.yml),
 * CSRF tokens on every write (forms carry a hidden field, htmx the header named in the page's
 * meta tags), logout by POST, a Content-Security-Policy allowing only the server's own files.
 *
 * <p>Deny by default: a portal path is reachable only when a rule below lists it. Pages of the
 * acting enterprise need {@code ROLE_ENTERPRISE} (a reseller or operator gets it by opening one
 * of its enterprises, {@link SupportAccessController}); operator pages ({@code /portal/operator/**})
 * need {@code ROLE_OPERATOR}. Paths match as routed: decoded and in any letter case, like the
 * API's rules (the routing parser is case-insensitive, so is {@link #PATHS}).
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurityConfig {
    /** Matches as the router does (SFT paths are routed in any letter case, so portal paths are too). */
    static final PathPatternParser PATHS = caseInsensitive();

    static final String LOGIN = "/portal/login";
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static PathPatternParser caseInsensitive() {
        PathPatternParser parser = new PathPatternParser();
        parser.setCaseSensitive(false);
        return parser;
    }

    /** Everything of the portal: its pages and its own static files. */
    static RequestMatcher portal() {
        return PathPatternRequestMatcher.withPathPatternParser(PATHS).matcher("/portal/**");
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain portalSecurity(HttpSecurity http, AuthService auth) throws Exception {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withPathPatternParser(PATHS);
        SimpleUrlAuthenticationFailureHandler refused = new SimpleUrlAuthenticationFailureHandler(LOGIN + "?error");
        http
                .securityMatcher(portal())
                .authenticationProvider(new PortalLoginProvider(auth))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(f -> f.loginPage(LOGIN).loginProcessingUrl(LOGIN)
                        .defaultSuccessUrl("/portal", true).failureHandler(refused))
                .logout(l -> l.logoutRequestMatcher(path.matcher(HttpMethod.POST, "/portal/logout"))
                        .logoutSuccessUrl(LOGIN + "?logout").deleteCookies("SIMFLEET_PORTAL"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(POLICY))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .addFilterAfter(new PortalSessionFilter(auth), SecurityContextHolderFilter.class)
                .authorizeHttpRequests(rules -> rules
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        // the portal's own CSS, scripts and the htmx / Chart.js web jars: files of the jar, read only
                        .requestMatchers(path.matcher(HttpMethod.GET, "/portal/assets/**")).permitAll()
                        .requestMatchers(path.matcher(HttpMethod.GET, LOGIN)).permitAll()
                        // the portal's start: where a user lands after login (by role)
                        .requestMatchers(path.matcher(HttpMethod.GET, "/portal")).authenticated()
                        // a reseller or operator opens one of its enterprises (the API's support access), and returns
                        .requestMatchers(path.matcher("/portal/support/**")).authenticated()
                        .requestMatchers(path.matcher("/portal/operator/**")).hasRole("OPERATOR")
                        // the acting enterprise's pages
                        .requestMatchers(path.matcher(HttpMethod.GET, "/portal/dashboard"),
                                path.matcher("/portal/endpoints"), path.matcher("/portal/endpoints/**")).hasRole("ENTERPRISE")
                        // --- portal-sims: SIMs, bulk jobs (enterprise); operator pages are under /portal/operator/** above
                        .requestMatchers(path.matcher("/portal/sims"), path.matcher("/portal/sims/**"),
                                path.matcher("/portal/bulk/**"), path.matcher("/portal/jobs"), path.matcher("/portal/jobs/**"))
                                .hasRole("ENTERPRISE")
                        // --- end portal-sims
                        // --- portal-catalog: the catalog, Statistics and Billing pages of the acting enterprise (read only, GET)
                        .requestMatchers(path.matcher(HttpMethod.GET, "/portal/apn/**"), path.matcher(HttpMethod.GET, "/portal/plans/**"),
                                path.matcher(HttpMethod.GET, "/portal/coverage/**"), path.matcher(HttpMethod.GET, "/portal/services/**"),
                                path.matcher(HttpMethod.GET, "/portal/tariff/**"), path.matcher(HttpMethod.GET, "/portal/statistics/**"),
                                path.matcher(HttpMethod.GET, "/portal/billing/**")).hasRole("ENTERPRISE")
                        // --- end portal-catalog
                        .anyRequest().denyAll());
        return http.build();
    }
}
