package io.simfleet.sftapi;

import static io.simfleet.sftapi.Sft.obj;

import io.simfleet.catalog.CatalogModel.Counter;
import io.simfleet.endpoint.Balances;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/** How balances and usage are written on the wire: counters, volumes in MB and money with 3 decimals, cents. */
final class UsageWire {
    private static final BigDecimal MB = BigDecimal.valueOf(1024L * 1024L);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private UsageWire() {}

    /** A volume in bytes as MB with 3 decimals ("6.002"), as GetStatistics writes them. */
    static String mb(long bytes) {
        return BigDecimal.valueOf(bytes).divide(MB, 3, RoundingMode.HALF_UP).toPlainString();
    }

    /** An amount of money with 3 decimals. */
    static String money3(BigDecimal amount) {
        return amount.setScale(3, RoundingMode.HALF_UP).toPlainString();
    }

    /** A main account balance in cents, as the reference writes it ("12056.2305"); null is "UNLIMITED". */
    static String cents(BigDecimal amount) {
        if (amount == null) return "UNLIMITED";
        BigDecimal c = amount.multiply(HUNDRED).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
        return c.scale() < 0 ? c.setScale(0).toPlainString() : c.toPlainString();
    }

    /**
     * A counter as the profile, SubscribeAddon and GetEndpointAddonDetails show it: {@code usage}
     * in the threshold's unit (MB with 3 decimals, or messages), {@code limit} in bytes or
     * messages, the endpoint's own threshold (UpdateThreshold) in MB when it has one.
     */
    static Map<String, Object> counter(Balances.CounterState s) {
        Counter c = s.counter();
        boolean own = s.ownThreshold();
        String unit = own ? "MB" : c.thresholdUnit();
        return obj(
                "counterId", c.counterId(),
                "counterName", c.name(),
                "usage", c.counts() ? Long.toString(s.usage()) : mb(s.usage()),
                "limit", Long.toString(s.limit()),
                "action", c.action(),
                "planName", s.basePlan() == null ? null : s.basePlan().name(),
                "thresholdUnit", unit,
                "thresholdValue", own ? Long.toString(s.limit() / (1024L * 1024L)) : Long.toString(c.thresholdValue()),
                "frequency", c.frequency(),
                "factor", "1",
                "resetDate", Sft.format(s.resetAt()),
                "planId", s.basePlan() == null ? null : s.basePlan().id(),
                "addonPlanId", s.addonPlan() == null ? null : s.addonPlan().id(),
                "addonPlanName", s.addonPlan() == null ? null : s.addonPlan().name(),
                "addonUniqueId", s.uniqueId() == null ? null : s.uniqueId().toString());
    }
}
