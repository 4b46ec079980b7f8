package io.simfleet.client;

/**
 * Told each time the client gets new tokens (login, refresh, re-login after a 401), e.g. to keep
 * them for the next run as the CLI does. Called on the thread that made the call; it should not
 * call the client back.
 */
@FunctionalInterface
public interface TokenListener {
    void tokensChanged(Tokens tokens);
}
