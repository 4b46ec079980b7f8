package io.simfleet.client.model;

/** {@code GET /api/Ping} (simfleet's addition): who the access token belongs to. */
public record Ping(
        String accountId,
        String username) {
}
