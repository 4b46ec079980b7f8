package io.simfleet.usage;

import io.simfleet.catalog.CatalogModel.Counter;
import io.simfleet.catalog.CatalogModel.Plan;
import io.simfleet.endpoint.EndpointEvent;
import io.simfleet.endpoint.EndpointStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Rates usage records against what the endpoint held at each record's time (no database: the
 * caller loads the {@link Ledger} and writes it back). Free units first: the add-on that ends
 * first first, then the dynamic benefit's (its own, or the account's pool), the base plan's last; the rest costs the plan's price of the service in the
 * visited network's roaming zone, taken from a prepaid main account (never below zero: what it
 * cannot take is the shortfall); a postpaid one's cost is its records' (summed by the daily
 * aggregates). Counters count every
 * record; a period's crossing of the threshold applies the counter's action once.
 */
final class Rater {
    static final long MB = 1024L * 1024L;
    private static final BigDecimal MB_DECIMAL = BigDecimal.valueOf(MB);

    /** A record with its rating. */
    record Rated(UsageRecord record, long endpointId, LocalDate day, String zone, long freeUnits, BigDecimal cost) {}

    private final ZoneId zone;
    private final Instant now;
    private final EndpointStatus status;
    private final String iccid;
    final List<EndpointEvent> events = new ArrayList<>();

    /** The pooled benefits' periods of the account, locked by the caller (empty: none). */
    private final java.util.Map<Ledger.PoolKey, Ledger.BenefitRow> pools;

    Rater(ZoneId zone, Instant now, EndpointStatus status, String iccid) {
        this(zone, now, status, iccid, new java.util.HashMap<>());
    }

    Rater(ZoneId zone, Instant now, EndpointStatus status, String iccid, java.util.Map<Ledger.PoolKey, Ledger.BenefitRow> pools) {
        this.zone = zone;
        this.now = now;
        this.status = status;
        this.iccid = iccid;
        this.pools = pools;
    }

    /** The period of a dynamic benefit holding {@code t}: the calendar month, or all time when it does not renew. */
    static Instant dynamicPeriod(Holdings.Dynamic d, Instant t, ZoneId zone) {
        return d.renews() ? Periods.month(t, zone).start() : Instant.EPOCH;
    }

    Rated rate(Holdings h, Ledger l, UsageRecord r, String roamingZone) {
        Instant t = r.startedAt();
        Plan plan = h.planAt(t);
        String type = r.service().benefit();
        long amount = r.amount();

        // 1. free units: add-ons holding at t, the dynamic benefit's, then the base plan's of the billing month
        long need = amount, free = 0;
        List<Holdings.Subscription> addons = h.addonsAt(t);
        for (Holdings.Subscription s : addons) {
            if (need == 0) break;
            Periods.Period p = Periods.validity(s.start(), s.plan().validityDays(), t);
            long actual = firstPeriod(s, p) && s.adjusted() != null && s.adjusted().containsKey(type)
                    ? s.adjusted().get(type) : units(s.plan(), type);
            long taken = take(l, new Ledger.BenefitKey(s.uniqueId(), type, p.start()), actual, need);
            need -= taken;
            free += taken;
        }
        Holdings.Dynamic d = h.dynamic();
        if (need > 0 && d != null && r.service() == UsageRecord.Service.DATA && d.dataMb() > 0 && d.covers(r.visitedMccMnc())) {
            Instant period = dynamicPeriod(d, t, zone);
            long taken;
            if (d.pooled()) {
                Ledger.BenefitRow pool = pools.computeIfAbsent(new Ledger.PoolKey(d.id(), period), k -> new Ledger.BenefitRow(d.dataMb() * MB, 0));
                taken = Math.min(Math.max(pool.left(), 0), need);
                if (taken > 0) {
                    pool.used += taken;
                    pool.dirty = true;
                }
            } else {
                taken = take(l, new Ledger.BenefitKey(-d.id(), type, period), d.dataMb() * MB, need);
            }
            need -= taken;
            free += taken;
        }
        if (need > 0 && plan != null && plan.benefit(type) > 0) {
            long taken = take(l, new Ledger.BenefitKey(0, type, Periods.month(t, zone).start()), units(plan, type), need);
            need -= taken;
            free += taken;
        }

        // 2. the rest at the plan's price
        BigDecimal units = r.service().volume()
                ? BigDecimal.valueOf(need).divide(MB_DECIMAL, 10, RoundingMode.HALF_UP) : BigDecimal.valueOf(need);
        BigDecimal price = plan == null ? BigDecimal.ZERO : plan.tariff().price(r.service().name(), roamingZone);
        BigDecimal cost = units.multiply(price).setScale(5, RoundingMode.HALF_UP);
        if (h.prepaid()) {
            BigDecimal taken = cost.min(l.balance);
            l.balance = l.balance.subtract(taken);
            BigDecimal missing = cost.subtract(taken);
            l.shortfall = l.shortfall.add(missing);
            boolean exhausted = missing.signum() > 0 || (l.balance.signum() == 0 && cost.signum() > 0);
            if (exhausted && r.service().volume() && !l.balanceBarred) {
                l.balanceBarred = true;
                events.add(new EndpointEvent.DataBarred(status, iccid, "BALANCE_EXHAUSTED"));
            }
        }
        // postpaid: the cost accumulates in the daily aggregates, with the record

        // 3. counters of the base plan and of the add-ons holding at t
        if (plan != null) count(l, plan, 0, Periods.month(t, zone), r, amount);
        for (Holdings.Subscription s : addons) {
            count(l, s.plan(), s.uniqueId(), Periods.validity(s.start(), s.plan().validityDays(), t), r, amount);
        }
        return new Rated(r, h.endpointId(), LocalDate.ofInstant(t, zone), roamingZone, free, cost);
    }

