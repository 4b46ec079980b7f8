package io.simfleet.sftapi;

import static io.simfleet.sftapi.Sft.obj;

import io.simfleet.account.AccountService;
import io.simfleet.catalog.CatalogModel.ApnGroup;
import io.simfleet.catalog.CatalogModel.Benefit;
import io.simfleet.catalog.CatalogModel.Counter;
import io.simfleet.catalog.CatalogModel.Feature;
import io.simfleet.catalog.CatalogModel.Network;
import io.simfleet.catalog.CatalogModel.Plan;
import io.simfleet.catalog.CatalogModel.PlanCategory;
import io.simfleet.catalog.CatalogModel.RoamingProfile;
import io.simfleet.catalog.CatalogModel.ServiceProfile;
import io.simfleet.catalog.CatalogModel.Tag;
import io.simfleet.catalog.CatalogService;
import io.simfleet.catalog.CatalogService.NewTag;
import io.simfleet.common.Actor;
import io.simfleet.common.DomainException;
import io.simfleet.common.ResultCode;
import io.simfleet.endpoint.EndpointService;
import io.simfleet.endpoint.EndpointViews.AddonSubscription;
import io.simfleet.endpoint.EndpointViews.Profile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The catalog calls around the Endpoint API: APN groups, plans, profiles, SIM products, tags. */
@RestController
class CatalogController {
    private final CatalogService catalog;
    private final AccountService accounts;
    private final EndpointService endpoints;

    CatalogController(CatalogService catalog, AccountService accounts, EndpointService endpoints) {
        this.endpoints = endpoints;
        this.catalog = catalog;
        this.accounts = accounts;
    }

    @GetMapping("/api/fetchApnGroup")
    ResponseEntity<Map<String, Object>> apnGroups(Actor actor) {
        List<Map<String, Object>> rows = catalog.apnGroups(actor.accountId()).stream().map(CatalogController::apnGroup).toList();
        return Sft.success(ResultCode.FETCH_APN_GROUP_SUCCESS, obj("responseParam", obj("rows", rows), "totalNoOfRecords", rows.size()));
    }

    static Map<String, Object> apnGroup(ApnGroup g) {
        return obj("apnGroupId", g.id(), "apnGroupName", g.name(), "defaultApn", g.defaultApn(), "apnList", String.join("|", g.apns()));
    }

    /** planCategory: BASE (= NORMAL), NORMAL, ADDON, TEST, INVENTORY; planType: 0 prepaid, 1 postpaid. Both optional. */
    @GetMapping("/api/QueryRatePlan")
    ResponseEntity<Map<String, Object>> plans(Actor actor, @RequestParam(required = false) String planCategory,
                                              @RequestParam(required = false) String planType) {
        PlanCategory category = null;
        if (planCategory != null && !planCategory.isBlank()) {
            String c = planCategory.trim().toUpperCase(Locale.ROOT);
            if (c.equals("BASE")) c = "NORMAL";
            try {
                category = PlanCategory.valueOf(c);
            } catch (IllegalArgumentException e) {
                throw DomainException.wrong("planCategory");
            }
        }
        Integer type = null;
        if (planType != null && !planType.isBlank()) {
            if (!planType.trim().equals("0") && !planType.trim().equals("1")) throw DomainException.wrong("planType");
            type = Integer.parseInt(planType.trim());
        }
        long acc = actor.accountId();
        List<Plan> plans = catalog.plans(acc, category, type);
        Map<String, ServiceProfile> profiles = catalog.serviceProfiles(acc, null).stream()
                .collect(Collectors.toMap(ServiceProfile::id, Function.identity()));
        Map<Long, RoamingProfile> roaming = catalog.roamingProfiles(acc, null).stream()
                .collect(Collectors.toMap(RoamingProfile::id, Function.identity()));
        List<Map<String, Object>> rows = plans.stream()
                .map(p -> plan(p, profiles.get(p.serviceProfileId()), roaming)).toList();
        return Sft.success(ResultCode.QUERY_RATE_PLAN_SUCCESS, obj("responseParam", obj("plan", rows, "totalCount", rows.size())));
    }

