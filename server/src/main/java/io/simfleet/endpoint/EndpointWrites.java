package io.simfleet.endpoint;

import io.simfleet.common.Actor;
import io.simfleet.endpoint.Endpoint.Change;
import io.simfleet.sim.SimService;
import io.simfleet.sim.SimStatus;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The write half of every endpoint use case, after the aggregate has answered a {@link Change}:
 * one UPDATE of the endpoint row (version-checked), the linked SIM moved to the state the
 * endpoint's new state implies, and the change's events appended. The append comes last, so the
 * account's event position is held only until the commit (see {@link EventStore}).
 */
@Component
class EndpointWrites {
    private final EndpointRepository repo;
    private final EventStore events;
    private final SimService sims;
    private final Clock clock;

    EndpointWrites(EndpointRepository repo, EventStore events, SimService sims, Clock clock) {
        this.repo = repo;
        this.events = events;
        this.sims = sims;
        this.clock = clock;
    }

    /** Saves the change and appends its events; answers the endpoint as saved. */
    Endpoint commit(Actor actor, Change change) {
        Endpoint saved = save(change);
        append(actor, change);
        return saved;
    }

    /** The row and the SIM only; the caller appends the events after its other writes. */
    Endpoint save(Change change) {
        Endpoint before = change.before(), after = change.after();
        Endpoint saved = repo.update(after, clock.instant());
        if (before.status() != after.status() && after.status() != EndpointStatus.DELETED) {
            // the SIM follows its endpoint: into the endpoint state's SIM state, or out (Hold)
            sims.follow(after.accountId(), after.id(), after.status().simStatus().orElse(SimStatus.READY_TO_ACTIVATE));
        }
        return saved;
    }

    void append(Actor actor, Change change) {
        events.append(actor, clock.instant(), EventStore.of(change.after().id(), change.events()).toList());
    }

    void append(Actor actor, List<EventStore.Recorded> recorded) {
        events.append(actor, clock.instant(), recorded);
    }
}
