package io.simfleet.client;

import java.util.Objects;

/**
 * A user's login: {@code POST /api/login} with {@code username}, {@code password} and, for a
 * reseller acting inside one of its enterprises ("support access"), {@code targetAccountId}.
 * {@link #toString()} never shows the password.
 */
public final class Credentials {
    private final String username;
    private final String password;
    private final String targetAccountId;

    private Credentials(String username, String password, String targetAccountId) {
        this.username = Objects.requireNonNull(username, "username");
        this.password = Objects.requireNonNull(password, "password");
        this.targetAccountId = targetAccountId;
    }

    public static Credentials of(String username, String password) {
        return new Credentials(username, password, null);
    }

    /** A reseller's user acting inside the child account {@code targetAccountId}. */
    public static Credentials of(String username, String password, String targetAccountId) {
        return new Credentials(username, password, targetAccountId == null || targetAccountId.isBlank() ? null : targetAccountId);
    }

    public String username() {
        return username;
    }

    String password() {
        return password;
    }

    public String targetAccountId() {
        return targetAccountId;
    }

    @Override
    public String toString() {
        return "Credentials[username=" + username + (targetAccountId == null ? "" : ", targetAccountId=" + targetAccountId)
                + ", password=***]";
    }
}
