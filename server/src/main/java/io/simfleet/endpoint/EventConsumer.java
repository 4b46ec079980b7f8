package io.simfleet.endpoint;

import java.util.List;

/**
 * A reader of the endpoint event outbox (a Spring bean; {@link OutboxRelay} finds it). It gets each
 * account's events in position order, after they committed, at least once: a batch that throws
 * is offered again (with backoff) before anything after it, so a consumer must tolerate seeing a
 * batch twice. It runs outside any transaction and lock of the platform.
 */
public interface EventConsumer {
    /** Its name in {@code outbox_cursor}; never change it, or it starts over. */
    String name();

    /**
     * Where it starts in an account it has never read: false from the account's first event,
     * true from the events appended after it was first seen running (the history is not replayed).
     */
    default boolean startsAtEnd() {
        return true;
    }

    /** Acts on the next events of one account, oldest first; {@code events} is never empty. */
    void accept(long accountId, List<EndpointHistoryEntry> events);
}