    /**
     * Our addition (the reference's UpdateThreshold points to a "GET PLAN api" for an add-on's
     * {@code uniqueId}): without parameters, the account's plans as {@code rows}; with
     * {@code endPointId}, that endpoint's base plan and the add-ons it holds, each with its
     * {@code uniqueId} and dates. Each row names its roaming profiles the three ways integrations
     * read them: {@code roamingProfileIds} (list), {@code roamingProfileId} ("a|b", CreateEndPoint's
     * spelling) and {@code destGroupId} ("a,b", QueryRatePlan's). docs/api-compatibility.md.
     */
    @GetMapping("/api/GetPlans")
    ResponseEntity<Map<String, Object>> getPlans(Actor actor, @RequestParam(required = false) String endPointId) {
        List<Map<String, Object>> rows;
        if (endPointId == null || endPointId.isBlank()) {
            rows = catalog.plans(actor.accountId(), null, null).stream().map(p -> planRow(p, null)).toList();
        } else {
            Profile profile = endpoints.profile(actor, EndpointController.endpointId(endPointId));
            rows = new ArrayList<>();
            if (profile.plan() != null) rows.add(planRow(profile.plan(), null));
            for (AddonSubscription a : profile.addons()) {
                if (a.plan() != null) rows.add(planRow(a.plan(), a));
            }
        }
        return Sft.success(ResultCode.QUERY_RATE_PLAN_SUCCESS, obj("responseParam", obj("rows", rows, "totalCount", rows.size())));
    }

    private static Map<String, Object> planRow(Plan p, AddonSubscription held) {
        List<String> roaming = p.roamingProfileIds().stream().map(String::valueOf).toList();
        return obj("planId", p.id(), "planName", p.name(), "planDescription", p.description(),
                "planCategory", p.category().name(), "planType", p.planType(), "planTypeName", p.planTypeName(),
                "validity", p.validityDays(), "serviceId", p.serviceIds(), "serviceIdName", p.serviceNames(),
                "planAmount", p.amount().stripTrailingZeros().toPlainString(), "status", p.active() ? "Active" : "Inactive",
                "roamingProfileIds", roaming, "roamingProfileId", String.join("|", roaming), "destGroupId", String.join(",", roaming),
                "profileId", p.serviceProfileId(),
                "benefit", p.benefits().stream().map(CatalogController::benefit).toList(),
                "counter", p.counters().stream().map(CatalogController::counter).toList(),
                "uniqueId", held == null ? null : held.uniqueId(),
                "planStartDate", held == null ? null : Sft.format(held.start()),
                "planExpiryDate", held == null ? Sft.format(p.expiresAt()) : Sft.format(held.expires()));
    }

    static Map<String, Object> plan(Plan p, ServiceProfile sp, Map<Long, RoamingProfile> roaming) {
        String destGroupId = p.roamingProfileIds().stream().map(String::valueOf).collect(Collectors.joining(","));
        String destGroupName = p.roamingProfileIds().stream().map(id -> roaming.containsKey(id) ? roaming.get(id).name() : "")
                .collect(Collectors.joining(","));
        Map<String, Object> basic = obj(
                "planId", p.id(), "planName", p.name(), "cugEnabled", "false", "planDescription", p.description(),
                "planType", p.planType(), "validity", p.validityDays(), "serviceId", p.serviceIds(),
                "planCategory", p.category().name(), "planAmount", p.amount().stripTrailingZeros().toPlainString(),
                "planEffectiveDate", Sft.format(p.effectiveAt()), "planExpiryDate", Sft.format(p.expiresAt()),
                "productId", p.planType() == 0 ? "3" : "4", "productName", p.planType() == 0 ? "PREPAID" : "POSTPAID",
                "serviceIdName", p.serviceNames(), "planTypeName", p.planTypeName(), "createdBy", p.accountId(),
                "networkTypeName", "GSM", "networkTypeId", "1", "currency", "44", "revertedPlanAmount", "0",
                "status", p.active() ? "Active" : "Inactive", "currencyMainUnitId", "4", "currencyMainUnitSymbol", "EUR",
                "saleTypeId", "0", "saleTypeName", "Retail", "destGroupId", destGroupId, "destGroupName", destGroupName,
                "profileId", p.serviceProfileId(), "prorate", "false",
                "benefit", p.benefits().isEmpty() ? null : p.benefits().stream().map(CatalogController::benefit).toList(),
                "counter", p.counters().isEmpty() ? null : p.counters().stream().map(CatalogController::counter).toList());
        return obj("basicInfo", basic, "serviceProfile", sp == null ? null : serviceProfile(sp));
    }

