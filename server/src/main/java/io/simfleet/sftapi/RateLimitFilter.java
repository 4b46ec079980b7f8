package io.simfleet.sftapi;

import io.simfleet.auth.RateLimiter;
import io.simfleet.common.Actor;
import io.simfleet.common.RateLimitExceededException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/** Counts every authenticated request against its acting account's per-second limit; over it, 429 with Retry-After. */
final class RateLimitFilter extends OncePerRequestFilter {
    private final RateLimiter limiter;
    private final int perSecond;

    RateLimitFilter(RateLimiter limiter, int perSecond) {
        this.limiter = limiter;
        this.perSecond = perSecond;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        Optional<Actor> caller = ActorAuthentication.current();
        if (caller.isPresent()) {
            Actor actor = caller.get();
            try {
                limiter.acquire("account:" + actor.accountId(), perSecond, Duration.ofSeconds(1), "requests of account " + actor.accountId());
            } catch (RateLimitExceededException e) {
                SftResponses.write(res, SftResponses.rateLimited(e));
                return;
            }
        }
        chain.doFilter(req, res);
    }
}
