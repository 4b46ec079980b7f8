package io.simfleet.endpoint;

import io.simfleet.catalog.CatalogModel.Counter;
import io.simfleet.catalog.CatalogModel.Plan;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What an endpoint holds now, in the units the reference shows: its main account (money in the
 * account's currency), the free units left of its plan and add-ons (data in bytes, SMS as a
 * count), its counters in their current period, and whether rating barred its data (the balance
 * exhausted, or a counter's BAR_DATA action). Kept by the usage feature ({@link BalanceSource}),
 * so every front end shows the same figures.
 */
public record Balances(MainAccount main, List<Units> units, List<CounterState> counters, boolean dataBarred,
                       List<DynamicUnits> dynamic) {

    /**
     * A non-pooled dynamic benefit's free data in its current period ({@code end} null: it does
     * not renew): {@code valueMb} given, {@code balance} left in bytes.
     */
    public record DynamicUnits(long id, String name, boolean autoRenewal, int priority, long valueMb, long balance, Instant start,
                               Instant end) {}

    /**
     * {@code balance}: null = unlimited (postpaid); {@code actual} what a prepaid one was
     * credited; {@code expiry}: the next billing date (postpaid), null for none.
     */
    public record MainAccount(boolean postpaid, BigDecimal balance, BigDecimal actual, Instant start, Instant expiry) {}

    public enum Unit { BYTES, COUNT }

    /**
     * Free units of the base plan ({@code uniqueId} null) or of an add-on subscription, in the
     * period from {@code start} to {@code expiry}.
     */
    public record Units(String service, Unit unit, long balance, long actualBalance, Plan plan, Instant start, Instant expiry,
                        Long uniqueId) {}

    /**
     * A counter of the base plan ({@code uniqueId} null, {@code addonPlan} null) or of an
     * add-on, in its current period: {@code usage} and {@code limit} in bytes (volume) or
     * messages; reset at {@code resetAt}; {@code ownThreshold}: the limit is the endpoint's own
     * (UpdateThreshold), not the plan's.
     */
    public record CounterState(Counter counter, Plan basePlan, Plan addonPlan, Long uniqueId, long usage, long limit, Instant resetAt,
                               boolean ownThreshold) {}
}
