package io.simfleet.network;

/**
 * The outbound port: how commands reach the mobile network. An adapter (the network simulator,
 * or a real HLR/HSS/PCRF integration) implements it. The platform calls it from the outbox after
 * commit, never inside a database transaction nor under a row lock, in each account's event
 * order, at least once: an adapter must accept a command it has seen before (commands are
 * states to reach, not increments). A call that throws is retried with backoff, and the
 * account's later commands wait for it.
 */
public interface NetworkCommandPort {
    void send(NetworkCommand command);
}
