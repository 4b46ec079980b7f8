package io.simfleet.portal;

import io.simfleet.catalog.CatalogModel.Plan;
import io.simfleet.catalog.CatalogModel.PlanCategory;
import io.simfleet.catalog.CatalogModel.Tag;
import io.simfleet.catalog.CatalogService;
import io.simfleet.common.Actor;
import io.simfleet.common.DomainException;
import io.simfleet.endpoint.EndpointModifier;
import io.simfleet.endpoint.EndpointOperations;
import io.simfleet.endpoint.EndpointRef;
import io.simfleet.endpoint.EndpointViews.Profile;
import io.simfleet.endpoint.ModifyEndpoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The endpoint's changes: CHANGE PLAN (ChangePlan's service), CHANGE ROAMING PROFILE
 * (ChangeEndpointRoamingProfile's) and MODIFY (modifyEndpoint's {@link EndpointModifier}: name,
 * IMEI, IMEI lock, tags, barring). One page, three forms; a refusal is shown next to the field it
 * names, with the API's result code and description.
 */
@Controller
class EndpointChangeController {
    /** Modify's bar flags, as the API names them without their {@code bar_} prefix. */
    static final List<String> BARS = List.of("DATA", "SMS_MO", "SMS_MT", "NB_IOT", "2G", "2G/3G", "4G", "5G", "All_Services");
    static final Map<String, String> MODIFY_FIELDS = Map.of("endPointName", "name", "imei", "imei", "imeiLockStatus", "imeiLock",
            "addtagIds", "tags", "removetagIds", "tags", "requestParam", "modify");

    private final EndpointHeader headers;
    private final EndpointOperations operations;
    private final EndpointModifier modifier;
    private final CatalogService catalog;

    EndpointChangeController(EndpointHeader headers, EndpointOperations operations, EndpointModifier modifier, CatalogService catalog) {
        this.headers = headers;
        this.operations = operations;
        this.modifier = modifier;
        this.catalog = catalog;
    }

    @GetMapping("/portal/endpoints/{id}/change")
    String page(Actor actor, @PathVariable String id, Model model) {
        show(actor, EndpointPagesController.id(id), Map.of(), model);
        return "portal/endpoint-change";
    }

    @PostMapping("/portal/endpoints/{id}/plan")
    String changePlan(Actor actor, @PathVariable String id, @RequestParam(required = false) String planId, Model model,
                      RedirectAttributes flash) {
        long endpointId = headers.own(actor, id);
        try {
            if (planId == null || planId.isEmpty()) throw DomainException.missing("planId");
            operations.changePlan(actor, EndpointRef.id(endpointId), planId);
        } catch (DomainException e) {
            show(actor, endpointId, FieldErrors.of(e, Map.of(), "planId"), model);
            return "portal/endpoint-change";
        }
        flash.addFlashAttribute("done", "Change plan: now " + planId + ".");
        return "redirect:/portal/endpoints/" + endpointId;
    }

    @PostMapping("/portal/endpoints/{id}/roaming")
    String changeRoaming(Actor actor, @PathVariable String id, @RequestParam(required = false) List<Long> roamingProfileIds,
                         Model model, RedirectAttributes flash) {
        long endpointId = headers.own(actor, id);
        try {
            operations.changeRoamingProfiles(actor, EndpointRef.id(endpointId), roamingProfileIds == null ? List.of() : roamingProfileIds);
        } catch (DomainException e) {
            show(actor, endpointId, FieldErrors.of(e, Map.of(), "roamingProfileIds"), model);
            return "portal/endpoint-change";
        }
        flash.addFlashAttribute("done", "Change roaming profile: done.");
        return "redirect:/portal/endpoints/" + endpointId;
    }

    /**
     * Modify: only what differs from the endpoint is sent (the API's "not given" for the rest):
     * a name or IMEI typed anew, the lock chosen, tags ticked or unticked, a bar flag set or cleared.
     */
    @PostMapping("/portal/endpoints/{id}/modify")
    String modify(Actor actor, @PathVariable String id, @RequestParam MultiValueMap<String, String> form, Model model,
                  RedirectAttributes flash) {
        long endpointId = headers.own(actor, id);
        try {
            Profile p = headers.profile(actor, endpointId);
            String name = form.getFirst("name"), imei = form.getFirst("imei"), lock = form.getFirst("imeiLock");
            List<Long> ticked = new ArrayList<>();
            for (String t : form.getOrDefault("tagIds", List.of())) {
                if (!t.matches("\\d{1,18}")) throw DomainException.wrong("addtagIds");
                ticked.add(Long.parseLong(t));
            }
            List<Long> held = p.tags().stream().map(Tag::id).toList();
            List<Long> add = ticked.stream().filter(t -> !held.contains(t)).toList();
            List<Long> remove = held.stream().filter(t -> !ticked.contains(t)).toList();
            List<String> barred = form.getOrDefault("bars", List.of());
            LinkedHashMap<String, Boolean> bars = new LinkedHashMap<>();
            for (String b : BARS) {
                boolean was = p.endpoint().barredServices().contains(b), is = barred.contains(b);
                if (was != is) bars.put(b, is);
            }
            String currentImei = p.endpoint().imei() == null ? "" : p.endpoint().imei();
            ModifyEndpoint m = new ModifyEndpoint(
                    lock == null || lock.isEmpty() || Boolean.parseBoolean(lock) == p.endpoint().imeiLocked() ? null : Boolean.parseBoolean(lock),
                    imei == null || imei.trim().equals(currentImei) ? null : imei.trim(),
                    List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), add, remove,
                    name == null || name.equals(p.endpoint().name()) ? null : name, bars, null, null);
            modifier.modify(actor, EndpointRef.id(endpointId), m);
        } catch (DomainException e) {
            String named = e.detail() == null ? "" : e.detail();
            show(actor, endpointId, named.startsWith("bar_") || BARS.contains(named) || e.code() == io.simfleet.common.ResultCode.UNBAR_RAT_DATA_BARRED ? Map.of("bars", FieldErrors.message(e))
                    : FieldErrors.of(e, MODIFY_FIELDS, "modify"), model);
            return "portal/endpoint-change";
        }
        flash.addFlashAttribute("done", "Modify: done.");
        return "redirect:/portal/endpoints/" + endpointId;
    }

    private void show(Actor actor, long endpointId, Map<String, String> errors, Model model) {
        Profile p = headers.show(actor, endpointId, model);
        long acc = actor.accountId();
        model.addAttribute("tab", "overview");
        model.addAttribute("errors", errors);
        model.addAttribute("plans", catalog.plans(acc, PlanCategory.NORMAL, p.plan() == null ? null : p.plan().planType())
                .stream().filter(Plan::active).toList());
        model.addAttribute("planProfiles", p.plan() == null ? List.of()
                : catalog.roamingProfiles(acc, p.plan().roamingProfileIds()).stream().filter(r -> !r.test()).toList());
        model.addAttribute("currentProfiles", p.roamingProfiles().stream().map(r -> r.id()).toList());
        model.addAttribute("tags", catalog.tags(acc, null));
        model.addAttribute("heldTags", p.tags().stream().map(Tag::id).toList());
        model.addAttribute("bars", BARS);
    }
}
