package io.simfleet.client;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * The token pair of a login ({@code AccessToken}, {@code RefreshToken}). The expiry times are read
 * from the JWTs' {@code exp} claims (not verified: the server does that). {@link #toString()} shows
 * only the expiry times, so a token never reaches a log through it.
 */
public final class Tokens {
    private final String accessToken;
    private final String refreshToken;

    public Tokens(String accessToken, String refreshToken) {
        this.accessToken = Objects.requireNonNull(accessToken, "accessToken");
        this.refreshToken = refreshToken;
    }

    public String accessToken() {
        return accessToken;
    }

    /** May be null (a client given only an access token cannot refresh it). */
    public String refreshToken() {
        return refreshToken;
    }

    /** The access token's {@code exp}, or null when it is not a JWT with one. */
    public Instant accessExpiresAt() {
        return expiry(accessToken);
    }

    /** The refresh token's {@code exp}, or null. */
    public Instant refreshExpiresAt() {
        return refreshToken == null ? null : expiry(refreshToken);
    }

    /** A JWT's {@code exp} claim; null when the token is not a JWT or has none. */
    static Instant expiry(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) return null;
        try {
            byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
            JsonNode claims = Json.MAPPER.readTree(new String(payload, StandardCharsets.UTF_8));
            JsonNode exp = claims.get("exp");
            return exp != null && exp.canConvertToLong() ? Instant.ofEpochSecond(exp.asLong()) : null;
        } catch (RuntimeException notAJwt) {
            return null;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tokens && ((Tokens) o).accessToken.equals(accessToken)
                && Objects.equals(((Tokens) o).refreshToken, refreshToken);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accessToken, refreshToken);
    }

    @Override
    public String toString() {
        return "Tokens[access expires " + accessExpiresAt() + ", refresh expires " + refreshExpiresAt() + "]";
    }
}
