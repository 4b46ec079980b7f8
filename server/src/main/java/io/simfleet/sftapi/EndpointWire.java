package io.simfleet.sftapi;

import static io.simfleet.sftapi.Sft.obj;

import io.simfleet.account.Account;
import io.simfleet.account.AccountService;
import io.simfleet.catalog.CatalogModel.Plan;
import io.simfleet.catalog.CatalogModel.RoamingProfile;
import io.simfleet.catalog.CatalogModel.ServiceProfile;
import io.simfleet.catalog.CatalogModel.Tag;
import io.simfleet.endpoint.Balances;
import io.simfleet.endpoint.Endpoint;
import io.simfleet.endpoint.EndpointStatus;
import io.simfleet.endpoint.EndpointViews.ListItem;
import io.simfleet.endpoint.EndpointViews.Profile;
import io.simfleet.privatenet.Membership;
import io.simfleet.sim.Sim;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Endpoint read models written in SFT's field names. */
@Component
class EndpointWire {
    static final String FOREVER = "31/12/2099 00:00:00";
    private final AccountService accounts;

    EndpointWire(AccountService accounts) {
        this.accounts = accounts;
    }

    String accountName(long accountId) {
        return accounts.get(accountId).name();
    }

    Map<String, Object> listItem(ListItem item) {
        Endpoint e = item.endpoint();
        Sim s = item.sim();
        return obj(
                "status", e.status().code(),
                "id", e.id(),
                "name", e.name(),
                "iccid", s == null ? null : s.iccid(),
                "imei", e.imei(),
                "msisdn", s == null ? "" : s.msisdn(),
                "imsi", s == null ? null : s.masterImsi(),
                "type", e.subscriberType(),
                "eid", s == null ? null : dash(s.eid()),
                "imeiLockStatus", e.imeiLocked() ? "LOCK" : "UNLOCK",
                "tagIdList", item.tags().isEmpty() ? null : tags(item.tags()),
                // our addition: the private-network view (docs/network.md)
                "provisioningStateId", item.network().provisioningState().id(),
                "provisioningState", item.network().provisioningState().displayName(),
                "networkStateId", item.network().networkState().id(),
                "networkState", item.network().networkState().displayName(),
                "endpointGroupId", item.network().membership() == null ? null : item.network().membership().groupId(),
                "staticIP", item.network().membership() == null ? null : item.network().membership().ipAddress());
    }

    static List<Map<String, Object>> tags(List<Tag> tags) {
        return tags.stream().map(t -> obj("tagName", t.name(), "tagId", t.id(), "tagDescription", t.description())).toList();
    }

    /** GetEndPointProfile's {@code info}: basic info, benefits, add-ons, features and tags. */
    Map<String, Object> profile(Profile p) {
        return obj(
                "basicInfo", basicInfo(p),
                "benefitInfo", obj("benefit", benefits(p.balances()), "dynamicBenefitsDetails",
                        p.balances().dynamic().isEmpty() ? null : p.balances().dynamic().stream().map(EndpointWire::dynamic).toList()),
                "PromotionalPlans", p.addons().isEmpty() ? null : obj("plan", promotionalPlans(p)),
                "counter", p.balances().counters().isEmpty() ? null : p.balances().counters().stream().map(UsageWire::counter).toList(),
                "valueAddedFeatureIds", p.valueAddedFeatureIds().isEmpty() ? null : p.valueAddedFeatureIds(),
                "tagIdList", p.tags().isEmpty() ? null : tags(p.tags()));
    }

    /** The roaming profiles shown: the endpoint's, and the TEST one while it is in Active-Test. */
    private static List<RoamingProfile> roamingShown(Profile p) {
        List<RoamingProfile> roaming = new ArrayList<>(p.roamingProfiles());
        if (p.endpoint().status() == EndpointStatus.ACTIVE_TEST && p.testRoamingProfile() != null) {
            roaming.add(p.testRoamingProfile());
        }
        return roaming;
    }

