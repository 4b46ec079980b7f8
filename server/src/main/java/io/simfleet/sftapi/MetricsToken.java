package io.simfleet.sftapi;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * The scrape token of {@code /actuator/prometheus} ({@code SIMFLEET_METRICS_TOKEN}): a static
 * secret a Prometheus server sends as {@code Authorization: Bearer <token>}, since it cannot log
 * in and renew an access token. Unset, nobody is let in by it (operators still are, with their
 * token). Compared in constant time.
 */
final class MetricsToken implements AuthorizationManager<RequestAuthorizationContext> {
    static final int MIN_LENGTH = 32;
    private final byte[] digest;

    /** @param token the configured token, or null/blank when none is */
    MetricsToken(String token) {
        if (token == null || token.isBlank()) {
            digest = null;
            return;
        }
        if (token.trim().length() < MIN_LENGTH) {
            throw new IllegalStateException("SIMFLEET_METRICS_TOKEN must have at least " + MIN_LENGTH + " characters");
        }
        digest = sha256(token.trim());
    }

    boolean configured() {
        return digest != null;
    }

    boolean matches(HttpServletRequest req) {
        if (digest == null) return false;
        Optional<String> presented = BearerTokenFilter.bearer(req);
        return presented.isPresent() && MessageDigest.isEqual(digest, sha256(presented.get()));
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        return new AuthorizationDecision(matches(context.getRequest()));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
