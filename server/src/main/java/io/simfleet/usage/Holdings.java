package io.simfleet.usage;

import io.simfleet.catalog.CatalogModel.Plan;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What an endpoint held over time, as far as rating needs it: the plans it had since when
 * (oldest first) and its add-on subscriptions, ended ones included (late records are rated
 * against what held at their time).
 */
record Holdings(long accountId, long endpointId, int subscriberType, List<PlanFrom> plans, List<Subscription> addons,
                Dynamic dynamic) {

    Holdings(long accountId, long endpointId, int subscriberType, List<PlanFrom> plans, List<Subscription> addons) {
        this(accountId, endpointId, subscriberType, plans, addons, null);
    }

    /**
     * The endpoint's dynamic benefit: {@code dataMb} of free data per calendar month (one period
     * from the epoch when it does not renew), shared by the account's endpoints when pooled, on
     * the networks of its roaming profiles ({@code coverage}: MCC-MNCs).
     */
    record Dynamic(long id, boolean pooled, boolean renews, long dataMb, java.util.Set<String> coverage) {
        boolean covers(String mccMnc) {
            return mccMnc == null || coverage.contains(mccMnc);
        }
    }

    record PlanFrom(Instant from, Plan plan) {}

    /**
     * An add-on subscription: its periods start at {@code start}, every plan validity; it holds
     * until {@code end} (its expiry, or its removal). {@code adjusted}: the free units of its
     * first period as set at subscription (DATA/NBIOT in bytes, SMS as a count), by type.
     */
    record Subscription(long uniqueId, Plan plan, Instant start, Instant end, Map<String, Long> adjusted) {
        boolean holdsAt(Instant t) {
            return plan != null && !t.isBefore(start) && t.isBefore(end);
        }
    }

    /** The plan held at {@code t}: the latest that started at or before it, else the first one. */
    Plan planAt(Instant t) {
        Plan found = plans.isEmpty() ? null : plans.get(0).plan();
        for (PlanFrom p : plans) {
            if (!p.from().isAfter(t)) found = p.plan();
        }
        return found;
    }

    /** The subscriptions holding at {@code t}, the one that ends first first. */
    List<Subscription> addonsAt(Instant t) {
        return addons.stream().filter(s -> s.holdsAt(t))
                .sorted(Comparator.comparing(Subscription::end).thenComparingLong(Subscription::uniqueId)).toList();
    }

    boolean prepaid() {
        return subscriberType == 0;
    }
}
