package io.simfleet.sim;

import io.simfleet.common.DomainException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;

/**
 * The activation code printed on a SIM (docs/network.md, "Activation by the printed code"): 8
 * characters of an alphabet without the look-alikes 0/O and 1/I (32 symbols, 40 bits), generated
 * when the SIM is imported. It is shown to the operator (the import's answer, the SIM's own
 * operator call) and never in a list of SIMs. Typed back it may carry spaces or dashes
 * ({@code 7KQ4-M9XD}) and lower case.
 *
 * <p>{@code failedAttempts} counts wrong codes in a row; {@code blockedUntil} is set when they
 * reach the limit (docs/network.md). {@code simStatus} is the SIM's state now.
 */
public record ClaimCode(long simId, String iccid, String code, int failedAttempts, Instant blockedUntil, SimStatus simStatus) {
    public static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    public static final int LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new code from a strong random source. */
    public static String generate() {
        StringBuilder b = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        return b.toString();
    }

    /**
     * A code as typed, normalised (upper case, spaces and dashes dropped): 1000 naming {@code field}
     * when empty, 1001 when it is not 8 characters of the alphabet. A malformed code is refused as
     * bad input, before any SIM is looked at: it reveals nothing and counts as no attempt.
     */
    public static String normalise(String typed, String field) {
        if (typed == null || typed.isBlank()) throw DomainException.missing(field);
        String c = typed.replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
        if (c.length() != LENGTH) throw DomainException.wrong(field);
        for (int i = 0; i < c.length(); i++) {
            if (ALPHABET.indexOf(c.charAt(i)) < 0) throw DomainException.wrong(field);
        }
        return c;
    }

    /** Whether {@code typed} (normalised) is this code, compared in constant time. */
    boolean matches(String typed) {
        return java.security.MessageDigest.isEqual(code.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                typed.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    /** The outcome of a claim's code check. */
    public enum Verdict { ACCEPTED, WRONG, BLOCKED, UNKNOWN }
}