    /** {@code basicInfo}: the endpoint, its SIM, plan, account, APN group and services, in the reference's order. */
    private Map<String, Object> basicInfo(Profile p) {
        Endpoint e = p.endpoint();
        Sim s = p.sim();
        Account a = p.account();
        Plan plan = p.plan();
        ServiceProfile sp = p.serviceProfile();
        boolean oemState = e.status().oem();
        boolean inTest = e.status() == EndpointStatus.ACTIVE_TEST && p.testRoamingProfile() != null;
        List<RoamingProfile> roaming = roamingShown(p);
        Balances.MainAccount main = p.balances().main();
        boolean postpaid = main.postpaid();
        Membership m = p.network().membership();
        return obj(
                "msisdn", s == null ? null : s.msisdn(),
                "maBalance", UsageWire.cents(main.balance()),
                "creationDate", Sft.format(e.createdAt()),
                "currentStatus", e.status().code(),
                "currentStatusName", e.status().displayName(),
                "ocExpiryDate", plan == null ? FOREVER : Sft.format(plan.expiresAt()),
                "planId", e.planId(),
                "planName", plan == null ? null : plan.name(),
                "imsi", s == null ? null : s.masterImsi(),
                "subscriberType", e.subscriberType(),
                "subscriberTypeName", postpaid ? "Postpaid" : "Prepaid",
                "creditLimit", e.monthlyLimit() == null ? "UNLIMITED" : e.monthlyLimit().toPlainString(),
                "parentEntityId", a.id(),
                "nextBillingDate", main.expiry() == null ? null : Sft.format(main.expiry()),
                "planEffectiveDate", Sft.format(e.planEffectiveAt()),
                "planExpiryDate", plan == null ? FOREVER : Sft.format(plan.expiresAt()),
                "currencyId", a.currencyId(),
                "currencyType", a.currency(),
                "tierId", "5",
                "apn", p.apnGroup() == null ? null : String.join("|", p.apnGroup().apns()),
                "roamingProfileId", roaming.stream().map(r -> Long.toString(r.id())).collect(Collectors.joining("|")),
                "roamingProfileName", roaming.stream().map(RoamingProfile::name).collect(Collectors.joining("|")),
                "pdpProfileName", p.apnGroup() == null ? null : p.apnGroup().name(),
                "customerExpiryDate", FOREVER,
                "timeZoneId", timeZoneId(RequestContext.zone()),
                "timeZoneName", RequestContext.zone().getId(),
                "iccid", s == null ? null : s.iccid(),
                "ratType", sp == null ? null : sp.ratType(),
                "ratTypeName", sp == null ? null : ratTypeName(sp.ratType()),
                "name", e.name(),
                "endPointId", e.id(),
                "apnGroupId", e.apnGroupId(),
                "currentActiveImsi", s == null ? null : s.masterImsi(),
                "simStatus", s == null ? null : s.status().displayName(),
                "endpointStatus", e.status().displayName(),
                "lastSimStateChangeDateTime", Sft.format(e.lastSimStateChangeAt()),
                "enterpriseAccountStatus", a.active() ? "Enabled" : "Disabled",
                "enterpriseDataService", service(sp, "DATA"),
                "enterpriseSMSService", sp != null && (sp.hasFeature("SMS_MO") || sp.hasFeature("SMS_MT")) ? "Active" : "Disabled",
                "enterpriseNbiotService", service(sp, "NB-IOT"),
                "simType", s == null ? null : (s.eid() != null ? "eUICC" : "UICC"),
                "simManufacture", s == null ? null : "Valid",
                "readyForSms", sp != null && sp.hasFeature("SMS_MT") ? "Yes" : "No",
                "dependendRatType", sp == null ? null : dependentRatTypes(sp.ratType()),
                "benefits", p.dynamicBenefit() == null ? null : p.dynamicBenefit().name() + (p.dynamicBenefit().pooled() ? " - pooled" : " - non-pooled"),
                "benefitIds", p.dynamicBenefit() == null ? null : p.dynamicBenefit().id(),
                "imei", e.imei(),
                "imeiLockStatus", e.imeiLocked() ? "LOCK" : "UNLOCK",
                "eid", s == null ? null : dash(s.eid()),
                "testPlanName", oemState && p.testPlan() != null ? p.testPlan().name() : null,
                "testPlanId", oemState && p.testPlan() != null ? p.testPlan().id() : null,
                "inventoryPlanName", oemState && p.inventoryPlan() != null ? p.inventoryPlan().name() : null,
                "inventoryPlanId", oemState && p.inventoryPlan() != null ? p.inventoryPlan().id() : null,
                "testRoamingProfileName", inTest ? p.testRoamingProfile().name() : null,
                "testRoamingProfileId", inTest ? p.testRoamingProfile().id() : null,
                "blacklistedNetworks", p.blacklistedNetworks() ? "Yes" : "No",
                "barredServices", barred(e, p.balances()),
                // the reference's optional staticIP, and our additions of the private network (docs/network.md)
                "staticIP", m == null ? null : m.ipAddress(),
                "endpointGroupId", m == null ? null : m.groupId(),
                "endpointGroupName", m == null ? null : m.groupName(),
                "vSliceId", m == null ? null : m.vSliceId(),
                "vSliceName", m == null ? null : m.vSliceName(),
                "provisioningStateId", p.network().provisioningState().id(),
                "provisioningState", p.network().provisioningState().displayName(),
                "networkStateId", p.network().networkState().id(),
                "networkState", p.network().networkState().displayName());
    }