    private static Map<String, Object> benefit(Benefit b) {
        return obj("benefitType", b.type(), "value", b.amount(), "unit", b.type().equals("SMS") ? "COUNT" : "MB");
    }

    private static Map<String, Object> counter(Counter c) {
        return obj("counterId", c.counterId(), "counterName", c.name(), "thresholdValue", c.thresholdValue(),
                "thresholdUnit", c.thresholdUnit(), "action", c.action(), "frequency", c.frequency(), "service", c.service());
    }

    static Map<String, Object> serviceProfile(ServiceProfile sp) {
        List<Map<String, Object>> features = new ArrayList<>();
        for (Feature f : sp.features()) {
            features.add(obj("featureId", f.featureId(), "featureName", f.featureName(), "columnName", f.columnName(),
                    "featureHLRName", f.featureHLRName(), "type", f.type(), "defaultFeatures", f.defaultFeatures(), "value", f.value()));
        }
        return obj("profileId", sp.id(), "profileName", sp.name(), "serviceCategory", sp.serviceCategory(),
                "networkTypeId", sp.networkTypeId(), "createdBy", sp.accountId(), "service", sp.services(),
                "accessVariantId", sp.accessVariantId(), "ratType", sp.ratType(),
                "ratTypeName", EndpointWire.ratTypeName(sp.ratType()), "feature", features);
    }

    @GetMapping("/api/GetServiceProfile")
    ResponseEntity<Map<String, Object>> serviceProfiles(Actor actor, @RequestParam(required = false) String serviceProfileId) {
        String id = serviceProfileId == null || serviceProfileId.isBlank() ? null : serviceProfileId.trim();
        List<Map<String, Object>> rows = catalog.serviceProfiles(actor.accountId(), id).stream().map(CatalogController::serviceProfile).toList();
        if (id != null && rows.isEmpty()) throw new DomainException(ResultCode.NO_DATA_AVAILABLE, "serviceProfileId " + id);
        return Sft.success(ResultCode.GET_SERVICE_PROFILE_SUCCESS, obj("responseParam", obj("rows", rows)));
    }

    @GetMapping("/api/GetRoamingProfiles")
    ResponseEntity<Map<String, Object>> roamingProfiles(Actor actor, @RequestParam(required = false) String roamingProfileId) {
        List<Long> ids = roamingProfileId == null || roamingProfileId.isBlank() ? null
                : List.of(Params.parseLong(roamingProfileId.trim(), "roamingProfileId"));
        List<Map<String, Object>> rows = catalog.roamingProfiles(actor.accountId(), ids).stream().map(CatalogController::roaming).toList();
        if (ids != null && rows.isEmpty()) throw new DomainException(ResultCode.NO_DATA_AVAILABLE, "roamingProfileId " + roamingProfileId.trim());
        return Sft.success(ResultCode.GET_ROAMING_PROFILES_SUCCESS, obj("responseParam", obj("rows", rows)));
    }

    static Map<String, Object> roaming(RoamingProfile r) {
        List<Map<String, Object>> networks = r.networks().stream().map(CatalogController::network).toList();
        return obj("roamingProfileId", r.id(), "roamingProfileName", r.name(), "tadigList", networks);
    }

    private static Map<String, Object> network(Network n) {
        String first = n.mccMnc().split(",")[0];
        String mncs = List.of(n.mccMnc().split(",")).stream().map(m -> m.substring(3)).collect(Collectors.joining(","));
        return obj("operatorId", n.operatorId(), "operatorName", n.operatorName(), "categoryGroupId", n.categoryGroupId(),
                "tadigCode", n.tadigCode(), "countryName", n.countryName(), "mcc", first.substring(0, 3), "mnc", mncs,
                "mccMnc", n.mccMnc());
    }

    @GetMapping("/api/GetSIMProduct")
    ResponseEntity<Map<String, Object>> simProducts(Actor actor) {
        List<Map<String, Object>> rows = catalog.simProducts().stream()
                .map(p -> obj("simProductId", p.id(), "simProductName", p.name(), "cardClassName", p.cardClass())).toList();
        return Sft.success(ResultCode.GET_SIM_PRODUCT_SUCCESS, obj("responseParam", obj("rows", rows)));
    }

