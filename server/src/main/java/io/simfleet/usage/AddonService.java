package io.simfleet.usage;

import io.simfleet.catalog.CatalogModel.Counter;
import io.simfleet.catalog.CatalogModel.Plan;
import io.simfleet.catalog.CatalogService;
import io.simfleet.common.Actor;
import io.simfleet.common.DomainException;
import io.simfleet.common.Json;
import io.simfleet.common.ResultCode;
import io.simfleet.endpoint.EndpointEvent;
import io.simfleet.endpoint.EndpointJournal;
import io.simfleet.endpoint.EndpointModifier;
import io.simfleet.endpoint.EndpointRef;
import io.simfleet.endpoint.EndpointStatus;
import io.simfleet.endpoint.ModifyEndpoint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SubscribeAddon: one add-on for one endpoint, with the rules of Modify's add-on list (billing
 * type 10023, roaming profile 10080, duplicates 10221), and the free units of its first validity
 * period optionally adjusted (at most the plan's; a renewal resets them to the plan's full value).
 */
@Service
public class AddonService {
    private final EndpointModifier modifier;
    private final CatalogService catalog;
    private final UsageRepository repo;
    private final EndpointJournal journal;
    private final JdbcClient jdbc;
    private final UsageService usage;

    AddonService(EndpointModifier modifier, CatalogService catalog, UsageRepository repo, EndpointJournal journal, JdbcClient jdbc,
                 UsageService usage) {
        this.usage = usage;
        this.modifier = modifier;
        this.catalog = catalog;
        this.repo = repo;
        this.journal = journal;
        this.jdbc = jdbc;
    }

    /**
     * Subscribes the endpoint to the add-on {@code planId}; {@code adjusted}: free units of the
     * first period by benefit type (DATA, NBIOT in MB; SMS a count). Answers the subscription's
     * unique id. Raises 1172 for an endpoint the account does not have, a plan that is not one of
     * its add-ons, or a state Modify refuses; 1001 naming {@code benefit} for an adjustment the
     * plan does not have or exceeds; 10260 when an adjusted balance is below a counter's threshold.
     */
    @Transactional
    public long subscribe(Actor actor, long endpointId, String planId, Map<String, Long> adjusted) {
        long acc = actor.accountId();
        UsageRepository.Target t = repo.endpoint(acc, endpointId, false)
                .orElseThrow(() -> new DomainException(ResultCode.ADDON_SUBSCRIPTION_FAILURE, "endpoint " + endpointId + " not found"));
        Plan plan = catalog.view(acc).plansById(List.of(planId)).get(planId);
        if (plan == null || plan.category() != io.simfleet.catalog.CatalogModel.PlanCategory.ADDON) {
            throw new DomainException(ResultCode.ADDON_SUBSCRIPTION_FAILURE, "planId " + planId + " is not an add-on of the account");
        }
        Map<String, Long> adj = new LinkedHashMap<>(adjusted);
        for (Map.Entry<String, Long> a : adj.entrySet()) {
            long full = plan.benefit(a.getKey());
            if (full == 0 || a.getValue() < 0 || a.getValue() > full) throw DomainException.wrong("benefit.balance");
            for (Counter c : plan.counters()) {
                if (c.service().equals(a.getKey()) && !c.thresholdUnit().equals("PERCENT") && a.getValue() < c.thresholdValue()) {
                    throw new DomainException(ResultCode.ADJUSTED_BALANCE_BELOW_COUNTER);
                }
            }
        }
        // the endpoint's balances are held while the subscription is written, like every other writer of them
        usage.lock(acc, t, catalog.view(acc));
        try {
            modifier.modify(actor, EndpointRef.id(endpointId), new ModifyEndpoint(null, null, List.of(planId), List.of(), List.of(),
                    List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, new LinkedHashMap<>(), null, null));
        } catch (DomainException e) {
            if (e.code() == ResultCode.MODIFY_ENDPOINT_FAILURE) throw new DomainException(ResultCode.ADDON_SUBSCRIPTION_FAILURE, e.getMessage());
            throw e;
        }
        Object[] sub = jdbc.sql("""
                        SELECT unique_id, expires_at FROM endpoint_addon WHERE account_id = :a AND endpoint_id = :e AND plan_id = :p
                          AND removed_at IS NULL ORDER BY unique_id DESC LIMIT 1""")
                .param("a", acc).param("e", endpointId).param("p", planId)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getTimestamp(2).toInstant()}).single();
        long uniqueId = (Long) sub[0];
        jdbc.sql("UPDATE endpoint_addon SET adjusted = CAST(:j AS jsonb), renews = :r WHERE account_id = :a AND unique_id = :u")
                .param("j", adj.isEmpty() ? null : Json.MAPPER.writeValueAsString(adj)).param("r", plan.tariff().renews())
                .param("a", acc).param("u", uniqueId).update();
        journal.record(actor, endpointId, new EndpointEvent.AddonSubscribed(EndpointStatus.valueOf(t.status()), planId, uniqueId,
                (java.time.Instant) sub[1], adj));
        return uniqueId;
    }
}
