package io.simfleet.portal;

import io.simfleet.catalog.CatalogModel.Plan;
import io.simfleet.catalog.CatalogModel.PlanCategory;
import io.simfleet.catalog.CatalogService;
import io.simfleet.common.Actor;
import io.simfleet.common.DomainException;
import io.simfleet.diagnosis.Diagnosis;
import io.simfleet.endpoint.EndpointRef;
import io.simfleet.endpoint.EndpointViews.Profile;
import io.simfleet.usage.AddonService;
import io.simfleet.usage.UsageService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The endpoint page's tabs COUNTER, USAGE, BENEFITS, DIAGNOSIS and ADDON SUBSCRIPTION, and their
 * forms (UpdateThreshold, blacklist add / remove, SubscribeAddon). Every read and rule is a
 * service's: the profile's balances, GetStatistics' daily aggregates, fetchNetworkStatus /
 * locationInfo / endpointCoverage / endPointBlacklisting's Diagnosis, SubscribeAddon's AddonService.
 */
@Controller
class EndpointTabsController {
    static final long MB = 1024L * 1024L;
    /** UpdateThreshold's bound, as the API reads its field. */
    static final long MAX_THRESHOLD_MB = 100L * 1024 * 1024;

    private final EndpointHeader headers;
    private final UsageService usage;
    private final AddonService addons;
    private final Diagnosis diagnosis;
    private final CatalogService catalog;
    private final Clock clock;

    EndpointTabsController(EndpointHeader headers, UsageService usage, AddonService addons, Diagnosis diagnosis,
                           CatalogService catalog, Clock clock) {
        this.headers = headers;
        this.usage = usage;
        this.addons = addons;
        this.diagnosis = diagnosis;
        this.catalog = catalog;
        this.clock = clock;
    }

    // --- USAGE

    /** One day of the usage table: data in MB (up + down), SMS (MO + MT), the day's cost. */
    record Day(LocalDate day, BigDecimal dataMb, long sms, BigDecimal cost) {}

    @GetMapping("/portal/endpoints/{id}/usage")
    String usage(Actor actor, @PathVariable String id, @RequestParam(required = false) String from,
                 @RequestParam(required = false) String to, Model model) {
        long endpointId = EndpointPagesController.id(id);
        headers.show(actor, endpointId, model);
        model.addAttribute("tab", "usage");
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        String fromValue = from == null || from.isBlank() ? today.minusDays(29).toString() : from.trim();
        String toValue = to == null || to.isBlank() ? today.toString() : to.trim();
        model.addAttribute("from", fromValue);
        model.addAttribute("to", toValue);
        List<Day> days = new ArrayList<>();
        try {
            LocalDate f = date(fromValue, "from_date"), t = date(toValue, "to_date");
            Map<LocalDate, Day> byDay = new LinkedHashMap<>();
            for (UsageService.Daily d : usage.statistics(actor, endpointId, f, t)) {
                Day was = byDay.getOrDefault(d.day(), new Day(d.day(), BigDecimal.ZERO, 0, BigDecimal.ZERO));
                boolean sms = d.service().startsWith("SMS");
                BigDecimal mb = sms ? BigDecimal.ZERO : BigDecimal.valueOf(d.uplink() + d.downlink()).divide(BigDecimal.valueOf(MB), 3, RoundingMode.HALF_UP);
                byDay.put(d.day(), new Day(d.day(), was.dataMb().add(mb), was.sms() + (sms ? d.count() : 0),
                        was.cost().add(d.cost() == null ? BigDecimal.ZERO : d.cost())));
            }
            days.addAll(byDay.values());
        } catch (DomainException e) {
            // 1340 (no usage in the range) is an empty table; a wrong date names its field
            if (e.code() != io.simfleet.common.ResultCode.NO_RECORD_EXISTS) {
                model.addAttribute("errors", FieldErrors.of(e, Map.of("from_date", "from", "to_date", "to"), "to"));
            }
        }
        model.addAttribute("days", days);
        model.addAttribute("chartLabels", String.join("|", days.stream().map(d -> d.day().toString()).toList()));
        model.addAttribute("chartData", String.join("|", days.stream().map(d -> d.dataMb().toPlainString()).toList()));
        model.addAttribute("chartSms", String.join("|", days.stream().map(d -> Long.toString(d.sms())).toList()));
        return "portal/endpoint";
    }