    /** Body {@code {"tagInfo": {"createTag": [{"tagName", "tagDescription"}]}}}; answers 10149 and Response.tagId (comma separated when several). */
    @PostMapping("/api/createTag")
    ResponseEntity<Map<String, Object>> createTag(Actor actor, @RequestBody(required = false) String body) {
        JsonNode root = Params.parse(body);
        JsonNode info = root.get("tagInfo");
        if (info == null || info.isNull()) throw DomainException.missing("tagInfo");
        if (!info.isObject()) throw DomainException.wrong("tagInfo");
        JsonNode list = info.get("createTag");
        if (list == null || list.isNull()) throw DomainException.missing("createTag");
        if (!list.isArray() && !list.isObject()) throw DomainException.wrong("createTag");
        List<NewTag> tags = new ArrayList<>();
        for (JsonNode t : list.isArray() ? list.values() : List.of(list)) {
            if (!t.isObject()) throw DomainException.wrong("createTag");
            Params p = Params.of(t);
            tags.add(new NewTag(p.requiredText("tagName"), p.text("tagDescription")));
        }
        if (tags.size() > 100) throw new DomainException(ResultCode.MAXIMUM_COUNT_EXCEEDED, "createTag");
        List<Tag> created = catalog.createTags(actor.accountId(), tags);
        return Sft.success(ResultCode.CREATE_TAG_SUCCESS,
                obj("tagId", created.stream().map(t -> Long.toString(t.id())).collect(Collectors.joining(","))));
    }

    @GetMapping("/api/GetTags")
    ResponseEntity<Map<String, Object>> tags(Actor actor) {
        List<Map<String, Object>> rows = EndpointWire.tags(catalog.tags(actor.accountId(), null));
        return Sft.success(ResultCode.GET_TAGS_SUCCESS, obj("responseParam", obj("tagIdList", rows), "totalNoOfRecords", rows.size()));
    }

    /** Any account type: a reseller reads its own profile too. */
    @GetMapping("/api/GetCustomerProfile")
    ResponseEntity<Map<String, Object>> customerProfile(Actor actor) {
        var a = accounts.get(actor.accountId());
        long acc = a.id();
        List<RoamingProfile> roaming = a.isEnterprise() ? catalog.roamingProfiles(acc, null) : List.of();
        String destGroupId = roaming.stream().filter(r -> !r.test()).map(r -> Long.toString(r.id())).collect(Collectors.joining(","));
        List<Map<String, Object>> benefits = a.isEnterprise() ? catalog.dynamicBenefits(acc).stream().map(b -> obj(
                "dynamicBenefitsId", b.id(), "name", b.name(), "category", b.pooled() ? "1" : "2",
                "categoryName", b.pooled() ? "Pooled" : "Non-Pooled", "priority", b.priority(),
                "autoRenewal", b.autoRenewal(), "dataMB", b.dataMb(),
                "roamingProfileId", b.roamingProfileIds().stream().map(String::valueOf).collect(Collectors.joining("|")))).toList() : List.of();
        return Sft.success(ResultCode.GET_CUSTOMER_PROFILE_SUCCESS, obj("responseParam", obj(
                "accountId", a.id(), "accountName", a.name(), "accountType", a.type().name(),
                "tierId", switch (a.type()) { case OPERATOR -> "2"; case RESELLER -> "3"; case ENTERPRISE -> "4"; },
                "parentAccountId", a.parentId(), "status", a.active() ? "Active" : "Inactive",
                "subscriberType", a.isEnterprise() ? a.subscriberType() : null,
                "subscriberTypeName", a.isEnterprise() ? a.subscriberTypeName() : null,
                "oemEnabled", a.oemEnabled(), "dynamicBenefitEnable", a.dynamicBenefitOnly(), "lowBalance", a.lowBalance(),
                "currencyId", a.currencyId(), "currencyType", a.currency(), "creationDate", Sft.format(a.createdAt()),
                "destGroupId", a.isEnterprise() ? destGroupId : null,
                "dynamicBenefits", a.isEnterprise() ? benefits : null,
                // our addition: the private-network opt-in (docs/network.md)
                "endpointGroupRequired", a.isEnterprise() ? a.endpointGroupRequired() : null)));
    }
}
