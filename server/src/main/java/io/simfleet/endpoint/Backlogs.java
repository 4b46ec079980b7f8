package io.simfleet.endpoint;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The endpoint feature's queues, of every account as a whole, for the metrics: de-links waiting
 * for a data session to end, events waiting for their position, and how far each outbox consumer
 * of this instance is behind. Every read is index-backed and bounded (see each repository method);
 * none runs in a transaction or takes a lock.
 */
@Service
public class Backlogs {
    private final EndpointRepository endpoints;
    private final EventStore events;
    private final OutboxRepository outbox;
    private final List<String> consumers;

    Backlogs(EndpointRepository endpoints, EventStore events, OutboxRepository outbox, List<EventConsumer> consumers) {
        this.endpoints = endpoints;
        this.events = events;
        this.outbox = outbox;
        this.consumers = consumers.stream().map(EventConsumer::name).sorted().toList();
    }

    /** @param oldestSince when the longest-waiting de-link was queued; null when none waits */
    public record DelinkQueue(long endpoints, Instant oldestSince) {}

    /** @param oldestAt when the oldest of them was appended; null when none waits */
    public record Unsequenced(long events, Instant oldestAt) {}

    /** @param oldestUnreadAt when the oldest event the consumer has not read was appended; null when it is up to date */
    public record ConsumerLag(long eventsBehind, long accountsBehind, long failingAccounts, Instant oldestUnreadAt) {}

    /** The names of the outbox consumers this instance runs. */
    public List<String> consumers() {
        return consumers;
    }

    /** Endpoints whose de-link waits, counted up to {@code cap}. */
    public DelinkQueue delinkQueue(int cap) {
        return endpoints.delinkQueue(cap);
    }

    /** Committed events without a position yet, counted up to {@code cap}. */
    public Unsequenced unsequenced(int cap) {
        return events.unsequencedBacklog(cap);
    }

    /** Per consumer of this instance: how far it is behind. */
    public Map<String, ConsumerLag> outboxLag() {
        return consumers.isEmpty() ? Map.of() : outbox.lag(consumers);
    }
}
