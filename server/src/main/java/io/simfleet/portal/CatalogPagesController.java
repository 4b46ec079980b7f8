package io.simfleet.portal;

import io.simfleet.catalog.CatalogModel.ApnGroup;
import io.simfleet.catalog.CatalogModel.Network;
import io.simfleet.catalog.CatalogModel.Plan;
import io.simfleet.catalog.CatalogModel.RoamingProfile;
import io.simfleet.catalog.CatalogModel.ServiceProfile;
import io.simfleet.catalog.CatalogModel.Tariff;
import io.simfleet.catalog.CatalogModel.ValueAddedFeature;
import io.simfleet.catalog.CatalogService;
import io.simfleet.common.Actor;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The acting enterprise's catalog as the walkthrough shows it: APN Group List, Plans (Postpaid /
 * Prepaid switch, search, BASIC INFO, benefits, counters, tariff), Coverage (Roaming Profiles with
 * the List of Networks), Services (service profiles and value-added features), Tariff (the plans'
 * prices per service and roaming zone). Each list also as CSV. Read only, from the account's
 * catalog view ({@link CatalogService#view}): one version check per page.
 */
@Controller
class CatalogPagesController {
    static final List<String> ZONES = List.of("IR1", "IR2", "IR3", "IR4");

    private final CatalogService catalog;

    CatalogPagesController(CatalogService catalog) {
        this.catalog = catalog;
    }

    // --- APN

    @GetMapping("/portal/apn")
    String apn(Actor actor, @RequestParam(required = false) String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("groups", apnGroups(actor, q));
        model.addAttribute("total", catalog.view(actor.accountId()).apnGroups().size());
        return "portal/apn";
    }

    @GetMapping("/portal/apn/export")
    void apnExport(Actor actor, @RequestParam(required = false) String q, HttpServletResponse response) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (ApnGroup g : apnGroups(actor, q)) rows.add(new String[] {g.name(), g.id(), g.defaultApn(), String.join("|", g.apns())});
        csv(response, "apn-groups.csv", new String[] {"apnGroupName", "apnGroupId", "defaultApn", "apnList"}, rows);
    }

    private List<ApnGroup> apnGroups(Actor actor, String q) {
        return catalog.view(actor.accountId()).apnGroups().stream()
                .filter(g -> matches(q, g.name(), g.id(), g.defaultApn(), String.join(" ", g.apns()))).toList();
    }

    // --- Plan

    /** A plan with what the page shows beside it: its service profile's name and its roaming profiles. */
    record PlanView(Plan plan, String category, String status, String serviceProfile, List<RoamingProfile> roamingProfiles) {}

    @GetMapping("/portal/plans")
    String plans(Actor actor, @RequestParam(required = false) String type, @RequestParam(required = false) String q,
                 @RequestParam(required = false) String plan, Model model) {
        boolean prepaid = "prepaid".equalsIgnoreCase(type);
        CatalogService.View view = catalog.view(actor.accountId());
        List<PlanView> plans = plans(view, prepaid, q);
        model.addAttribute("prepaid", prepaid);
        model.addAttribute("q", q);
        model.addAttribute("plans", plans);
        PlanView selected = plans.stream().filter(p -> p.plan().id().equals(plan)).findFirst()
                .orElse(plan == null && !plans.isEmpty() ? plans.get(0) : null);
        if (plan != null && selected == null) {
            // a plan of the other type, or of no list shown: shown if it is the account's (never another account's)
            selected = view.plansById(List.of(plan)).values().stream().map(p -> view(view, p)).findFirst().orElse(null);
        }
        model.addAttribute("selected", selected);
        model.addAttribute("zones", ZONES);
        model.addAttribute("services", Tariff.SERVICES);
        return "portal/plans";
    }

    @GetMapping("/portal/plans/export")
    void plansExport(Actor actor, @RequestParam(required = false) String type, @RequestParam(required = false) String q,
                     HttpServletResponse response) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (PlanView v : plans(catalog.view(actor.accountId()), "prepaid".equalsIgnoreCase(type), q)) {
            Plan p = v.plan();
            rows.add(new String[] {p.id(), p.name(), p.description(), p.planTypeName(), v.category(), v.status(), v.serviceProfile(),
                    p.roamingProfileIds().stream().map(String::valueOf).collect(Collectors.joining("|")),
                    p.benefits().stream().map(b -> b.type() + " " + b.amount()).collect(Collectors.joining("|")),
                    p.amount() == null ? "" : p.amount().toPlainString(), Integer.toString(p.validityDays())});
        }
        csv(response, "plans.csv", new String[] {"planId", "planName", "description", "planType", "category", "status",
                "serviceProfile", "roamingProfileIds", "benefits", "amount", "validityDays"}, rows);
    }

    private List<PlanView> plans(CatalogService.View view, boolean prepaid, String q) {
        return view.plans().stream().filter(p -> (p.planType() == 0) == prepaid)
                .filter(p -> matches(q, p.id(), p.name(), p.description())).map(p -> view(view, p)).toList();
    }

    private static PlanView view(CatalogService.View view, Plan p) {
        String category = p.category() == io.simfleet.catalog.CatalogModel.PlanCategory.NORMAL ? "BASE" : p.category().name();
        String sp = p.serviceProfileId() == null ? "" : view.serviceProfiles(p.serviceProfileId()).stream()
                .map(ServiceProfile::name).findFirst().orElse(p.serviceProfileId());
        return new PlanView(p, category, p.active() ? "Active" : "Inactive", sp, view.roamingProfiles(p.roamingProfileIds()));
    }

    // --- Coverage

    @GetMapping("/portal/coverage")
    String coverage(Actor actor, @RequestParam(required = false) String profile, Model model) {
        List<RoamingProfile> profiles = catalog.view(actor.accountId()).roamingProfiles(null);
        RoamingProfile selected = profiles.stream().filter(p -> String.valueOf(p.id()).equals(profile)).findFirst()
                .orElse(profile == null && !profiles.isEmpty() ? profiles.get(0) : null);
        if (profile != null && selected == null) throw new PortalAdvice.PortalNotFound();
        model.addAttribute("profiles", profiles);
        model.addAttribute("selected", selected);
        return "portal/coverage";
    }

    /** Every network of every roaming profile of the account (or of {@code profile}). */
    @GetMapping("/portal/coverage/export")
    void coverageExport(Actor actor, @RequestParam(required = false) String profile, HttpServletResponse response) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (RoamingProfile p : catalog.view(actor.accountId()).roamingProfiles(null)) {
            if (profile != null && !String.valueOf(p.id()).equals(profile)) continue;
            for (Network n : p.networks()) {
                rows.add(new String[] {Long.toString(p.id()), p.name(), n.countryName(), n.operatorName(), n.mccMnc(),
                        n.categoryGroupId(), n.tadigCode(), barring(n), n.networkTypes()});
            }
        }
        csv(response, "coverage.csv", new String[] {"roamingProfileId", "roamingProfileName", "country", "operator", "mccMnc",
                "reference", "tadig", "barring", "networkTypes"}, rows);
    }

    /** A network's barring as the page shows it: "Not barred", "Barred", or "Barred: 2G|3G". */
    static String barring(Network n) {
        if (!n.barred()) return "Not barred";
        return n.barredRats().isEmpty() ? "Barred" : "Barred: " + n.barredRats();
    }

    // --- Services

    @GetMapping("/portal/services")
    String services(Actor actor, Model model) {
        CatalogService.View view = catalog.view(actor.accountId());
        model.addAttribute("profiles", view.serviceProfiles(null));
        model.addAttribute("features", view.valueAddedFeatures());
        return "portal/services";
    }

    @GetMapping("/portal/services/export")
    void servicesExport(Actor actor, HttpServletResponse response) throws IOException {
        CatalogService.View view = catalog.view(actor.accountId());
        List<String[]> rows = new ArrayList<>();
        for (ServiceProfile p : view.serviceProfiles(null)) {
            String enabled = p.features().stream().filter(f -> "true".equals(f.value())).map(f -> f.featureName())
                    .collect(Collectors.joining("|"));
            rows.add(new String[] {"serviceProfile", p.id(), p.name(), p.services(), p.ratType(), enabled});
        }
        for (ValueAddedFeature f : view.valueAddedFeatures()) rows.add(new String[] {"valueAddedFeature", f.id(), f.name(), "", "", ""});
        csv(response, "services.csv", new String[] {"kind", "id", "name", "services", "ratType", "enabledFeatures"}, rows);
    }

    // --- Tariff

    /** One service's prices of a plan: at home and in each roaming zone (a zone's own price, else the home one). */
    record PriceRow(Plan plan, String service, BigDecimal home, List<BigDecimal> zones) {}

    @GetMapping("/portal/tariff")
    String tariff(Actor actor, Model model) {
        model.addAttribute("rows", prices(actor));
        model.addAttribute("zones", ZONES);
        return "portal/tariff";
    }

    @GetMapping("/portal/tariff/export")
    void tariffExport(Actor actor, HttpServletResponse response) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (PriceRow r : prices(actor)) {
            List<String> cells = new ArrayList<>(List.of(r.plan().id(), r.plan().name(), r.plan().planTypeName(), r.service(),
                    r.home().toPlainString()));
            r.zones().forEach(z -> cells.add(z.toPlainString()));
            rows.add(cells.toArray(String[]::new));
        }
        csv(response, "tariff.csv", new String[] {"planId", "planName", "planType", "service", "home", "IR1", "IR2", "IR3", "IR4"}, rows);
    }

    private List<PriceRow> prices(Actor actor) {
        List<PriceRow> rows = new ArrayList<>();
        for (Plan p : catalog.view(actor.accountId()).plans()) {
            for (String s : Tariff.SERVICES) {
                rows.add(new PriceRow(p, s, p.tariff().price(s, null), ZONES.stream().map(z -> p.tariff().price(s, z)).toList()));
            }
        }
        return rows;
    }

    // --- helpers

    /** Whether any of {@code values} contains {@code q} (any letter case); a blank q matches everything. */
    static boolean matches(String q, String... values) {
        if (q == null || q.isBlank()) return true;
        String needle = q.strip().toLowerCase(Locale.ROOT);
        for (String v : values) if (v != null && v.toLowerCase(Locale.ROOT).contains(needle)) return true;
        return false;
    }

    /** A small list (the catalog's, in memory) as a CSV attachment. */
    static void csv(HttpServletResponse response, String file, String[] header, List<String[]> rows) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + file + "\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write(Csv.row(header));
        for (String[] r : rows) out.write(Csv.row(r));
        out.flush();
    }
}
