package io.simfleet.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One HTTP exchange with retries: sends a request, and sends it again after a failure a retry may
 * cure when the request is safe to repeat (see {@link RetryPolicy}). Knows nothing of tokens or
 * of the SFT envelope. Logs (System.Logger {@code io.simfleet.client}, DEBUG and WARNING) the
 * method, path, status and waits — never a header or a body, so never a token or a password.
 */
final class Transport {
    private static final System.Logger LOG = System.getLogger("io.simfleet.client");

    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    /**
     * A request body: its {@code Content-Type} and a publisher made afresh for each attempt.
     * {@code repeatable} is false for a body read from a stream, which can be sent once only: such a
     * request is never retried, whatever else would allow it.
     */
    record Body(String contentType, Supplier<HttpRequest.BodyPublisher> publisher, boolean repeatable) {
        static Body json(String json) {
            return new Body("application/json", () -> HttpRequest.BodyPublishers.ofString(json), true);
        }
    }

    /**
     * A request: {@code pathAndQuery} starts with {@code /}; {@code body} null for none;
     * {@code timeout} null for the client's request timeout.
     */
    record Request(String method, String pathAndQuery, Body body, String bearer, String idempotencyKey, boolean safe, Duration timeout) {
        Request(String method, String pathAndQuery, String json, String bearer, String idempotencyKey, boolean safe) {
            this(method, pathAndQuery, json == null ? null : Body.json(json), bearer, idempotencyKey, safe, null);
        }

        Request withBearer(String token) {
            return new Request(method, pathAndQuery, body, token, idempotencyKey, safe, timeout);
        }

        boolean repeatable() {
            return body == null || body.repeatable();
        }

        String operation() {
            int q = pathAndQuery.indexOf('?');
            return method + " " + (q < 0 ? pathAndQuery : pathAndQuery.substring(0, q));
        }
    }

    record Answer(int status, HttpHeaders headers, String body) {}

    private final HttpClient http;
    private final URI base;
    private final Duration requestTimeout;
    private final RetryPolicy retry;
    private final Clock clock;
    private final Sleeper sleeper;
    private final String userAgent;

    Transport(HttpClient http, URI base, Duration requestTimeout, RetryPolicy retry, Clock clock, Sleeper sleeper, String userAgent) {
        this.http = http;
        this.base = base;
        this.requestTimeout = requestTimeout;
        this.retry = retry;
        this.clock = clock;
        this.sleeper = sleeper;
        this.userAgent = userAgent;
    }

    URI base() {
        return base;
    }

    Answer exchange(Request req) {
        boolean keyed = req.idempotencyKey() != null && !req.idempotencyKey().isBlank();
        boolean retryable = (req.safe() || keyed) && req.repeatable();
        Duration timeout = req.timeout() != null ? req.timeout() : requestTimeout;
        int attempt = 0;
        while (true) {
            attempt++;
            long started = System.nanoTime();
            Answer answer;
            try {
                answer = sendOnce(req, timeout);
            } catch (IOException e) {
                String what = e instanceof HttpTimeoutException ? "no answer within " + timeout.toSeconds() + " s" : describe(e);
                if (!retryable || attempt >= retry.maxAttempts()) {
                    String hint = retryable ? ""
                            : !req.repeatable() ? "; the request may or may not have been carried out, and its body was a stream that cannot be sent again"
                            : "; the request may or may not have been carried out (send writes with an Idempotency-Key to make them safe to retry)";
                    throw new NetworkException(req.operation(), 0, ResultCode.of(0), what + afterAttempts(attempt) + hint, null, e);
                }
                pause(req, attempt, what, null);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NetworkException(req.operation(), 0, ResultCode.of(0), "interrupted", null, e);
            }
            int status = answer.status();
            LOG.log(System.Logger.Level.DEBUG, () -> req.operation() + " -> HTTP " + status + " in "
                    + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
            boolean transientStatus = status >= 500 || status == 429 || (status == 409 && keyed);
            if (!transientStatus || !retryable || attempt >= retry.maxAttempts()) return answer;
            Duration retryAfter = retryAfter(answer.headers()).orElse(null);
            if (retryAfter != null && retryAfter.compareTo(retry.maxRetryAfter()) > 0) return answer;
            pause(req, attempt, "HTTP " + status, retryAfter);
        }
    }

    private static String afterAttempts(int attempts) {
        return attempts > 1 ? " (after " + attempts + " attempts)" : "";
    }

    private static String describe(IOException e) {
        String name = e.getClass().getSimpleName();
        String msg = e.getMessage();
        return msg == null || msg.isBlank() ? name : name + ": " + msg;
    }

    private void pause(Request req, int attempt, String why, Duration retryAfter) {
        Duration wait = retryAfter != null ? retryAfter : retry.backoff(attempt);
        LOG.log(System.Logger.Level.WARNING, () -> req.operation() + ": " + why + "; attempt " + (attempt + 1) + " of "
                + retry.maxAttempts() + " in " + wait.toMillis() + " ms");
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetworkException(req.operation(), 0, ResultCode.of(0), "interrupted while waiting to retry after " + why, null, e);
        }
    }

    private Answer sendOnce(Request req, Duration timeout) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(req.pathAndQuery()))
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("X-Requested-With", "XMLHttpRequest")
                .header("User-Agent", userAgent);
        if (req.bearer() != null) b.header("X-Authorization", "Bearer " + req.bearer());
        if (req.idempotencyKey() != null && !req.idempotencyKey().isBlank()) b.header("Idempotency-Key", req.idempotencyKey());
        if (req.body() != null) {
            b.header("Content-Type", req.body().contentType());
            b.method(req.method(), req.body().publisher().get());
        } else {
            b.method(req.method(), HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.headers(), r.body());
    }

    /** {@code Retry-After} in seconds or as an HTTP date. */
    Optional<Duration> retryAfter(HttpHeaders headers) {
        Optional<String> v = headers.firstValue("Retry-After");
        if (v.isEmpty()) return Optional.empty();
        String s = v.get().trim();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(s))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(clock.instant(), at);
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException unreadable) {
                return Optional.empty();
            }
        }
    }
}
