package io.simfleet.portal;

import io.simfleet.auth.AuthService;
import io.simfleet.common.Actor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Each request of a signed-in session: the session ends once its user's account or the account
 * it acts in is disabled (as an API token stops working), and the actor gets a request id of its
 * own for this request (events name the request that caused them). The session keeps the actor
 * as signed in; this request's copy is not saved back.
 */
final class PortalSessionFilter extends OncePerRequestFilter {
    static final String ENDED = "simfleet.portal.ended";
    private final AuthService auth;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    PortalSessionFilter(AuthService auth) {
        this.auth = auth;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        Authentication current = contexts.getContext().getAuthentication();
        if (current instanceof PortalAuthentication signedIn) {
            Actor actor = signedIn.getPrincipal();
            SecurityContext ctx = contexts.createEmptyContext();
            if (auth.stillActive(actor)) {
                ctx.setAuthentication(new PortalAuthentication(actor.withRequestId(requestId())));
            } else {
                HttpSession session = req.getSession(false);
                if (session != null) session.invalidate();
                req.getSession(true).setAttribute(ENDED, "Your account has been disabled.");
            }
            contexts.setContext(ctx);
        }
        chain.doFilter(req, res);
    }

    /** Random numeric, like the API's response ids. */
    private static String requestId() {
        return Long.toString(ThreadLocalRandom.current().nextLong(10_000_000_000_000_000L, 99_999_999_999_999_999L));
    }
}
