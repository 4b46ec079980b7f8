package io.simfleet.portal;

import io.simfleet.catalog.CatalogModel.Plan;
import io.simfleet.catalog.CatalogModel.PlanCategory;
import io.simfleet.catalog.CatalogModel.RoamingProfile;
import io.simfleet.catalog.CatalogService;
import io.simfleet.common.Actor;
import io.simfleet.common.DomainException;
import io.simfleet.endpoint.CreateEndpoint;
import io.simfleet.endpoint.EndpointService;
import io.simfleet.endpoint.EndpointViews.Created;
import io.simfleet.sim.SimService;
import io.simfleet.sim.SimStatus;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * CREATE ENDPOINT as the walkthrough's steps: the APN group, a base plan, its roaming profile(s),
 * a Ready To Activate SIM, then the name and the link / activate flags. The form is CreateEndPoint's
 * full form ({@link CreateEndpoint#of}) and {@link EndpointService#create}: the API's rules and
 * refusals, each shown next to the field it names. After create: the new endpoint's page.
 */
@Controller
class CreateEndpointController {
    /** The API's field names (as the refusals name them) → the form's fields. */
    static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("name", "name"), Map.entry("apnGroupId", "apnGroupId"), Map.entry("planId", "planId"),
            Map.entry("roamingProfileId", "roamingProfileIds"), Map.entry("roamingProfileIds", "roamingProfileIds"),
            Map.entry("iccid", "iccid"), Map.entry("ICCID", "iccid"), Map.entry("isLinkSIM", "linkSim"),
            Map.entry("isDefaultActivation", "activate"), Map.entry("imei", "imei"));

    private final EndpointService endpoints;
    private final CatalogService catalog;
    private final SimService sims;

    CreateEndpointController(EndpointService endpoints, CatalogService catalog, SimService sims) {
        this.endpoints = endpoints;
        this.catalog = catalog;
        this.sims = sims;
    }

    /** What the page's form sends; unchecked boxes are absent (false), no roaming profile ticked is "none given". */
    record NewEndpoint(String name, String apnGroupId, String planId, List<Long> roamingProfileIds, String iccid,
                       Boolean linkSim, Boolean activate, String imei) implements CreateEndpoint.Form {
        static NewEndpoint blank() {
            return new NewEndpoint("", null, null, List.of(), null, true, true, "");
        }

        public boolean summary() {
            return false;
        }

        public Boolean isLinkSim() {
            return Boolean.TRUE.equals(linkSim);
        }

        public Boolean isDefaultActivation() {
            return Boolean.TRUE.equals(activate);
        }

        public Boolean imeiLock() {
            return null;
        }

        public List<Long> benefits() {
            return List.of();
        }

        public BigDecimal monthlyLimit() {
            return null;
        }

        public String imei() {
            return imei == null || imei.isBlank() ? null : imei.trim();
        }

        public String iccid() {
            return iccid == null ? null : iccid.trim();
        }

        public List<String> addonPlanIds() {
            return List.of();
        }

        public List<String> valueAddedFeatureIds() {
            return List.of();
        }

        public List<Long> tagIds() {
            return List.of();
        }

        /** A roaming profile not ticked is not given: the full form then refuses with "roamingProfileId" missing. */
        public List<Long> roamingProfileIds() {
            return roamingProfileIds == null || roamingProfileIds.isEmpty() ? null : roamingProfileIds;
        }

        public boolean ticked(long roamingProfileId) {
            return roamingProfileIds != null && roamingProfileIds.contains(roamingProfileId);
        }
    }

    @GetMapping("/portal/endpoints/new")
    String form(Actor actor, Model model) {
        page(actor, NewEndpoint.blank(), Map.of(), model);
        return "portal/endpoint-new";
    }

    @PostMapping("/portal/endpoints/new")
    String create(Actor actor, NewEndpoint form, Model model, RedirectAttributes flash) {
        Created created;
        try {
            created = endpoints.create(actor, CreateEndpoint.of(form));
        } catch (DomainException e) {
            page(actor, form, FieldErrors.of(e, FIELDS, FieldErrors.FORM), model);
            return "portal/endpoint-new";
        }
        flash.addFlashAttribute("done", "Endpoint " + created.endpointId() + " created: " + created.status().displayName() + ".");
        return "redirect:/portal/endpoints/" + created.endpointId();
    }

    private void page(Actor actor, NewEndpoint form, Map<String, String> errors, Model model) {
        long acc = actor.accountId();
        List<Plan> plans = catalog.plans(acc, PlanCategory.NORMAL, null).stream().filter(Plan::active).toList();
        Set<Long> profileIds = new LinkedHashSet<>();
        plans.forEach(p -> profileIds.addAll(p.roamingProfileIds()));
        List<RoamingProfile> profiles = catalog.roamingProfiles(acc, profileIds).stream().filter(r -> !r.test()).toList();
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("apnGroups", catalog.apnGroups(acc));
        model.addAttribute("plans", plans);
        model.addAttribute("roamingProfiles", profiles);
        model.addAttribute("readySims", sims.page(acc, null, SimStatus.READY_TO_ACTIVATE, null, 1, EndpointActionsController.SIM_CHOICES).rows());
    }
}
