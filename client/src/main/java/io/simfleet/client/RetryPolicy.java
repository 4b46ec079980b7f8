package io.simfleet.client;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When and how long to wait before sending a request again. A request is retried only when it is
 * safe to send twice — a read (GET), login and RefreshToken, or a write carrying an
 * {@code Idempotency-Key} (the server answers a repeated key with the first answer and does the
 * work once) — and only after a failure a retry may cure: no answer (connection refused or reset,
 * timeout), HTTP 5xx, HTTP 429, or HTTP 409 (a request with the same key still running).
 *
 * <p>The wait before retry {@code n} (1-based) is "full jitter": a random duration between 0 and
 * {@code min(maxBackoff, initialBackoff × 2^(n-1))}, so that many clients failing at once do not
 * come back at once. When the answer carries {@code Retry-After} (seconds or an HTTP date), the
 * client waits that long instead — unless it is longer than {@code maxRetryAfter}, and then it
 * gives up at once rather than block.
 *
 * @param maxAttempts    attempts in all, the first included (1 = never retry)
 * @param initialBackoff the cap of the first wait
 * @param maxBackoff     the cap of any wait
 * @param maxRetryAfter  the longest {@code Retry-After} the client accepts to wait
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {
    /** 4 attempts, waits capped at 0.25 s, 0.5 s, 1 s (at most 8 s), Retry-After up to 60 s. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofMillis(250), Duration.ofSeconds(8), Duration.ofSeconds(60));
    /** One attempt only. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    }

    /** The wait before retry {@code retry} (1 = the first retry), without a Retry-After. */
    public Duration backoff(int retry) {
        long cap = initialBackoff.toMillis();
        for (int i = 1; i < retry && cap < maxBackoff.toMillis(); i++) cap *= 2;
        cap = Math.min(cap, maxBackoff.toMillis());
        return cap <= 0 ? Duration.ZERO : Duration.ofMillis(ThreadLocalRandom.current().nextLong(cap + 1));
    }
}
