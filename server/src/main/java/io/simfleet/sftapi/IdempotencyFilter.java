package io.simfleet.sftapi;

import io.simfleet.common.Actor;
import io.simfleet.common.BodyTooLargeException;
import io.simfleet.common.ResultCode;
import io.simfleet.idempotency.IdempotencyStore;
import io.simfleet.idempotency.IdempotencyStore.Claim;
import io.simfleet.idempotency.IdempotencyStore.Execute;
import io.simfleet.idempotency.IdempotencyStore.Mismatch;
import io.simfleet.idempotency.IdempotencyStore.Replay;
import io.simfleet.idempotency.StoredAnswer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.JsonNode;

/**
 * {@code Idempotency-Key} on every write call (POST, PUT, PATCH, DELETE) of the SFT API and the
 * operator API, for an authenticated caller, in one place (docs/idempotency.md). Runs after the
 * security rules and the rate limit, so only requests the caller may make reach it. The key
 * belongs to the account the caller acts in; the request's fingerprint is its method, its path
 * as routed (case-insensitive, like the routes), its query and its body (JSON re-serialised, so
 * formatting does not matter).
 *
 * <p>The first request with a key does the work; its answer is kept when it is final (2xx —
 * SFT's business refusals included — and the other 4xx) and replayed byte for byte to a retry
 * with {@code Idempotent-Replayed: true}. An answer a retry may change (401, 403, 408, 409, 413,
 * 429, 5xx, a concurrent writer won) is not kept: the key is freed. Without the header nothing
 * changes.
 */
