package io.simfleet.endpoint;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox side of the endpoint events: each account's events in position order, for the
 * consumers that act on them after commit (the network adapter, later usage, webhooks, the
 * portal). Positions are gap-free and in commit order per account (see {@link EventStore}), so
 * a consumer keeps one number per account and resumes from it.
 */
@Service
public class EventStream {
    private final EventStore store;

    EventStream(EventStore store) {
        this.store = store;
    }

    /** Published (in-process, after commit) when an account's stream grew. */
    public record Appended(long accountId) {}

    /** Up to {@code limit} events of the account after {@code position}, oldest first. */
    @Transactional(readOnly = true)
    public List<EndpointHistoryEntry> after(long accountId, long position, int limit) {
        return store.after(accountId, position, limit);
    }

    /** The last position of every account that has events. */
    @Transactional(readOnly = true)
    public Map<Long, Long> positions() {
        return store.positions();
    }
}
