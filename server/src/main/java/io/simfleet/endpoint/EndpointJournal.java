package io.simfleet.endpoint;

import io.simfleet.common.Actor;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Records events of endpoints for the features that change what an endpoint holds without
 * changing the endpoint row (usage and balances, add-on validity): in the caller's transaction,
 * in the account's stream like every other endpoint event.
 */
@Component
public class EndpointJournal {
    private final EventStore store;
    private final Clock clock;

    EndpointJournal(EventStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** One event of one endpoint. */
    public record Entry(long endpointId, EndpointEvent event) {}

    public void record(Actor actor, List<Entry> entries) {
        store.append(actor, clock.instant(), entries.stream().map(e -> new EventStore.Recorded(e.endpointId(), e.event())).toList());
    }

    public void record(Actor actor, long endpointId, EndpointEvent event) {
        record(actor, List.of(new Entry(endpointId, event)));
    }
}
