package io.simfleet.sftapi;

import io.simfleet.account.AccountService;
import io.simfleet.auth.AuthService;
import io.simfleet.common.Actor;
import io.simfleet.common.DomainException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.MDC;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code X-Authorization: Bearer <AccessToken>} (or {@code Authorization}) inside
 * the Spring Security chain. A missing or unusable token leaves the caller anonymous, and the
 * authorization rules decide: a public call (login, refresh) still works with a stale token in
 * the header, a protected one answers 401 naming why the token was refused.
 */
final class BearerTokenFilter extends OncePerRequestFilter {
    static final String FAILURE = "simfleet.authFailure";
    private final AuthService auth;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    private final AccountService accounts;

    BearerTokenFilter(AuthService auth, AccountService accounts) {
        this.auth = auth;
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> token = bearer(req);
        if (token.isPresent()) {
            try {
                Actor actor = auth.authenticate(token.get()).withRequestId(RequestContext.responseId(req));
                SecurityContext ctx = contexts.createEmptyContext();
                ctx.setAuthentication(new ActorAuthentication(actor));
                contexts.setContext(ctx);
                // the access log's and every later log line's account: the one the call acts in
                req.setAttribute(RequestContext.ACCOUNT, actor.accountId());
                MDC.put(AccessLogFilter.MDC_ACCOUNT, Long.toString(actor.accountId()));
                accounts.timeZone(actor.accountId()).ifPresent(z -> req.setAttribute(RequestContext.ZONE, z));
            } catch (DomainException e) {
                req.setAttribute(FAILURE, e.getMessage());
            }
        }
        chain.doFilter(req, res);
    }

    static Optional<String> bearer(HttpServletRequest req) {
        String h = req.getHeader("X-Authorization");
        if (h == null) h = req.getHeader("Authorization");
        if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) return Optional.empty();
        return Optional.of(h.substring(7).trim());
    }
}
