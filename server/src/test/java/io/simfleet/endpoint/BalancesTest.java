package io.simfleet.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.simfleet.catalog.CatalogModel.Benefit;
import io.simfleet.catalog.CatalogModel.Plan;
import io.simfleet.catalog.CatalogModel.PlanCategory;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The balance view the profile shows, computed by the domain (no Spring, no database). */
class BalancesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:15:00Z"), ZoneOffset.UTC);
    private static final Instant T = Instant.parse("2026-11-01T00:00:00Z");

    private static Endpoint endpoint(int subscriberType) {
        return new Endpoint(1, 51368592, "tracker 01", EndpointStatus.ACTIVE, subscriberType, "P", "PDP_1", List.of(10L), null,
                null, false, null, T, T, T, T, 0, List.of(), null);
    }

    private static Plan plan(String id, PlanCategory category, List<Benefit> benefits) {
        return new Plan(1, id, id, "", category, 1, 30, "9|2", "SMS|DATA", BigDecimal.ONE, null, null, true,
                List.of(10L), "SP_1", benefits, List.of());
    }

    @Test
    void aPostpaidMainAccountIsUnlimitedAndBilledOnTheFirstOfNextMonth() {
        Balances b = Balances.of(endpoint(1), plan("P", PlanCategory.NORMAL, List.of()), List.of(), CLOCK);
        assertEquals(true, b.main().postpaid());
        assertNull(b.main().balance(), "unlimited");
        assertEquals(Instant.parse("2026-12-01T00:00:00Z"), b.main().expiry());
        assertEquals(T, b.main().start());
    }

    @Test
    void aPrepaidMainAccountHoldsZeroAndNoBillingDate() {
        Balances b = Balances.of(endpoint(0), null, List.of(), CLOCK);
        assertEquals(0, BigDecimal.ZERO.compareTo(b.main().balance()));
        assertNull(b.main().expiry());
        assertEquals(List.of(), b.units());
    }

    @Test
    void freeUnitsAreDataInBytesAndSmsAsACountForThePlanAndEachAddOn() {
        Plan base = plan("P", PlanCategory.NORMAL, List.of(new Benefit("DATA", 5), new Benefit("SMS", 10)));
        Plan addon = plan("A", PlanCategory.ADDON, List.of(new Benefit("DATA", 1)));
        Instant start = Instant.parse("2026-11-20T00:00:00Z"), end = Instant.parse("2026-12-20T00:00:00Z");
        Balances b = Balances.of(endpoint(1), base, List.of(new EndpointViews.AddonSubscription(7, addon, start, end)), CLOCK);
        assertEquals(3, b.units().size());
        Balances.Units data = b.units().get(0);
        assertEquals(Balances.Unit.BYTES, data.unit());
        assertEquals(5L * 1024 * 1024, data.balance());
        assertNull(data.uniqueId());
        assertEquals(Balances.Unit.COUNT, b.units().get(1).unit());
        assertEquals(10, b.units().get(1).balance());
        Balances.Units extra = b.units().get(2);
        assertEquals(1024 * 1024, extra.balance());
        assertEquals(7L, extra.uniqueId());
        assertEquals(end, extra.expiry());
        assertEquals("A", extra.plan().id());
    }

    @Test
    void theBillingDateRollsOverTheYear() {
        Clock december = Clock.fixed(Instant.parse("2026-12-31T23:59:59Z"), ZoneOffset.UTC);
        assertEquals(Instant.parse("2027-01-01T00:00:00Z"), Balances.nextBillingDate(december));
    }
}
