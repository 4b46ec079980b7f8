package io.simfleet.endpoint;

import io.simfleet.account.Account;
import io.simfleet.catalog.CatalogModel.DynamicBenefit;
import io.simfleet.catalog.CatalogModel.Plan;
import io.simfleet.catalog.CatalogModel.PlanCategory;
import io.simfleet.catalog.CatalogModel.RoamingProfile;
import io.simfleet.catalog.CatalogModel.ValueAddedFeature;
import io.simfleet.catalog.CatalogService;
import io.simfleet.common.DomainException;
import io.simfleet.common.ResultCode;
import io.simfleet.endpoint.EndpointLifecycle.Operation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The parameter rules shared by Create, Modify, Roaming Profile and Plan Change (and the bulk calls). */
@Component
class EndpointRules {
    static final int MAX_TAGS = 10;
    static final int MAX_ADDONS = 15;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9 :_]{5,30}");
    private static final Pattern IMEI = Pattern.compile("\\d{14,16}");

    private final CatalogService catalog;

    EndpointRules(CatalogService catalog) {
        this.catalog = catalog;
    }

    static final int MAX_NAME = 64;

    /**
     * An endpoint's name as Create and bulk create take it: 1–{@value #MAX_NAME} characters,
     * anything printable (letters of any script, digits, spaces, punctuation such as
     * {@code fleet-1a2b3c4d} or {@code Device #12}, symbols), not only spaces; control and format
     * characters (a right-to-left override could disguise a name), unassigned and private-use code
     * points are refused. The reference gives Create's {@code name} no rule; else 1000/1001
     * naming {@code field}.
     */
    static void name(String name, String field) {
        if (name == null || name.isBlank()) throw DomainException.missing(field);
        if (name.codePointCount(0, name.length()) > MAX_NAME) throw DomainException.wrong(field);
        boolean printable = name.codePoints().allMatch(c -> switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.UNASSIGNED, Character.PRIVATE_USE, Character.SURROGATE,
                 Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        });
        if (!printable) throw DomainException.wrong(field);
    }

    /**
     * Modify's {@code endPointName}, the reference's rule: 5–30 letters, digits, spaces, colons,
     * underscores; else 1000/1001 naming {@code field}.
     */
    static void modifyName(String name, String field) {
        if (name == null || name.isBlank()) throw DomainException.missing(field);
        if (!NAME.matcher(name).matches()) throw DomainException.wrong(field);
    }

    /** An IMEI, when given and not empty, is 14–16 digits. */
    static void imei(String imei) {
        if (imei != null && !imei.isEmpty() && !IMEI.matcher(imei).matches()) throw DomainException.wrong("imei");
    }

    /** The state after {@code op}, or {@code refusal} naming the current state. */
    static EndpointStatus transition(EndpointStatus from, Operation op, ResultCode refusal) {
        return EndpointLifecycle.next(from, op).orElseThrow(() -> new DomainException(refusal, "endpoint is " + from.displayName()));
    }

    /** Create's parameters once checked: the base plan, the APN group, roaming profiles, tags and add-ons. */
    record Checked(Plan plan, String apnGroupId, List<Long> roaming, List<Long> tagIds, List<Plan> addons) {}

    /**
     * The rules Create and Bulk Create share: a base plan of the account (1001 planId), an APN
     * group (null = the account's first), roaming profiles of the plan (null = all of the plan's
     * but TEST), tags, add-ons (the caller has checked that they come with activation),
     * value-added features, and the dynamic benefit (10201 when the account requires one for
     * activation, 10200 when its coverage misses).
     */
    Checked create(Account account, String planId, String apnGroupId, List<Long> roamingIds, List<Long> tagIds,
                   List<String> addonIds, List<String> valueAddedFeatureIds, Long benefitId, boolean activate) {
        long acc = account.id();
        Set<String> planIds = new HashSet<>(addonIds);
        planIds.add(planId);
        Map<String, Plan> plans = catalog.plansById(acc, planIds);
        Plan plan = plans.get(planId);
        if (plan == null || plan.category() != PlanCategory.NORMAL || !plan.active()) throw DomainException.wrong("planId");
        String apn = apnGroupId;
        if (apn == null) {
            apn = catalog.apnGroups(acc).stream().findFirst().orElseThrow(() -> DomainException.missing("apnGroupId")).id();
        } else if (catalog.apnGroup(acc, apn).isEmpty()) {
            throw DomainException.wrong("apnGroupId");
        }
        List<Long> roaming = roamingIds == null ? defaultRoamingProfiles(acc, plan) : roamingProfiles(acc, plan, roamingIds, "roamingProfileId");
        List<Long> tags = tags(acc, tagIds, 0, "tagIds");
        List<Plan> addons = addons(addonIds, 0, plan, plans, roaming, "addonPlanIds");
        valueAddedFeatures(acc, valueAddedFeatureIds, "valueAddedFeatureIds");
        if (benefitId == null && account.dynamicBenefitOnly() && activate) throw new DomainException(ResultCode.DYNAMIC_BENEFIT_REQUIRED);
        if (benefitId != null) dynamicBenefit(acc, benefitId, roaming, "benefits");
        return new Checked(plan, apn, roaming, tags, addons);
    }

    /** Roaming profiles must be the account's, of the base plan, distinct, and never the TEST profile. */
    List<Long> roamingProfiles(long acc, Plan plan, List<Long> ids, String field) {
        if (ids.isEmpty()) throw DomainException.missing(field);
        List<Long> distinct = List.copyOf(new LinkedHashSet<>(ids));
        if (distinct.size() != ids.size() || !plan.roamingProfileIds().containsAll(distinct)) {
            throw DomainException.wrong(field);
        }
        List<RoamingProfile> found = catalog.roamingProfiles(acc, distinct);
        if (found.size() != distinct.size() || found.stream().anyMatch(RoamingProfile::test)) {
            throw DomainException.wrong(field);
        }
        return distinct;
    }

    /** The plan's roaming profiles without the TEST one. */
    List<Long> defaultRoamingProfiles(long acc, Plan plan) {
        return catalog.roamingProfiles(acc, plan.roamingProfileIds()).stream().filter(r -> !r.test()).map(RoamingProfile::id).toList();
    }

    /** Tags to add: the account's own, at most 10 on an endpoint that already holds {@code held} (10120). */
    List<Long> tags(long acc, List<Long> ids, int held, String field) {
        List<Long> distinct = List.copyOf(new LinkedHashSet<>(ids));
        if (held + distinct.size() > MAX_TAGS) throw new DomainException(ResultCode.MAXIMUM_TAGS_REACHED);
        if (!distinct.isEmpty() && catalog.tags(acc, distinct).size() != distinct.size()) {
            throw DomainException.wrong(field);
        }
        return distinct;
    }

    /**
     * Add-on plans to subscribe to an endpoint already holding {@code held}: at most 15 in all
     * (10073), no duplicates (10221), the base plan's billing type (10023), a roaming profile of
     * the endpoint (10080), and the account's own ADDON plans (1001).
     */
    List<Plan> addons(List<String> ids, int held, Plan base, Map<String, Plan> plans, List<Long> roaming, String field) {
        if (ids.isEmpty()) return List.of();
        if (held + ids.size() > MAX_ADDONS) throw new DomainException(ResultCode.MAXIMUM_COUNT_EXCEEDED, field);
        if (new HashSet<>(ids).size() != ids.size()) throw new DomainException(ResultCode.DUPLICATE_ADDON_PLANS);
        List<Plan> addons = new ArrayList<>();
        for (String id : ids) {
            Plan p = plans.get(id);
            if (p == null || p.category() != PlanCategory.ADDON || !p.active()) throw DomainException.wrong(field);
            if (p.planType() != base.planType()) throw new DomainException(ResultCode.ADDON_BILLING_TYPE_MISMATCH, "addon " + id);
            if (p.roamingProfileIds().stream().noneMatch(roaming::contains)) {
                throw new DomainException(ResultCode.ADDON_ROAMING_PROFILE_MISMATCH, "addon " + id);
            }
            addons.add(p);
        }
        return addons;
    }

    void valueAddedFeatures(long acc, Collection<String> ids, String field) {
        if (ids.isEmpty()) return;
        Set<String> known = catalog.valueAddedFeatures(acc).stream().map(ValueAddedFeature::id).collect(Collectors.toSet());
        if (!known.containsAll(ids)) throw DomainException.wrong(field);
    }

    /** One of the account's dynamic benefits (1001) covering one of the endpoint's roaming profiles (10200). */
    DynamicBenefit dynamicBenefit(long acc, long benefitId, Collection<Long> roaming, String field) {
        DynamicBenefit b = catalog.dynamicBenefits(acc).stream()
                .filter(x -> Objects.equals(x.id(), benefitId)).findFirst()
                .orElseThrow(() -> DomainException.wrong(field));
        if (b.roamingProfileIds().stream().noneMatch(roaming::contains)) {
            throw new DomainException(ResultCode.DYNAMIC_BENEFIT_COVERAGE_MISMATCH);
        }
        return b;
    }
}
