package io.simfleet.endpoint;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox side of the endpoint events: each account's events in position order, for the
 * consumers that act on them after commit (the network adapter, later usage, webhooks, the
 * portal). Positions are given after commit, gap-free and in commit order per account (see
 * {@link EventStore}), so a consumer keeps one number per account and resumes from it.
 */
@Service
public class EventStream {
    private final EventStore store;
    private final TransactionTemplate tx;

    EventStream(EventStore store, PlatformTransactionManager txManager) {
        this.store = store;
        this.tx = new TransactionTemplate(txManager);
    }

    /** Published (in-process, after commit) when an account's stream grew. */
    public record Appended(long accountId) {}

    /**
     * Up to {@code limit} events of the account after {@code position}, oldest first; the
     * account's newly committed events are numbered first, so a reader sees everything that has
     * committed before its call.
     */
    @Transactional
    public List<EndpointHistoryEntry> after(long accountId, long position, int limit) {
        store.sequence(accountId);
        return store.after(accountId, position, limit);
    }

    /** Numbers the committed events of the accounts that have unnumbered ones; answers how many accounts it looked at. */
    public int sequencePending() {
        List<Long> accounts = store.unsequenced(100);
        for (long account : accounts) tx.executeWithoutResult(s -> store.sequence(account));
        return accounts.size();
    }

}