    private static boolean firstPeriod(Holdings.Subscription s, Periods.Period p) {
        return p.start().equals(s.start());
    }

    /** A plan's free units of a benefit type: bytes for DATA and NBIOT (given in MB), a count for SMS. */
    static long units(Plan plan, String type) {
        long n = plan.benefit(type);
        return type.equals("SMS") ? n : n * MB;
    }

    private static long take(Ledger l, Ledger.BenefitKey key, long actual, long need) {
        Ledger.BenefitRow row = l.benefits.computeIfAbsent(key, k -> new Ledger.BenefitRow(actual, 0));
        long taken = Math.min(Math.max(row.left(), 0), need);
        if (taken > 0) {
            row.used += taken;
            row.dirty = true;
        }
        return taken;
    }

    /**
     * Adds the record to the counters of {@code plan} held as {@code uniqueId} (0: the base plan)
     * whose service it is, and applies the action of each whose period's usage crosses its threshold.
     */
    private void count(Ledger l, Plan plan, long uniqueId, Periods.Period validity, UsageRecord r, long amount) {
        for (Counter c : plan.counters()) {
            if (!c.service().equals(r.service().benefit())) continue;
            Periods.Period p = Periods.counter(c.frequency(), r.startedAt(), zone, validity);
            Ledger.CounterRow row = l.counters.computeIfAbsent(new Ledger.CounterKey(uniqueId, c.counterId(), p.start()),
                    k -> new Ledger.CounterRow(0, null));
            long before = row.usage;
            row.usage += amount;
            row.dirty = true;
            long threshold = threshold(l, plan, uniqueId, c);
            if (threshold > 0 && before < threshold && row.usage >= threshold && row.firedAt == null) {
                row.firedAt = now;
                events.add(new EndpointEvent.CounterThresholdReached(status, iccid, c.counterId(), c.name(), uniqueId, c.action(),
                        row.usage, threshold, c.counts() ? "COUNT" : "BYTES", p.end()));
                if (c.action().equals("BAR_DATA") && p.end().isAfter(now)) {
                    boolean wasBarred = l.dataBarredAt(now);
                    if (l.counterBarUntil == null || l.counterBarUntil.isBefore(p.end())) {
                        l.counterBarId = c.counterId();
                        l.counterBarUntil = p.end();
                    }
                    if (!wasBarred) events.add(new EndpointEvent.DataBarred(status, iccid, c.counterId()));
                }
            }
        }
    }

    /** A counter's threshold in bytes (volume) or messages: the endpoint's own (UpdateThreshold, MB), else the plan's. */
    static long threshold(Ledger l, Plan plan, long uniqueId, Counter c) {
        Long own = l.thresholdsMb.get(new Ledger.ThresholdKey(uniqueId, c.counterId()));
        if (own != null) return own * MB;
        switch (c.thresholdUnit()) {
            case "COUNT":
                return c.thresholdValue();
            case "PERCENT":
                return units(plan, c.service()) * c.thresholdValue() / 100;
            default:
                return c.thresholdValue() * MB;
        }
    }
}
