package io.simfleet.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simfleet.catalog.CatalogModel.Benefit;
import io.simfleet.catalog.CatalogModel.Counter;
import io.simfleet.catalog.CatalogModel.Plan;
import io.simfleet.catalog.CatalogModel.PlanCategory;
import io.simfleet.catalog.CatalogModel.Tariff;
import io.simfleet.endpoint.EndpointEvent;
import io.simfleet.endpoint.EndpointStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rating without a database: free units, prices, the prepaid floor, counters per period. */
class RaterTest {
    static final long MB = Rater.MB;
    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    static Plan plan(String id, PlanCategory category, int type, List<Benefit> benefits, List<Counter> counters, String dataPrice) {
        return new Plan(1, id, id, id, category, type, 10, "2", "DATA", BigDecimal.ZERO, T0, T0.plusSeconds(1_000_000_000L), true,
                List.of(1L), "SP", benefits, counters, new Tariff(Map.of("DATA", new BigDecimal(dataPrice)), null, null, null));
    }

    static UsageRecord data(String id, Instant at, long bytes) {
        return new UsageRecord(id, "206280000000001", UsageRecord.Service.DATA, at, 60, 0, bytes, null, null, null);
    }

    static Ledger ledger(String balance) {
        return new Ledger(1, 7, new BigDecimal(balance), BigDecimal.ZERO, false, null, null);
    }

    @Test
    void addOnUnitsGoFirstThenTheBasePlansThenTheMainAccount() {
        Plan base = plan("B", PlanCategory.NORMAL, 1, List.of(new Benefit("DATA", 2)), List.of(), "0.100");
        Plan addon = plan("A", PlanCategory.ADDON, 1, List.of(new Benefit("DATA", 3)), List.of(), "0.500");
        Holdings h = new Holdings(1, 7, 1, List.of(new Holdings.PlanFrom(T0, base)),
                List.of(new Holdings.Subscription(42, addon, T0, T0.plus(java.time.Duration.ofDays(10)), null)));
        Ledger l = ledger("0");
        Rater r = new Rater(ZoneOffset.UTC, T0.plusSeconds(86400), EndpointStatus.ACTIVE, "8932");
        Rater.Rated x = r.rate(h, l, data("1", T0.plusSeconds(3600), 10 * MB), null);
        assertEquals(5 * MB, x.freeUnits(), "3 MB of the add-on, 2 of the base plan");
        assertEquals(0, new BigDecimal("0.5").compareTo(x.cost()), "5 MB at the base plan's 0.100");
        assertEquals(false, l.changed(), "postpaid: the cost is the record's, the wallet does not move");
        assertEquals(3 * MB, l.benefits.get(new Ledger.BenefitKey(42, "DATA", T0)).used);
    }

    @Test
    void aLateRecordUsesTheFreeUnitsOfItsOwnPeriod() {
        Plan addon = plan("A", PlanCategory.ADDON, 1, List.of(new Benefit("DATA", 1)), List.of(), "1");
        Plan base = plan("B", PlanCategory.NORMAL, 1, List.of(), List.of(), "1");
        Holdings h = new Holdings(1, 7, 1, List.of(new Holdings.PlanFrom(T0, base)),
                List.of(new Holdings.Subscription(42, addon, T0, T0.plus(java.time.Duration.ofDays(30)), null)));
        Ledger l = ledger("0");
        Rater r = new Rater(ZoneOffset.UTC, T0.plus(java.time.Duration.ofDays(25)), EndpointStatus.ACTIVE, "8932");
        r.rate(h, l, data("now", T0.plus(java.time.Duration.ofDays(24)), MB), null);
        Rater.Rated late = r.rate(h, l, data("late", T0.plus(java.time.Duration.ofDays(2)), MB), null);
        assertEquals(MB, late.freeUnits(), "days 0-10 are another validity period than days 20-30");
        assertEquals(2, l.benefits.size());
    }

    @Test
    void aPrepaidBalanceNeverGoesBelowZeroAndDataIsBarredOnce() {
        Plan base = plan("B", PlanCategory.NORMAL, 0, List.of(), List.of(), "0.010");
        Holdings h = new Holdings(1, 7, 0, List.of(new Holdings.PlanFrom(T0, base)), List.of());
        Ledger l = ledger("0.05");
        Rater r = new Rater(ZoneOffset.UTC, T0.plusSeconds(86400), EndpointStatus.ACTIVE, "8932");
        r.rate(h, l, data("1", T0.plusSeconds(10), 10 * MB), null);
        r.rate(h, l, data("2", T0.plusSeconds(20), 10 * MB), null);
        assertEquals(0, l.balance.signum());
        assertEquals(0, new BigDecimal("0.15").compareTo(l.shortfall));
        assertTrue(l.balanceBarred);
        assertEquals(1, r.events.stream().filter(e -> e instanceof EndpointEvent.DataBarred).count());
    }

    @Test
    void aCounterCrossesOncePerPeriodAndStartsAgainInTheNext() {
        Counter daily = new Counter("C1", "Daily_DATA", 3, "MB", "NOTIFY", "Daily", "DATA");
        Plan base = plan("B", PlanCategory.NORMAL, 1, List.of(), List.of(daily), "0");
        Holdings h = new Holdings(1, 7, 1, List.of(new Holdings.PlanFrom(T0, base)), List.of());
        Ledger l = ledger("0");
        Rater r = new Rater(ZoneOffset.UTC, T0.plus(java.time.Duration.ofDays(3)), EndpointStatus.ACTIVE, "8932");
        r.rate(h, l, data("1", T0.plusSeconds(10), 2 * MB), null);
        r.rate(h, l, data("2", T0.plusSeconds(20), 2 * MB), null);
        r.rate(h, l, data("3", T0.plusSeconds(30), 2 * MB), null);
        r.rate(h, l, data("4", T0.plus(java.time.Duration.ofDays(1)), 4 * MB), null);
        assertEquals(2, r.events.stream().filter(e -> e instanceof EndpointEvent.CounterThresholdReached).count(),
                "once on day one, once on day two");
        assertEquals(6 * MB, l.counters.get(new Ledger.CounterKey(0, "C1", T0)).usage);
    }
}
