package io.simfleet.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.simfleet.common.AccountType;
import io.simfleet.config.JwtSecretProvider;
import io.simfleet.config.SimfleetProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * HS512 JWTs shaped like SFT's: {@code sub} (user), {@code scopes} (the account the token acts
 * in), {@code iss}, {@code iat}, {@code exp}; plus {@code typ} (ACCESS or REFRESH), {@code atype}
 * (account type) and {@code uacc} (the user's own account, differs under support access).
 */
@Component
class TokenService {
    static final String ISSUER = "simfleet";

    enum Kind { ACCESS, REFRESH }

    record Claims(String username, long userAccountId, long accountId, AccountType accountType, Kind kind) {}

    private final MACSigner signer;
    private final MACVerifier verifier;
    private final Clock clock;
    private final SimfleetProperties.Auth auth;

    TokenService(JwtSecretProvider secret, Clock clock, SimfleetProperties props) throws JOSEException {
        this.signer = new MACSigner(secret.secret());
        this.verifier = new MACVerifier(secret.secret());
        this.clock = clock;
        this.auth = props.auth();
    }

    String issue(Claims c) {
        Instant now = clock.instant();
        Duration life = c.kind() == Kind.ACCESS ? auth.accessTokenLifetime() : auth.refreshTokenLifetime();
        JWTClaimsSet set = new JWTClaimsSet.Builder()
                .subject(c.username())
                .claim("scopes", Long.toString(c.accountId()))
                .claim("uacc", Long.toString(c.userAccountId()))
                .claim("atype", c.accountType().name())
                .claim("typ", c.kind().name())
                .issuer(ISSUER)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(life)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS512), set);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign token", e);
        }
    }

    /** A token whose signature and claims were checked, with its expiry. */
    private record Verified(Claims claims, Instant expires) {}

    /**
     * Tokens already verified, until they expire: an integration sends the same access token with
     * every call, and parsing and checking it (JSON, HMAC-SHA512) was a twelfth of the CPU of a
     * small call. Keyed by the token's SHA-256, never by the token itself, so a lookup compares
     * digests and not a credential; only tokens that verified are kept (a flood of forged ones
     * fills nothing). A hit is checked against the clock and the expected kind like a fresh one.
     */
    private final Cache<String, Verified> verified = Caffeine.newBuilder().maximumSize(10_000).build();

    /** Empty when the token is malformed, forged, expired or not of the expected kind. */
    Optional<Claims> verify(String token, Kind expected) {
        String key = digest(token);
        Verified v = verified.getIfPresent(key);
        if (v == null) {
            v = check(token).orElse(null);
            if (v == null) return Optional.empty();
            verified.put(key, v);
        }
        if (!v.expires().isAfter(clock.instant())) {
            verified.invalidate(key);
            return Optional.empty();
        }
        return v.claims().kind() == expected ? Optional.of(v.claims()) : Optional.empty();
    }

    /** The token's claims when it is ours (HS512, our signature and issuer, every claim there), expired or not. */
    private Optional<Verified> check(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS512.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                return Optional.empty();
            }
            JWTClaimsSet c = jwt.getJWTClaimsSet();
            Date exp = c.getExpirationTime();
            if (exp == null || !ISSUER.equals(c.getIssuer())) return Optional.empty();
            Kind kind = Kind.valueOf(c.getStringClaim("typ"));
            return Optional.of(new Verified(new Claims(c.getSubject(), Long.parseLong(c.getStringClaim("uacc")),
                    Long.parseLong(c.getStringClaim("scopes")), AccountType.valueOf(c.getStringClaim("atype")), kind),
                    exp.toInstant()));
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String digest(String token) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