final class IdempotencyFilter extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    /** Set by an exception handler on an answer a retry may change, e.g. 10239 when a concurrent writer won: not kept. */
    static final String NOT_FINAL = "simfleet.idempotency.notFinal";
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String MISMATCH = "Idempotency-Key (already used for another request)";
    private static final String BUSY = "Idempotency-Key (a request with this key is still in progress, retry later)";

    private final IdempotencyStore store;
    private final RequestMatcher operatorApi;
    private final RequestMatcher notWrites;

    /**
     * @param operatorApi the operator API's paths, answered in its own JSON rather than the envelope
     * @param notWrites   paths that are no writes to protect (login, refresh)
     */
    IdempotencyFilter(IdempotencyStore store, RequestMatcher operatorApi, RequestMatcher notWrites) {
        this.store = store;
        this.operatorApi = operatorApi;
        this.notWrites = notWrites;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        String key = req.getHeader(HEADER);
        Optional<Actor> caller = ActorAuthentication.current();
        if (key == null || key.isBlank() || !WRITES.contains(req.getMethod()) || caller.isEmpty() || notWrites.matches(req)) {
            chain.doFilter(req, res);
            return;
        }
        Actor actor = caller.get();
        boolean operator = operatorApi.matches(req);
        key = key.trim();
        if (!IdempotencyStore.validKey(key)) {
            refuse(res, operator, operator ? HttpStatus.BAD_REQUEST : HttpStatus.OK, ResultCode.WRONG_INPUT_PARAMETER.describe(HEADER));
            return;
        }
        byte[] body;
        try {
            body = req.getInputStream().readAllBytes();
        } catch (BodyTooLargeException e) {
            // answered 413 by the call's own error handling, as without a key
            chain.doFilter(new CachedBodyRequest(req, null, e), res);
            return;
        }
        long account = actor.accountId();
        Claim claim = store.claim(account, key, fingerprint(req, body));
        if (claim instanceof Execute e) {
            execute(new CachedBodyRequest(req, body, null), res, chain, account, key, e.owner());
        } else if (claim instanceof Replay r) {
            replay(req, res, r.answer());
        } else if (claim instanceof Mismatch) {
            refuse(res, operator, operator ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK, ResultCode.WRONG_INPUT_PARAMETER.describe(MISMATCH));
        } else {
            res.setHeader(HttpHeaders.RETRY_AFTER, "1");
            refuse(res, operator, HttpStatus.CONFLICT, ResultCode.WRONG_INPUT_PARAMETER.describe(BUSY));
        }
    }

    private void execute(HttpServletRequest req, HttpServletResponse res, FilterChain chain, long account, String key, String owner)
            throws ServletException, IOException {
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(res);
        try {
            chain.doFilter(req, answer);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            forget(account, key, owner);
            throw e;
        }
        // committed already: the container answers (sendError), there is no body of ours to keep
        if (!res.isCommitted() && isFinal(answer.getStatus()) && req.getAttribute(NOT_FINAL) == null) {
            try {
                store.complete(account, key, owner, new StoredAnswer(answer.getStatus(), answer.getContentType(), answer.getContentAsByteArray()));
            } catch (RuntimeException e) {
                // the work is done and answered; the key stays reserved until it counts as abandoned
                log.error("Answer of an idempotent request not stored", e);
            }
        } else {
            forget(account, key, owner);
        }
        answer.copyBodyToResponse();
    }

    private void forget(long account, String key, String owner) {
        try {
            store.release(account, key, owner);
        } catch (RuntimeException e) {
            log.error("Idempotency key not released; it is freed once it counts as abandoned", e);
        }
    }

    /** Answers a retry may not change: not 401/403 (credentials), 408, 409 (a concurrent writer), 413, 429 (rate) or 5xx. */
    static boolean isFinal(int status) {
        if (status < 200 || status >= 500) return false;
        return switch (status) {
            case 401, 403, 408, 409, 413, 429 -> false;
            default -> true;
        };
    }

    private static void replay(HttpServletRequest req, HttpServletResponse res, StoredAnswer answer) throws IOException {
        RequestContext.resultCode(req, storedResultCode(answer.body()));
        res.setStatus(answer.status());
        if (answer.contentType() != null) res.setContentType(answer.contentType());
        res.setHeader(REPLAYED, "true");
        res.getOutputStream().write(answer.body());
        res.flushBuffer();
    }

    /** The detailed code of a stored answer (the envelope's, or the operator API's own), for the access log and the metrics. */
    private static String storedResultCode(byte[] body) {
        try {
            JsonNode json = Params.JSON.readTree(body);
            JsonNode code = json.has("Response") ? json.path("Response").path("resultParam").path("resultCode") : json.path("resultCode");
            return code.isString() ? code.asString() : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    /** The envelope on the SFT API; the operator API's own {@code {"resultCode","resultDescription"}}. */
    private static void refuse(HttpServletResponse res, boolean operator, HttpStatus status, String description) throws IOException {
        int code = ResultCode.WRONG_INPUT_PARAMETER.code();
        if (!operator) {
            SftResponses.write(res, status, code, description);
            return;
        }
        RequestContext.resultCode(code);
        Map<String, String> body = new LinkedHashMap<>();
        body.put("resultCode", Integer.toString(code));
        body.put("resultDescription", description);
        res.setStatus(status.value());
        res.setContentType(MediaType.APPLICATION_JSON_VALUE);
        res.getOutputStream().write(Params.JSON.writeValueAsBytes(body));
        res.flushBuffer();
    }

    /** SHA-256 of method, path as routed (lower case, no trailing slash), query and body (JSON re-serialised when it is JSON). */
    static String fingerprint(HttpServletRequest req, byte[] body) {
        String path = Objects.toString(req.getServletPath(), "") + Objects.toString(req.getPathInfo(), "");
        path = path.toLowerCase(Locale.ROOT);
        if (path.length() > 1 && path.endsWith("/")) path = path.substring(0, path.length() - 1);
        String head = req.getMethod() + " " + path + "?" + Objects.toString(req.getQueryString(), "") + "\n";
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(head.getBytes(StandardCharsets.UTF_8));
            sha.update(canonical(body));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] canonical(byte[] body) {
        if (body.length == 0) return body;
        try {
            return Params.JSON.writeValueAsBytes(Params.JSON.readTree(body));
        } catch (RuntimeException notJson) {
            return body; // CSV, or not readable: the bytes as sent
        }
    }

    /** The request with its body read once, up front: served again from memory (or the read's failure raised again). */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;
        private final IOException failure;
        private ServletInputStream stream;

        CachedBodyRequest(HttpServletRequest request, byte[] body, IOException failure) {
            super(request);
            this.body = body;
            this.failure = failure;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (failure != null) throw failure;
            if (stream == null) stream = new BytesInputStream(body);
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            return RequestHygieneFilter.reader(this);
        }
    }

    private static final class BytesInputStream extends ServletInputStream {
        private final ByteArrayInputStream in;

        BytesInputStream(byte[] body) {
            this.in = new ByteArrayInputStream(body);
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] buf, int off, int len) {
            return in.read(buf, off, len);
        }

        @Override
        public boolean isFinished() {
            return in.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException("no asynchronous reads");
        }
    }
}
