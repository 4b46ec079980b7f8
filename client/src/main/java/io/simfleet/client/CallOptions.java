package io.simfleet.client;

import java.util.UUID;

/**
 * Options of one write call. {@code idempotencyKey} is sent as the {@code Idempotency-Key}
 * header: the server does the work once per key (a repeat answers the first answer), which makes
 * the write safe to retry — the client then retries it like a read. Keys are per account, at most
 * 200 characters, remembered 24 h by default. Use a new key for a new request.
 */
public record CallOptions(String idempotencyKey) {
    public static final CallOptions NONE = new CallOptions(null);

    public static CallOptions idempotencyKey(String key) {
        return new CallOptions(key);
    }

    /** A random key (a UUID). */
    public static CallOptions newIdempotencyKey() {
        return new CallOptions(UUID.randomUUID().toString());
    }
}
