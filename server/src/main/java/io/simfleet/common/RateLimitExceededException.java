package io.simfleet.common;

/** A request over its rate limit: refused before it did anything; the caller may retry after the given time. */
public class RateLimitExceededException extends DomainException {
    private final long retryAfterSeconds;

    public RateLimitExceededException(String what, long retryAfterSeconds) {
        super(ResultCode.RATE_LIMIT_EXCEEDED, what + ", retry after " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
