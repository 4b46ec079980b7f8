package io.simfleet.config;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.stereotype.Component;

/**
 * The HS512 signing key. {@code SIMFLEET_JWT_SECRET} when given; otherwise, with the embedded
 * database only, a random key generated once and kept in the data directory so that tokens
 * survive a restart. An external database without a secret is a configuration error: several
 * instances must share one key.
 */
@Component
public class JwtSecretProvider {
    private final byte[] secret;

    public JwtSecretProvider(SimfleetProperties props) {
        this.secret = resolve(props);
    }

    public byte[] secret() {
        return secret.clone();
    }

    private static byte[] resolve(SimfleetProperties props) {
        String configured = props.jwtSecret();
        if (configured != null && !configured.isBlank()) {
            byte[] bytes = configured.getBytes(StandardCharsets.UTF_8);
            if (bytes.length < 64) {
                throw new IllegalStateException("SIMFLEET_JWT_SECRET must be at least 64 bytes long for HS512");
            }
            return bytes;
        }
        if (!props.embeddedDatabase()) {
            throw new IllegalStateException("SIMFLEET_JWT_SECRET is required when SIMFLEET_DB_URL points to an external database");
        }
        String kept = SecretFile.readOrCreate(props.dataDir().resolve("jwt-secret"),
                () -> Base64.getEncoder().encodeToString(SecretFile.randomBytes(64)));
        return Base64.getDecoder().decode(kept);
    }
}
