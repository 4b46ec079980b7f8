package io.simfleet.sftapi;

import io.simfleet.account.AccountService;
import io.simfleet.auth.AuthService;
import io.simfleet.auth.RateLimiter;
import io.simfleet.config.SimfleetProperties;
import io.simfleet.common.ResultCode;
import io.simfleet.idempotency.IdempotencyStore;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.LinkedHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.RequestMatcherDelegatingAccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Who may call what, deny by default. Rules match the path as routed — decoded, normalised and
 * in any letter case, with the very {@link #PATHS} parser the controllers are mapped with — so
 * {@code /%61dmin}, {@code /ADMIN} and {@code /Admin/} reach the operator rule exactly when they
 * reach the operator API. Paths that are not normalised ({@code //}, {@code /./}, {@code ..}),
 * that carry {@code ;parameters} or encoded {@code / . %} are refused by Spring Security's
 * {@code StrictHttpFirewall} before any rule or route (400 in the envelope).
 *
 * <p>Public: login and refresh (the refresh token is its own credential), the health probes, the
 * root page, and the API descriptions with Swagger UI (read only). Prometheus metrics: an operator
 * or the scrape token. The operator
 * API needs an operator's token. The SFT calls need an Enterprise token (a reseller or operator
 * acts inside an enterprise through support access), except the three the reference opens to
 * every account type. Everything else — including paths no controller maps — is refused.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SftSecurityConfig {
    private static final Logger log = LoggerFactory.getLogger(SftSecurityConfig.class);

    /** One parser for routing and for security rules: SFT names are matched in any letter case (/api/createEndpoint = /api/CreateEndPoint). */
    static final PathPatternParser PATHS = caseInsensitiveParser();

    private static PathPatternParser caseInsensitiveParser() {
        PathPatternParser parser = new PathPatternParser();
        parser.setCaseSensitive(false);
        return parser;
    }

    @Bean
    SecurityFilterChain security(HttpSecurity http, AuthService auth, AccountService accounts, RateLimiter limiter,
                                 SimfleetProperties props, IdempotencyStore idempotency,
                                 @Value("${simfleet.metrics.token:}") String metricsToken) throws Exception {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withPathPatternParser(PATHS);
        RequestMatcher api = path.matcher("/api/**");
        RequestMatcher admin = path.matcher("/admin/**");
        RequestMatcher login = new OrRequestMatcher(path.matcher("/api/login"), path.matcher("/api/RefreshToken"));
        http
                // bearer tokens in a header, no cookies and no sessions: nothing for CSRF to ride on
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .addFilterBefore(new BearerTokenFilter(auth, accounts), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(rules -> rules
                        // the container's own error dispatch of a request already refused or failed
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(login).permitAll()
                        // health for load balancers and orchestrators (liveness, readiness): UP or DOWN, no details
                        .requestMatchers(path.matcher(HttpMethod.GET, "/actuator/health"), path.matcher(HttpMethod.GET, "/actuator/health/{group}")).permitAll()
                        // Prometheus metrics: an operator's token, or the scrape token SIMFLEET_METRICS_TOKEN (docs/operations.md)
                        .requestMatchers(path.matcher(HttpMethod.GET, "/actuator/prometheus"))
                                .access(AuthorizationManagers.anyOf(new MetricsToken(metricsToken), AuthorityAuthorizationManager.hasRole("OPERATOR")))
                        // the root page (links to the API description, health and docs): static, read-only
                        .requestMatchers(path.matcher(HttpMethod.GET, "/")).permitAll()
                        // the API descriptions and Swagger UI: files of the jar, read only (docs/openapi.md)
                        .requestMatchers(apiDocs(path)).permitAll()
                        .requestMatchers(admin).hasRole("OPERATOR")
                        .requestMatchers(path.matcher("/api/Ping"), path.matcher("/api/GetCustomerProfile"),
                                path.matcher("/api/GetSIMProduct")).authenticated()
                        .requestMatchers(api).hasRole("ENTERPRISE")
                        .anyRequest().denyAll())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> {
                            Object why = req.getAttribute(BearerTokenFilter.FAILURE);
                            SftResponses.write(res, HttpStatus.UNAUTHORIZED, ResultCode.UNAUTHORIZED.code(),
                                    why != null ? why.toString() : ResultCode.UNAUTHORIZED.describe("missing access token"));
                        })
                        .accessDeniedHandler(accessDenied(api)));
        if (props.rateLimitsEnabled()) {
            // after the rules: only requests a caller may make count against its account
            http.addFilterAfter(new RateLimitFilter(limiter, props.rateLimit().accountPerSecond()), AuthorizationFilter.class);
        }
        // after the rate limit: a refused request neither uses up nor replays a key
        http.addFilterAfter(new IdempotencyFilter(idempotency, admin, new OrRequestMatcher(login, streamedUploads())),
                props.rateLimitsEnabled() ? RateLimitFilter.class : AuthorizationFilter.class);
        return http.build();
    }

    /**
     * The OpenAPI descriptions, the Swagger UI page and the files of the Swagger UI web jar it
     * loads, by GET only; not the web jar's own index page (it points at an online example).
     */
    static RequestMatcher apiDocs(PathPatternRequestMatcher.Builder path) {
        return new OrRequestMatcher(path.matcher(HttpMethod.GET, "/openapi/{file}"), path.matcher(HttpMethod.GET, "/swagger-ui/{file}"),
                path.matcher(HttpMethod.GET, "/webjars/swagger-ui/swagger-ui.css"), path.matcher(HttpMethod.GET, "/webjars/swagger-ui/index.css"),
                path.matcher(HttpMethod.GET, "/webjars/swagger-ui/swagger-ui-bundle.js"),
                path.matcher(HttpMethod.GET, "/webjars/swagger-ui/swagger-ui-standalone-preset.js"),
                path.matcher(HttpMethod.GET, "/webjars/swagger-ui/favicon-32x32.png"), path.matcher(HttpMethod.GET, "/webjars/swagger-ui/favicon-16x16.png"));
    }

    /** 10002 as the reference shows it on the SFT calls (HTTP 200); HTTP 403 on everything else. */
    private static AccessDeniedHandler accessDenied(RequestMatcher api) {
        LinkedHashMap<RequestMatcher, AccessDeniedHandler> byPath = new LinkedHashMap<>();
        byPath.put(api, insufficientPrivilege(HttpStatus.OK));
        return new RequestMatcherDelegatingAccessDeniedHandler(byPath, insufficientPrivilege(HttpStatus.FORBIDDEN));
    }

    private static AccessDeniedHandler insufficientPrivilege(HttpStatus status) {
        return (req, res, ex) -> SftResponses.write(res, status, ResultCode.INSUFFICIENT_PRIVILEGE.code(),
                ResultCode.INSUFFICIENT_PRIVILEGE.describe(null));
    }

    /**
     * No observations of Spring Security's own (its filter chain, authentication, authorization):
     * with them on, every filter of every request is wrapped in an observation of its own, which
     * JFR put at a sixth of the CPU of a small API call (GetStatistics) — for timers nobody reads.
     * Every request is still observed once, as {@code http.server.requests} (Spring MVC's filter,
     * with our tags: {@code RequestObservationConvention}). Both filter chains (API and portal) share it.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Spring Security's own {@code StrictHttpFirewall}, with its rules, and the check of header
     * names and values (every character assigned, none a control character) done by
     * {@link #printable} instead of the default regular expression: the same rule, without running
     * a regex of Unicode classes over the bearer token of every request (JFR put a fifth of the
     * sampled Java time of a {@code Ping} in it; the measured ceiling moved by about 5 %).
     */
    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(s -> printable(s, false));
        firewall.setAllowedHeaderValues(s -> printable(s, true));
        return firewall;
    }

    /**
     * The default firewall's rules: for names {@code [\p{IsAssigned}&&[^\p{IsControl}]]*} (no
     * unassigned code point, no control character), for values the same with the horizontal tab
     * allowed ({@code tab}).
     */
    static boolean printable(String s, boolean tab) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (cp < 0x80) {
                if ((cp < 0x20 && !(tab && cp == '\t')) || cp == 0x7f) return false;
            } else {
                int type = Character.getType(cp);
                if (type == Character.UNASSIGNED || type == Character.CONTROL) return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    /** What the firewall refuses (encoded slashes, ;parameters, non-normalised paths …) answers the envelope. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (req, res, ex) -> {
            log.debug("Request refused by the firewall: {}", ex.getMessage());
            String why = String.valueOf(ex.getMessage());
            if (why.contains("HTTP method")) {
                SftResponses.write(res, SftResponses.forStatus(HttpStatus.METHOD_NOT_ALLOWED.value()));
                return;
            }
            String field = why.contains("parameter") ? "query parameter"
                    : why.contains("header") ? "header"
                    : "path (not a normalised path of an operation)";
            SftResponses.write(res, HttpStatus.BAD_REQUEST, ResultCode.WRONG_INPUT_PARAMETER.code(),
                    ResultCode.WRONG_INPUT_PARAMETER.describe(field));
        };
    }

    /** The uploads read as a stream, of any size (usage records): no body limit, no Idempotency-Key (they are idempotent by record id). */
    static RequestMatcher streamedUploads() {
        return PathPatternRequestMatcher.withPathPatternParser(PATHS).matcher(HttpMethod.POST, "/admin/usage");
    }

    /** Runs before Spring Security, just after the access log ({@link RequestLogConfig}): body limit, query-string encoding, refused methods. */
    @Bean
    FilterRegistrationBean<RequestHygieneFilter> requestHygieneFilter(Clock clock, SimfleetProperties props) {
        FilterRegistrationBean<RequestHygieneFilter> reg = new FilterRegistrationBean<>(
                new RequestHygieneFilter(clock, props.zone(), streamedUploads()));
        reg.addUrlPatterns("/*");
        reg.setOrder(RequestLogConfig.ACCESS_LOG_ORDER + 1);
        reg.setDispatcherTypes(DispatcherType.REQUEST);
        return reg;
    }
}
