package io.simfleet.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The catalog's value types. Ids are the SFT ones: {@code PDP_1108}, {@code SP_319}, 358, {@code DEFAULTPOST41078552}. */
public final class CatalogModel {
    private CatalogModel() {}

    public record ApnGroup(long accountId, String id, String name, String defaultApn, List<String> apns) {}

    public record Feature(String featureId, String featureName, String columnName, String featureHLRName,
                          String type, String defaultFeatures, String value) {}

    public record ServiceProfile(long accountId, String id, String name, String serviceCategory, String networkTypeId,
                                 String services, String accessVariantId, String ratType, List<Feature> features) {
        /** Services as SFT names (DATA, SMS_MO, SMS_MT, NB-IOT) from the profile's enabled features. */
        public boolean hasFeature(String featureName) {
            return features.stream().anyMatch(f -> featureName.equals(f.featureName()) && "true".equals(f.value()));
        }
    }

    /**
     * A network of a roaming profile. {@code categoryGroupId} is the sponsor's category (IR1..IR4);
     * {@code barred}: barred in this profile, with {@code barredRats} (2G, 3G, 4G, NBIOT, '|'
     * separated; empty: none); {@code networkTypes} it supports; {@code supplierPriority} 1..3, or
     * B (bootstrap only), null when not given.
     */
    public record Network(String operatorId, String operatorName, String categoryGroupId, String tadigCode,
                          String countryName, String mccMnc, Boolean barred, String barredRats, String networkTypes,
                          String supplierPriority) {
        public Network {
            if (barred == null) barred = Boolean.FALSE;
            if (barredRats == null) barredRats = "";
            if (networkTypes == null) networkTypes = "2G|3G|4G";
        }

        public Network(String operatorId, String operatorName, String categoryGroupId, String tadigCode, String countryName,
                       String mccMnc) {
            this(operatorId, operatorName, categoryGroupId, tadigCode, countryName, mccMnc, false, "", "2G|3G|4G", null);
        }

        /** The MCC-MNCs of the network (some have several). */
        public List<String> mccMncs() {
            return java.util.Arrays.stream(mccMnc.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
    }

    public record RoamingProfile(long accountId, long id, String name, boolean test, List<Network> networks) {}

    public enum PlanCategory { NORMAL, ADDON, TEST, INVENTORY }

    /** A benefit granted by a plan: DATA and NBIOT in MB, SMS as a count. */
    public record Benefit(String type, long amount) {}

    /**
     * A plan's service ids and names as the walkthrough pairs them ({@code 9|2} with
     * {@code SMS|DATA}): SMS (9) for SMS benefits, DATA (2) for data and NB-IoT ones; both for a
     * plan without benefits.
     */
    public record PlanServices(String ids, String names) {
        public static PlanServices of(List<Benefit> benefits) {
            List<String> names = benefits.isEmpty() ? List.of("SMS", "DATA")
                    : benefits.stream().map(b -> b.type().equals("SMS") ? "SMS" : "DATA").distinct()
                            .sorted(java.util.Comparator.reverseOrder()).toList();
            return new PlanServices(String.join("|", names.stream().map(n -> n.equals("SMS") ? "9" : "2").toList()),
                    String.join("|", names));
        }
    }

    /**
     * A usage counter of a plan: {@code service}'s usage (DATA, NBIOT: volume in bytes; SMS:
     * messages) in each {@code frequency} period (Daily, Monthly; Validity: the add-on's validity
     * period, or the billing month for a base plan), with a threshold in {@code thresholdUnit}
     * (MB, COUNT, or PERCENT of the plan's free units of the service) and the {@code action}
     * applied when usage crosses it (NOTIFY, BAR_DATA, THROTTLE_&lt;rate&gt;: docs/usage.md).
     */
    public record Counter(String counterId, String name, long thresholdValue, String thresholdUnit, String action,
                          String frequency, String service) {
        public static final List<String> FREQUENCIES = List.of("Daily", "Monthly", "Validity");
        public static final List<String> UNITS = List.of("MB", "COUNT", "PERCENT");

        public Counter {
            if (frequency == null) frequency = "Monthly";
            if (thresholdUnit == null) thresholdUnit = "MB";
            if (service == null) service = "COUNT".equals(thresholdUnit) ? "SMS" : "DATA";
            if (action == null) action = "NOTIFY";
        }

        public Counter(String name, long thresholdValue, String thresholdUnit, String action) {
            this(null, name, thresholdValue, thresholdUnit, action, null, null);
        }

        public Counter withId(String id) {
            return new Counter(id, name, thresholdValue, thresholdUnit, action, frequency, service);
        }

        /** Whether the counter counts messages (else bytes). */
        public boolean counts() {
            return service.equals("SMS");
        }
    }

    /**
     * A plan's prices in the account's currency: per MB for DATA and NBIOT, per message for
     * SMS_MO and SMS_MT; {@code zones} overrides them per roaming zone (IR1..IR4, the visited
     * network's category in the endpoint's roaming profile). {@code initialBalance}: a prepaid
     * main account's credit when the endpoint gets the plan. {@code renews}: whether an add-on
     * renews at the end of its validity (else it expires).
     */
    public record Tariff(java.util.Map<String, BigDecimal> prices, java.util.Map<String, java.util.Map<String, BigDecimal>> zones,
                         BigDecimal initialBalance, Boolean renews) {
        public static final List<String> SERVICES = List.of("DATA", "NBIOT", "SMS_MO", "SMS_MT");
        /** The prices of a plan that names none (docs/usage.md). */
        public static final java.util.Map<String, BigDecimal> STANDARD = java.util.Map.of(
                "DATA", new BigDecimal("0.010"), "NBIOT", new BigDecimal("0.005"),
                "SMS_MO", new BigDecimal("0.050"), "SMS_MT", BigDecimal.ZERO);
        public static final Tariff NONE = new Tariff(null, null, null, null);

        public Tariff {
            prices = prices == null ? java.util.Map.of() : java.util.Map.copyOf(prices);
            zones = zones == null ? java.util.Map.of() : java.util.Map.copyOf(zones);
            if (initialBalance == null) initialBalance = BigDecimal.ZERO;
            if (renews == null) renews = Boolean.TRUE;
        }

        /** The price of one unit (MB or message) of {@code service} in {@code zone} (null: home or unknown). */
        public BigDecimal price(String service, String zone) {
            if (zone != null) {
                java.util.Map<String, BigDecimal> z = zones.get(zone);
                if (z != null && z.get(service) != null) return z.get(service);
            }
            BigDecimal p = prices.get(service);
            return p != null ? p : STANDARD.getOrDefault(service, BigDecimal.ZERO);
        }
    }

    public record Plan(long accountId, String id, String name, String description, PlanCategory category,
                       int planType, int validityDays, String serviceIds, String serviceNames, BigDecimal amount,
                       Instant effectiveAt, Instant expiresAt, boolean active, List<Long> roamingProfileIds,
                       String serviceProfileId, List<Benefit> benefits, List<Counter> counters, Tariff tariff) {
        public Plan {
            if (tariff == null) tariff = Tariff.NONE;
        }

        public Plan(long accountId, String id, String name, String description, PlanCategory category,
                    int planType, int validityDays, String serviceIds, String serviceNames, BigDecimal amount,
                    Instant effectiveAt, Instant expiresAt, boolean active, List<Long> roamingProfileIds,
                    String serviceProfileId, List<Benefit> benefits, List<Counter> counters) {
            this(accountId, id, name, description, category, planType, validityDays, serviceIds, serviceNames, amount,
                    effectiveAt, expiresAt, active, roamingProfileIds, serviceProfileId, benefits, counters, null);
        }

        /** The free units of {@code service} (DATA, NBIOT in MB; SMS as a count); 0 when none. */
        public long benefit(String service) {
            return benefits.stream().filter(b -> b.type().equals(service)).mapToLong(Benefit::amount).sum();
        }

        public String planTypeName() {
            return planType == 0 ? "Prepaid" : "Postpaid";
        }

        public Plan withServices(PlanServices s) {
            return new Plan(accountId, id, name, description, category, planType, validityDays, s.ids(), s.names(), amount,
                    effectiveAt, expiresAt, active, roamingProfileIds, serviceProfileId, benefits, counters, tariff);
        }
    }

    public record DynamicBenefit(long accountId, long id, String name, boolean pooled, int priority,
                                 List<Long> roamingProfileIds, long dataMb, boolean autoRenewal) {}

    public record ValueAddedFeature(long accountId, String id, String name) {}

    public record SimProduct(long id, String name, String cardClass) {}

    public record Tag(long accountId, long id, String name, String description) {}
}
