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

    public record Network(String operatorId, String operatorName, String categoryGroupId, String tadigCode,
                          String countryName, String mccMnc) {}

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

    public record Counter(String name, long thresholdValue, String thresholdUnit, String action) {}

    public record Plan(long accountId, String id, String name, String description, PlanCategory category,
                       int planType, int validityDays, String serviceIds, String serviceNames, BigDecimal amount,
                       Instant effectiveAt, Instant expiresAt, boolean active, List<Long> roamingProfileIds,
                       String serviceProfileId, List<Benefit> benefits, List<Counter> counters) {
        public String planTypeName() {
            return planType == 0 ? "Prepaid" : "Postpaid";
        }

        public Plan withServices(PlanServices s) {
            return new Plan(accountId, id, name, description, category, planType, validityDays, s.ids(), s.names(), amount,
                    effectiveAt, expiresAt, active, roamingProfileIds, serviceProfileId, benefits, counters);
        }
    }

    public record DynamicBenefit(long accountId, long id, String name, boolean pooled, int priority,
                                 List<Long> roamingProfileIds, long dataMb, boolean autoRenewal) {}

    public record ValueAddedFeature(long accountId, String id, String name) {}

    public record SimProduct(long id, String name, String cardClass) {}

    public record Tag(long accountId, long id, String name, String description) {}
}
