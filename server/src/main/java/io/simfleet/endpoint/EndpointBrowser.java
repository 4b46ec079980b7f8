package io.simfleet.endpoint;

import io.simfleet.catalog.CatalogModel.Tag;
import io.simfleet.catalog.CatalogService;
import io.simfleet.common.Actor;
import io.simfleet.common.DomainException;
import io.simfleet.common.ResultCode;
import io.simfleet.endpoint.EndpointViews.ListItem;
import io.simfleet.sim.Sim;
import io.simfleet.sim.SimService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads for people browsing an account's endpoints (the web portal): searched, filtered, keyset
 * pages that cost the same on the last page of 1 000 000 endpoints as on the first, the state
 * counts of a dashboard and the newest events. Scoped to the actor's account like every
 * {@link EndpointService} read; what another account holds is "not found".
 */
@Service
public class EndpointBrowser {
    private final EndpointBrowsing browsing;
    private final EndpointRepository repo;
    private final SimService sims;
    private final CatalogService catalog;

    EndpointBrowser(EndpointBrowsing browsing, EndpointRepository repo, SimService sims, CatalogService catalog) {
        this.browsing = browsing;
        this.repo = repo;
        this.sims = sims;
        this.catalog = catalog;
    }

    /** One keyset page: its rows and the keyset of the next page (null on the last). */
    public record Slice(List<ListItem> rows, Long next) {}

    /** The number of the account's live endpoints (the trigger-kept counts of V14: no count over the endpoints). */
    @Transactional(readOnly = true)
    public long total(Actor actor) {
        return repo.count(actor.accountId(), new TagFilter.Any());
    }

    /** A page of the account's endpoints matching {@code q}; an unknown tag matches none. */
    @Transactional(readOnly = true)
    public Slice browse(Actor actor, EndpointQuery q) {
        long acc = actor.accountId();
        if (q.tag() instanceof TagFilter.WithTag w && catalog.tags(acc, List.of(w.tagId())).isEmpty()) {
            return new Slice(List.of(), null);
        }
        List<Long> exact = new ArrayList<>();
        if (q.search() != null) {
            if (q.search().matches("\\d{1,18}")) exact.add(Long.parseLong(q.search()));
            exact.addAll(browsing.endpointsOfSim(acc, q.search()));
        }
        List<Endpoint> found = browsing.page(acc, q, exact, q.limit() + 1);
        Long next = null;
        if (found.size() > q.limit()) {
            found = found.subList(0, q.limit());
            next = found.get(found.size() - 1).id();
        }
        return new Slice(listItems(acc, found), next);
    }

    /** The account's live endpoints per state (states without any are absent). */
    @Transactional(readOnly = true)
    public Map<EndpointStatus, Long> countByState(Actor actor) {
        return browsing.countByState(actor.accountId());
    }

    /** The account's {@code limit} newest events, newest first. */
    @Transactional(readOnly = true)
    public List<EndpointHistoryEntry> recentEvents(Actor actor, int limit) {
        return browsing.recentEvents(actor.accountId(), limit);
    }

    /**
     * One endpoint's events, newest first, before the event {@code beforeId} (null: the newest).
     * Raises 1083 when the endpoint never existed in the account.
     */
    @Transactional(readOnly = true)
    public List<EndpointHistoryEntry> eventsNewestFirst(Actor actor, long endpointId, Long beforeId, int limit) {
        repo.findIncludingDeleted(actor.accountId(), endpointId)
                .orElseThrow(() -> new DomainException(ResultCode.GET_ENDPOINT_PROFILE_FAILURE, "endpoint " + endpointId + " not found"));
        return browsing.eventsNewestFirst(actor.accountId(), endpointId, beforeId, limit);
    }

    /** The endpoints as listed: each with its SIM and tags, two statements for the whole page. */
    private List<ListItem> listItems(long acc, List<Endpoint> endpoints) {
        if (endpoints.isEmpty()) return List.of();
        List<Long> ids = endpoints.stream().map(Endpoint::id).toList();
        Map<Long, Sim> simByEndpoint = sims.byEndpoints(acc, ids).stream().collect(Collectors.toMap(Sim::endpointId, Function.identity()));
        List<long[]> links = repo.tagLinks(acc, ids);
        Map<Long, Tag> tags = links.isEmpty() ? Map.of()
                : catalog.tags(acc, links.stream().map(l -> l[1]).collect(Collectors.toSet())).stream()
                        .collect(Collectors.toMap(Tag::id, Function.identity()));
        Map<Long, List<Tag>> tagsByEndpoint = new HashMap<>();
        for (long[] l : links) tagsByEndpoint.computeIfAbsent(l[0], k -> new ArrayList<>()).add(tags.get(l[1]));
        // the portal's list shows no private-network columns: no group or network-state lookups per page
        return endpoints.stream().map(e -> new ListItem(e, simByEndpoint.get(e.id()), tagsByEndpoint.getOrDefault(e.id(), List.of()), null))
                .toList();
    }
}
