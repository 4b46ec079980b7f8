package io.simfleet.sftapi;

import io.simfleet.auth.AuthService;
import io.simfleet.common.AccountType;
import io.simfleet.common.Actor;
import io.simfleet.common.ResultCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request its response id, and every call but login and refresh its actor from
 * {@code X-Authorization: Bearer <AccessToken>}. A missing, forged or expired token answers
 * HTTP 401 with the envelope (resultParam.resultCode "401"), which both kinds of SFT client
 * understand. Operator endpoints ({@code /admin/**}) need an operator account's token.
 * Bodies over {@link #MAX_BODY_BYTES} answer 413 before they are read.
 */
class SftAuthFilter extends OncePerRequestFilter {
    static final long MAX_BODY_BYTES = 2 * 1024 * 1024;
    private static final Set<String> OPEN = Set.of("/api/login", "/api/refreshtoken", "/actuator/health");

    private final AuthService auth;

    SftAuthFilter(AuthService auth) {
        this.auth = auth;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        String responseId = Sft.newResponseId();
        req.setAttribute(RequestContext.RESPONSE_ID, responseId);
        String path = req.getRequestURI().substring(req.getContextPath().length()).toLowerCase(Locale.ROOT);
        if (req.getContentLengthLong() > MAX_BODY_BYTES) {
            write(res, HttpStatus.CONTENT_TOO_LARGE, ResultCode.WRONG_INPUT_PARAMETER.code(),
                    ResultCode.WRONG_INPUT_PARAMETER.describe("Request (body larger than " + MAX_BODY_BYTES + " bytes)"));
            return;
        }
        if (OPEN.contains(path) || !(path.startsWith("/api/") || path.startsWith("/admin/"))) {
            chain.doFilter(req, res);
            return;
        }
        Optional<Actor> actor = bearer(req).flatMap(auth::authenticate);
        if (actor.isEmpty()) {
            write(res, HttpStatus.UNAUTHORIZED, 401, "Unauthorized - missing, invalid or expired access token");
            return;
        }
        if (path.startsWith("/admin/") && actor.get().accountType() != AccountType.OPERATOR) {
            write(res, HttpStatus.FORBIDDEN, ResultCode.INSUFFICIENT_PRIVILEGE.code(), ResultCode.INSUFFICIENT_PRIVILEGE.describe(null));
            return;
        }
        req.setAttribute(RequestContext.ACTOR, actor.get().withRequestId(responseId));
        chain.doFilter(req, res);
    }

    static Optional<String> bearer(HttpServletRequest req) {
        String h = req.getHeader("X-Authorization");
        if (h == null) h = req.getHeader("Authorization");
        if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) return Optional.empty();
        return Optional.of(h.substring(7).trim());
    }

    private static void write(HttpServletResponse res, HttpStatus status, int code, String description) throws IOException {
        ResponseEntity<Map<String, Object>> body = Sft.failure(status, code, description);
        res.setStatus(status.value());
        res.setContentType(MediaType.APPLICATION_JSON_VALUE);
        res.getOutputStream().write(Params.JSON.writeValueAsBytes(body.getBody()));
    }
}
