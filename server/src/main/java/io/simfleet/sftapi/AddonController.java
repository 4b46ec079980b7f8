package io.simfleet.sftapi;

import static io.simfleet.sftapi.Sft.obj;

import io.simfleet.common.Actor;
import io.simfleet.common.DomainException;
import io.simfleet.common.ResultCode;
import io.simfleet.endpoint.Balances;
import io.simfleet.endpoint.EndpointService;
import io.simfleet.endpoint.EndpointViews.AddonSubscription;
import io.simfleet.endpoint.EndpointViews.Profile;
import io.simfleet.usage.AddonService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** SubscribeAddon and GetEndpointAddonDetails, as the reference writes them. */
@RestController
class AddonController {
    private final AddonService addons;
    private final EndpointService endpoints;

    AddonController(AddonService addons, EndpointService endpoints) {
        this.addons = addons;
        this.endpoints = endpoints;
    }

    /**
     * {@code requestParam}: {@code endPointId}, {@code planId}, optional {@code benefit[]} of
     * {@code {id, balance}} (DATA: id 2, 5 or DATA, balance in MB; SMS: id 6 or SMS, a count;
     * NBIOT). Answers the subscription: its plan with its uniqueId, its benefits and counters.
     */
    @PostMapping("/api/SubscribeAddon")
    ResponseEntity<Map<String, Object>> subscribe(Actor actor, @RequestBody(required = false) String body) {
        Params req = Params.requestLevel(body, null, Map.of());
        Params p = req.requestParam(true);
        Params at = p.has("endPointId") ? p : req;
        if (!at.has("endPointId")) throw DomainException.missing("endPointId");
        long id = Params.parseLong(at.requiredText("endPointId"), "endPointId");
        String planId = p.requiredText("planId");
        if (planId.isEmpty()) throw DomainException.wrong("planId");
        Map<String, Long> adjusted = new LinkedHashMap<>();
        JsonNode benefits = p.raw("benefit");
        if (benefits != null) {
            if (!benefits.isArray()) throw DomainException.wrong("benefit");
            for (JsonNode b : benefits.values()) {
                if (!b.isObject()) throw DomainException.wrong("benefit");
                Params bp = Params.of(b);
                String type = benefitType(bp.requiredText("id"));
                if (adjusted.containsKey(type)) throw DomainException.wrong("benefit.id");
                adjusted.put(type, Params.parseLong(bp.requiredText("balance"), "benefit.balance"));
            }
        }
        long uniqueId = addons.subscribe(actor, id, planId, adjusted);
        Profile profile = endpoints.profile(actor, id);
        AddonSubscription sub = profile.addons().stream().filter(s -> s.uniqueId() == uniqueId).findFirst().orElseThrow();
        return Sft.success(ResultCode.ADDON_SUBSCRIPTION_SUCCESS, obj("info", obj(
                "promotionalPlans", obj("plan", List.of(plan(sub))),
                "benefitInfo", obj("benefit", benefits(profile.balances(), uniqueId)),
                "counter", counters(profile.balances(), uniqueId))));
    }

    private static String benefitType(String id) {
        switch (id.toUpperCase()) {
            case "2": case "5": case "DATA": return "DATA";
            case "6": case "SMS": return "SMS";
            case "NBIOT": case "NB-IOT": return "NBIOT";
            default: throw DomainException.wrong("benefit.id");
        }
    }

    /** The endpoint's add-on subscriptions, of plan {@code addonId} or the one {@code uniqueId} when given; 10257 when none. */
    @GetMapping("/api/GetEndpointAddonDetails")
    ResponseEntity<Map<String, Object>> details(Actor actor, @RequestParam(required = false) String endPointId,
                                                @RequestParam(required = false) String addonId,
                                                @RequestParam(required = false) String uniqueId) {
        long id = EndpointController.endpointId(endPointId);
        Long unique = uniqueId == null || uniqueId.isBlank() ? null : Params.parseLong(uniqueId.trim(), "uniqueId");
        Profile profile;
        try {
            profile = endpoints.profile(actor, id);
        } catch (DomainException e) {
            throw DomainException.wrong("endPointId");
        }
        List<Map<String, Object>> plans = profile.addons().stream()
                .filter(s -> addonId == null || addonId.isBlank() || (s.plan() != null && s.plan().id().equals(addonId.trim())))
                .filter(s -> unique == null || s.uniqueId() == unique)
                .map(s -> {
                    Map<String, Object> plan = plan(s);
                    plan.put("benefit", benefits(profile.balances(), s.uniqueId()));
                    List<Map<String, Object>> counters = counters(profile.balances(), s.uniqueId());
                    if (!counters.isEmpty()) plan.put("counter", counters);
                    return plan;
                }).toList();
        if (plans.isEmpty()) throw new DomainException(ResultCode.ADDON_NOT_AVAILABLE);
        return Sft.success(ResultCode.ADDON_DETAILS_SUCCESS, obj("info", obj("endpointId", Long.toString(id),
                "promotionalPlans", obj("plan", plans))));
    }

    private static Map<String, Object> plan(AddonSubscription s) {
        return new LinkedHashMap<>(obj(
                "planId", s.plan() == null ? null : s.plan().id(),
                "planName", s.plan() == null ? null : s.plan().name(),
                "planServiceId", s.plan() == null ? null : s.plan().serviceIds(),
                "planServiceName", s.plan() == null ? null : s.plan().serviceNames(),
                "planStartDate", Sft.format(s.start()),
                "planExpiryDate", Sft.format(s.expires()),
                "uniqueId", Long.toString(s.uniqueId())));
    }

    private static List<Map<String, Object>> benefits(Balances b, long uniqueId) {
        return b.units().stream().filter(u -> Objects.equals(u.uniqueId(), uniqueId)).map(EndpointWire::units).toList();
    }

    private static List<Map<String, Object>> counters(Balances b, long uniqueId) {
        return b.counters().stream().filter(c -> Objects.equals(c.uniqueId(), uniqueId)).map(UsageWire::counter).toList();
    }
}