    private static LocalDate date(String value, String field) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw DomainException.wrong(field);
        }
    }

    // --- DIAGNOSIS

    @GetMapping("/portal/endpoints/{id}/diagnosis")
    String diagnosis(Actor actor, @PathVariable String id, @RequestParam(required = false) String locate, Model model) {
        long endpointId = EndpointPagesController.id(id);
        headers.show(actor, endpointId, model);
        model.addAttribute("tab", "diagnosis");
        EndpointRef ref = EndpointRef.id(endpointId);
        try {
            model.addAttribute("status", diagnosis.status(actor, ref));
        } catch (DomainException e) {
            model.addAttribute("statusRefused", FieldErrors.message(e));
        }
        // the HSS is asked only on request (a bounded wait of its own)
        if (locate != null) {
            try {
                model.addAttribute("location", diagnosis.location(actor, ref).location());
            } catch (DomainException e) {
                model.addAttribute("locationRefused", FieldErrors.message(e));
            }
        }
        model.addAttribute("coverage", diagnosis.coverage(actor, ref, null));
        return "portal/endpoint";
    }

    @PostMapping("/portal/endpoints/{id}/blacklist")
    String blacklist(Actor actor, @PathVariable String id, @RequestParam(required = false) String tadigCode,
                     @RequestParam(required = false) String categoryGroupId, @RequestParam(required = false) String change,
                     RedirectAttributes flash) {
        long endpointId = headers.own(actor, id);
        List<Diagnosis.Entry> entry = List.of(new Diagnosis.Entry(tadigCode, categoryGroupId));
        boolean add = !"remove".equals(change);
        try {
            diagnosis.blacklist(actor, EndpointRef.id(endpointId), add ? entry : List.of(), add ? List.of() : entry);
            flash.addFlashAttribute("done", (add ? "Blacklisted " : "Removed from the blacklist: ") + tadigCode + ".");
        } catch (DomainException e) {
            flash.addFlashAttribute("refused", "Blacklist refused: " + FieldErrors.message(e));
        }
        return "redirect:/portal/endpoints/" + endpointId + "/diagnosis";
    }

    // --- COUNTER, BENEFITS

    @GetMapping("/portal/endpoints/{id}/counter")
    String counter(Actor actor, @PathVariable String id, Model model) {
        return balances(actor, id, "counter", model);
    }

    @GetMapping("/portal/endpoints/{id}/benefits")
    String benefits(Actor actor, @PathVariable String id, Model model) {
        return balances(actor, id, "benefits", model);
    }

    private String balances(Actor actor, String id, String tab, Model model) {
        headers.show(actor, EndpointPagesController.id(id), model);
        model.addAttribute("tab", tab.toLowerCase());
        model.addAttribute("errors", Map.of());
        return "portal/endpoint";
    }

    @PostMapping("/portal/endpoints/{id}/threshold")
    String threshold(Actor actor, @PathVariable String id, @RequestParam(required = false) String counterId,
                     @RequestParam(required = false) Long uniqueId, @RequestParam(required = false) String threshold,
                     Model model, RedirectAttributes flash) {
        long endpointId = headers.own(actor, id);
        try {
            if (counterId == null || counterId.isEmpty() || counterId.length() > 100) throw DomainException.wrong("counterId");
            if (threshold == null || threshold.isBlank()) throw DomainException.missing("threshold");
            long mb;
            try {
                mb = Long.parseLong(threshold.trim());
            } catch (NumberFormatException e) {
                throw DomainException.wrong("threshold");
            }
            if (mb < 1 || mb > MAX_THRESHOLD_MB) throw DomainException.wrong("threshold");
            usage.updateThreshold(actor, endpointId, null, counterId, uniqueId == null ? 0 : uniqueId, mb);
        } catch (DomainException e) {
            headers.show(actor, endpointId, model);
            model.addAttribute("tab", "counter");
            model.addAttribute("errorCounter", counterId + "/" + (uniqueId == null ? 0 : uniqueId));
            model.addAttribute("errors", FieldErrors.of(e, Map.of("threshold", "threshold"), "threshold"));
            return "portal/endpoint";
        }
        flash.addFlashAttribute("done", "Threshold of " + counterId + " set to " + threshold.trim() + " MB.");
        return "redirect:/portal/endpoints/" + endpointId + "/counter";
    }

    // --- ADDON SUBSCRIPTION

    @GetMapping("/portal/endpoints/{id}/addons")
    String addonsTab(Actor actor, @PathVariable String id, Model model) {
        addonPage(actor, EndpointPagesController.id(id), model);
        model.addAttribute("errors", Map.of());
        return "portal/endpoint";
    }

    @PostMapping("/portal/endpoints/{id}/addons")
    String subscribe(Actor actor, @PathVariable String id, @RequestParam(required = false) String planId, Model model,
                     RedirectAttributes flash) {
        long endpointId = headers.own(actor, id);
        try {
            if (planId == null || planId.isEmpty()) throw DomainException.missing("planId");
            addons.subscribe(actor, endpointId, planId, Map.of());
        } catch (DomainException e) {
            addonPage(actor, endpointId, model);
            model.addAttribute("errors", FieldErrors.of(e, Map.of("planId", "planId"), "planId"));
            return "portal/endpoint";
        }
        flash.addFlashAttribute("done", "Add-on " + planId + " subscribed.");
        return "redirect:/portal/endpoints/" + endpointId + "/addons";
    }

    private void addonPage(Actor actor, long endpointId, Model model) {
        Profile p = headers.show(actor, endpointId, model);
        model.addAttribute("tab", "addons");
        List<Plan> offered = catalog.plans(actor.accountId(), PlanCategory.ADDON, p.plan() == null ? null : p.plan().planType());
        model.addAttribute("addonPlans", offered);
    }
}
