package io.simfleet.sftapi;

import io.simfleet.auth.AuthService;
import io.simfleet.auth.AuthService.TokenPair;
import io.simfleet.common.Actor;
import io.simfleet.common.DomainException;
import io.simfleet.common.ResultCode;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Login and token refresh. Success answers {@code {"AccessToken","RefreshToken"}} without the envelope, as SFT does. */
@RestController
class AuthController {
    private final AuthService auth;

    AuthController(AuthService auth) {
        this.auth = auth;
    }

    @PostMapping("/api/login")
    ResponseEntity<?> login(@RequestBody(required = false) String body, HttpServletRequest request) {
        Params p = Params.of(Params.parse(body));
        String username = p.requiredText("username");
        JsonPassword password = new JsonPassword(p.raw("password"));
        Long target = p.longValue("targetAccountId");
        return ResponseEntity.ok(tokens(auth.login(username, password.value(), target, request.getRemoteAddr())));
    }

    @GetMapping("/api/RefreshToken")
    ResponseEntity<?> refresh(HttpServletRequest request) {
        String token = BearerTokenFilter.bearer(request)
                .orElseThrow(() -> new DomainException(ResultCode.UNAUTHORIZED, "missing refresh token"));
        return ResponseEntity.ok(tokens(auth.refresh(token)));
    }

    /**
     * Our addition: answers 10910 when the access token is valid (401 otherwise), touching no
     * database beyond the rate-limit counter when limits are on (the account's enabled flag is
     * cached). Clients use it to check a token; the benchmark uses it as its ceiling.
     */
    @GetMapping("/api/Ping")
    ResponseEntity<Map<String, Object>> ping(Actor actor) {
        return Sft.success(ResultCode.PING_SUCCESS, Sft.obj("accountId", actor.accountId(), "username", actor.username()));
    }

    private static Map<String, Object> tokens(TokenPair pair) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("AccessToken", pair.accessToken());
        m.put("RefreshToken", pair.refreshToken());
        return m;
    }

    /** The password exactly as sent (never trimmed, never logged). */
    private record JsonPassword(tools.jackson.databind.JsonNode node) {
        String value() {
            if (node == null || !node.isString() || node.stringValue().isEmpty()) throw DomainException.missing("password");
            return node.stringValue();
        }
    }
}
