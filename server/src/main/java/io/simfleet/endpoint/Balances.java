package io.simfleet.endpoint;

import io.simfleet.catalog.CatalogModel.Benefit;
import io.simfleet.catalog.CatalogModel.Plan;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * What an endpoint holds: its main account and the free units of its plan and add-ons, in the
 * units the reference shows (money in the account's currency, data in bytes, SMS as a count).
 * Computed by the domain so every front end shows the same figures. Until usage is rated
 * (issue 9) balances are the plans' allowances: a postpaid main account is unlimited and billed
 * on the first of each month, a prepaid one holds 0.
 */
public record Balances(MainAccount main, List<Units> units) {

    /** {@code balance} null = unlimited; {@code expiry} null = none (prepaid). */
    public record MainAccount(boolean postpaid, BigDecimal balance, Instant start, Instant expiry) {}

    public enum Unit { BYTES, COUNT }

    /** Free units of a plan ({@code start}, {@code expiry} and {@code uniqueId} null) or of an add-on subscription. */
    public record Units(String service, Unit unit, long balance, long actualBalance, Plan plan, Instant start, Instant expiry,
                        Long uniqueId) {}

    static Balances of(Endpoint e, Plan plan, List<EndpointViews.AddonSubscription> addons, Clock clock) {
        boolean postpaid = e.subscriberType() == 1;
        MainAccount main = new MainAccount(postpaid, postpaid ? null : BigDecimal.ZERO, e.planEffectiveAt(),
                postpaid ? nextBillingDate(clock) : null);
        List<Units> units = new ArrayList<>();
        if (plan != null) units.addAll(units(plan, null, null, null));
        for (EndpointViews.AddonSubscription sub : addons) {
            if (sub.plan() != null) units.addAll(units(sub.plan(), sub.start(), sub.expires(), sub.uniqueId()));
        }
        return new Balances(main, List.copyOf(units));
    }

    private static List<Units> units(Plan plan, Instant start, Instant expiry, Long uniqueId) {
        List<Units> out = new ArrayList<>();
        for (Benefit b : plan.benefits()) {
            boolean count = b.type().equals("SMS");
            long amount = count ? b.amount() : b.amount() * 1024 * 1024;
            out.add(new Units(b.type(), count ? Unit.COUNT : Unit.BYTES, amount, amount, plan, start, expiry, uniqueId));
        }
        return out;
    }

    /** Postpaid accounts are billed on the first of each month (UTC, the accounts' time zone today). */
    static Instant nextBillingDate(Clock clock) {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC)).withDayOfMonth(1).plusMonths(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