    /** {@code dynamicBenefitsDetails}: a non-pooled dynamic benefit (category 2), its DATA benefit (1) with the balance in bytes. */
    private static Map<String, Object> dynamic(Balances.DynamicUnits d) {
        return obj("name", d.name(), "category", "2", "dynamicBenefitsId", Long.toString(d.id()),
                "autoRenewal", Boolean.toString(d.autoRenewal()), "activationTime", Sft.format(d.start()),
                "expiryTime", d.end() == null ? "-" : Sft.format(d.end()), "priority", Integer.toString(d.priority()),
                "benefitList", List.of(obj("benefitId", Long.toString(d.id()), "benefit", "1", "value", Long.toString(d.valueMb()),
                        "priority", Integer.toString(d.priority()), "balance", Long.toString(d.balance()))));
    }

    /** The services barred by Modify, and DATA while rating bars it (balance exhausted, a counter's BAR_DATA). */
    private static String barred(Endpoint e, Balances b) {
        java.util.LinkedHashSet<String> barred = new java.util.LinkedHashSet<>(e.barredServices());
        if (b.dataBarred()) barred.add("DATA");
        return barred.isEmpty() ? "-" : String.join("|", barred);
    }

    /** {@code benefitInfo.benefit}: the main account, then the free units of each add-on. */
    private static List<Map<String, Object>> benefits(Balances balances) {
        Balances.MainAccount main = balances.main();
        boolean postpaid = main.postpaid();
        List<Map<String, Object>> benefits = new ArrayList<>();
        benefits.add(obj("id", postpaid ? "PostpaidMA" : "PrepaidMA", "name", postpaid ? "Postpaid Main Account" : "Prepaid Main Account",
                "startDate", Sft.format(main.start()), "expiryDate", main.expiry() == null ? "-" : Sft.format(main.expiry()),
                "balance", UsageWire.cents(main.balance()), "unitType", "MONEY", "type", "Main Account",
                "actualBalance", UsageWire.cents(main.actual())));
        balances.units().forEach(u -> benefits.add(units(u)));
        return benefits;
    }

    /** {@code PromotionalPlans.plan}: the add-ons the endpoint holds. */
    private static List<Map<String, Object>> promotionalPlans(Profile p) {
        return p.addons().stream().map(sub -> obj(
                "planId", sub.plan() == null ? null : sub.plan().id(),
                "planName", sub.plan() == null ? null : sub.plan().name(),
                "planServiceId", sub.plan() == null ? null : sub.plan().serviceIds(),
                "planServiceName", sub.plan() == null ? null : sub.plan().serviceNames(),
                "planStartDate", Sft.format(sub.start()),
                "planExpiryDate", Sft.format(sub.expires()),
                "uniqueId", sub.uniqueId())).toList();
    }

    /** A benefit row of the reference: SMS counts (id 6, "Count"), data in bytes (id 5, unit type "Mb" as SFT writes it). */
    static Map<String, Object> units(Balances.Units u) {
        boolean count = u.unit() == Balances.Unit.COUNT;
        Plan plan = u.plan();
        return obj("id", count ? "6" : "5", "name", u.service(), "startDate", u.start() == null ? "-" : Sft.format(u.start()),
                "expiryDate", u.expiry() == null ? "-" : Sft.format(u.expiry()), "balance", u.balance(),
                "unitType", count ? "Count" : "Mb", "type", "ADDON-ACCOUNT (FREE)", "actualBalance", u.actualBalance(),
                "planId", plan.id(), "planName", plan.name(), "planCategory", plan.category().name(), "uniqueId", u.uniqueId());
    }

    private static String service(ServiceProfile sp, String feature) {
        return sp != null && sp.hasFeature(feature) ? "Active" : "Disabled";
    }

    /**
     * SFT's numeric time zone ids where the reference shows them (299 UTC, 298 Europe/Belgrade);
     * for any other zone its IANA name, as GetTimeZone is not served.
     */
    static String timeZoneId(java.time.ZoneId zone) {
        return switch (zone.getId()) {
            case "UTC", "Z", "Etc/UTC" -> "299";
            case "Europe/Belgrade" -> "298";
            default -> zone.getId();
        };
    }

    static String ratTypeName(String rat) {
        return switch (rat) {
            case "01" -> "2G/3G";
            case "02" -> "2G";
            case "06" -> "2G/3G/4G";
            case "10" -> "2G/3G/4G/5G";
            default -> rat;
        };
    }

    private static String dependentRatTypes(String rat) {
        return switch (rat) {
            case "02" -> "02";
            case "01" -> "02|01";
            case "06" -> "02|01|06";
            default -> "02|01|06|10";
        };
    }

    static String dash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }
}
