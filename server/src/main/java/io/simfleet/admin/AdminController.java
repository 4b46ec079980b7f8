package io.simfleet.admin;

import io.simfleet.account.Account;
import io.simfleet.account.AccountService;
import io.simfleet.account.ActivityEntry;
import io.simfleet.admin.OnboardingService.Defaults;
import io.simfleet.admin.OnboardingService.NewEnterprise;
import io.simfleet.auth.AuthService;
import io.simfleet.catalog.CatalogModel.ApnGroup;
import io.simfleet.catalog.CatalogModel.Benefit;
import io.simfleet.catalog.CatalogModel.Counter;
import io.simfleet.catalog.CatalogModel.Tariff;
import io.simfleet.catalog.CatalogModel.DynamicBenefit;
import io.simfleet.catalog.CatalogModel.Feature;
import io.simfleet.catalog.CatalogModel.Network;
import io.simfleet.catalog.CatalogModel.Plan;
import io.simfleet.catalog.CatalogModel.PlanCategory;
import io.simfleet.catalog.CatalogModel.RoamingProfile;
import io.simfleet.catalog.CatalogModel.ServiceProfile;
import io.simfleet.catalog.CatalogModel.SimProduct;
import io.simfleet.catalog.CatalogModel.ValueAddedFeature;
import io.simfleet.catalog.CatalogService;
import io.simfleet.common.DomainException;
import io.simfleet.common.ResultCode;
import io.simfleet.job.DeadWork;
import io.simfleet.job.JobService;
import io.simfleet.sim.Sim;
import io.simfleet.sim.SimService;
import io.simfleet.sim.SimService.NewSim;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator API (our design, plain JSON, see docs/admin-api.md): accounts and users, the
 * catalog of an enterprise, SIM products and SIM imports, and the background work that died. Only operator tokens reach it (the
 * auth filter answers 403 otherwise). Every call goes through the same services as the demo
 * data.
 */
@RestController
@RequestMapping(path = "/admin", produces = MediaType.APPLICATION_JSON_VALUE)
class AdminController {
    private final AccountService accounts;
    private final AuthService auth;
    private final OnboardingService onboarding;
    private final CatalogService catalog;
    private final SimService sims;
    private final JobService jobs;

    AdminController(AccountService accounts, AuthService auth, OnboardingService onboarding, CatalogService catalog,
                    SimService sims, JobService jobs) {
        this.accounts = accounts;
        this.auth = auth;
        this.onboarding = onboarding;
        this.catalog = catalog;
        this.sims = sims;
        this.jobs = jobs;
    }

    // --- accounts and users

    @GetMapping("/accounts")
    List<Account> accounts() {
        return accounts.all();
    }

    @GetMapping("/accounts/{id}")
    Account account(@PathVariable long id) {
        return existing(id);
    }

    record NewReseller(Long accountId, Long parentAccountId, String name, String username, String password) {}

    @PostMapping("/resellers")
    @ResponseStatus(HttpStatus.CREATED)
    Account createReseller(@RequestBody NewReseller r) {
        if (r.parentAccountId() == null) throw DomainException.missing("parentAccountId");
        if (r.username() != null && r.password() == null) throw DomainException.missing("password");
        return onboarding.createReseller(r.accountId(), r.parentAccountId(), r.name(), r.username(), r.password());
    }

    record EnterpriseDefaults(String apnGroupId, String apn, String serviceProfileId, Long roamingProfileId,
                              Long testRoamingProfileId) {}

    record EnterpriseRequest(Long accountId, Long parentAccountId, String name, String subscriberType, Boolean oemEnabled,
                             Boolean dynamicBenefitOnly, Boolean lowBalance, String username, String password,
                             EnterpriseDefaults defaults) {}

    @PostMapping("/enterprises")
    @ResponseStatus(HttpStatus.CREATED)
    Account createEnterprise(@RequestBody EnterpriseRequest r) {
        if (r.parentAccountId() == null) throw DomainException.missing("parentAccountId");
        if (r.username() != null && r.password() == null) throw DomainException.missing("password");
        EnterpriseDefaults d = r.defaults();
        Defaults defaults = d == null ? null
                : new Defaults(d.apnGroupId(), d.apn(), d.serviceProfileId(), d.roamingProfileId(), d.testRoamingProfileId(), null);
        return onboarding.createEnterprise(new NewEnterprise(r.accountId(), r.parentAccountId(), r.name(),
                subscriberType(r.subscriberType(), "subscriberType"), isTrue(r.oemEnabled()), isTrue(r.dynamicBenefitOnly()),
                isTrue(r.lowBalance()), r.username(), r.password(), defaults));
    }

    record Flags(Boolean oemEnabled, Boolean dynamicBenefitOnly, Boolean lowBalance, Boolean active, String timeZone,
                 Boolean endpointGroupRequired) {}

    @PatchMapping("/accounts/{id}")
    Account updateFlags(@PathVariable long id, @RequestBody Flags f) {
        existing(id);
        return accounts.updateFlags(id, f.oemEnabled(), f.dynamicBenefitOnly(), f.lowBalance(), f.active(), f.timeZone(),
                f.endpointGroupRequired());
    }

    record NewUser(String username, String password) {}

    @PostMapping("/accounts/{id}/users")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> createUser(@PathVariable long id, @RequestBody NewUser u) {
        existing(id);
        auth.createUser(u.username(), u.password(), id);
        return Map.of("username", u.username(), "accountId", id);
    }

    @GetMapping("/accounts/{id}/activity")
    List<ActivityEntry> activity(@PathVariable long id, @RequestParam(defaultValue = "100") int limit) {
        existing(id);
        if (limit < 1 || limit > 1000) throw DomainException.wrong("limit");
        return accounts.activity(id, limit);
    }

    // --- catalog of an enterprise

    record NewApnGroup(String apnGroupId, String name, String defaultApn, List<String> apns) {}

    @PostMapping("/accounts/{id}/apn-groups")
    @ResponseStatus(HttpStatus.CREATED)
    ApnGroup apnGroup(@PathVariable long id, @RequestBody NewApnGroup g) {
        enterprise(id);
        return catalog.defineApnGroup(id, g.apnGroupId(), g.name(), g.defaultApn(), g.apns());
    }

    record NewServiceProfile(String serviceProfileId, String name, String ratType, List<Feature> features) {}

    @PostMapping("/accounts/{id}/service-profiles")
    @ResponseStatus(HttpStatus.CREATED)
    ServiceProfile serviceProfile(@PathVariable long id, @RequestBody NewServiceProfile p) {
        enterprise(id);
        if (p.name() == null || p.name().isBlank()) throw DomainException.missing("name");
        List<Feature> features = p.features() == null || p.features().isEmpty() ? StandardCatalog.FEATURES : p.features();
        return catalog.defineServiceProfile(new ServiceProfile(id, p.serviceProfileId(), p.name(), "0", "1", "9|2", "3|2|4",
                p.ratType() == null ? "10" : p.ratType(), features));
    }

    record NewRoamingProfile(Long roamingProfileId, String name, Boolean test, List<Network> networks) {}

    /** Networks default to the operator's standard coverage. */
    @PostMapping("/accounts/{id}/roaming-profiles")
    @ResponseStatus(HttpStatus.CREATED)
    RoamingProfile roamingProfile(@PathVariable long id, @RequestBody NewRoamingProfile p) {
        enterprise(id);
        if (p.name() == null || p.name().isBlank()) throw DomainException.missing("name");
        List<Network> networks = p.networks() == null ? StandardCatalog.NETWORKS : p.networks();
        return catalog.defineRoamingProfile(id, p.roamingProfileId(), p.name(), isTrue(p.test()), networks);
    }

    record NewPlan(String planId, String name, String description, String category, String planType, Integer validityDays,
                   BigDecimal amount, List<Long> roamingProfileIds, String serviceProfileId, List<Benefit> benefits,
                   List<Counter> counters, Tariff tariff) {}

    @PostMapping("/accounts/{id}/plans")
    @ResponseStatus(HttpStatus.CREATED)
    Plan plan(@PathVariable long id, @RequestBody NewPlan p) {
        enterprise(id);
        if (p.name() == null || p.name().isBlank()) throw DomainException.missing("name");
        if (p.category() == null) throw DomainException.missing("category");
        PlanCategory category = enumValue(p.category().equalsIgnoreCase("BASE") ? "NORMAL" : p.category(), "category");
        if (p.roamingProfileIds() == null) throw DomainException.missing("roamingProfileIds");
        if (p.serviceProfileId() == null) throw DomainException.missing("serviceProfileId");
        int validity = p.validityDays() == null ? 30 : p.validityDays();
        if (validity < 1 || validity > 3650) throw DomainException.wrong("validityDays");
        List<Benefit> benefits = p.benefits() == null ? List.of() : p.benefits();
        return catalog.definePlan(new Plan(id, p.planId(), p.name(), p.description(), category,
                subscriberType(p.planType(), "planType"), validity, null, null, p.amount(), null, null, true,
                p.roamingProfileIds(), p.serviceProfileId(), benefits, p.counters(), p.tariff()));
    }

    record NewDynamicBenefit(Long dynamicBenefitId, String name, Boolean pooled, Integer priority,
                             List<Long> roamingProfileIds, Long dataMb, Boolean autoRenewal) {}

    @PostMapping("/accounts/{id}/dynamic-benefits")
    @ResponseStatus(HttpStatus.CREATED)
    DynamicBenefit dynamicBenefit(@PathVariable long id, @RequestBody NewDynamicBenefit b) {
        enterprise(id);
        if (b.name() == null || b.name().isBlank()) throw DomainException.missing("name");
        if (b.roamingProfileIds() == null || b.roamingProfileIds().isEmpty()) throw DomainException.missing("roamingProfileIds");
        if (b.dataMb() == null) throw DomainException.missing("dataMb");
        if (b.dataMb() <= 0) throw DomainException.wrong("dataMb");
        return catalog.defineDynamicBenefit(new DynamicBenefit(id, b.dynamicBenefitId() == null ? 0 : b.dynamicBenefitId(),
                b.name(), b.pooled() == null || b.pooled(), b.priority() == null ? 1 : b.priority(), b.roamingProfileIds(),
                b.dataMb(), isTrue(b.autoRenewal())));
    }

    record NewValueAddedFeature(String valueAddedFeatureId, String name) {}

    @PostMapping("/accounts/{id}/value-added-features")
    @ResponseStatus(HttpStatus.CREATED)
    ValueAddedFeature valueAddedFeature(@PathVariable long id, @RequestBody NewValueAddedFeature f) {
        enterprise(id);
        return catalog.defineValueAddedFeature(id, f.valueAddedFeatureId(), f.name() == null ? f.valueAddedFeatureId() : f.name());
    }

    // --- SIM products and SIM inventory

    record NewSimProduct(Long simProductId, String name, String cardClass) {}

    @GetMapping("/sim-products")
    List<SimProduct> simProducts() {
        return catalog.simProducts();
    }

    @PostMapping("/sim-products")
    @ResponseStatus(HttpStatus.CREATED)
    SimProduct simProduct(@RequestBody NewSimProduct p) {
        if (p.name() == null || p.name().isBlank()) throw DomainException.missing("name");
        if (p.cardClass() == null || p.cardClass().isBlank()) throw DomainException.missing("cardClass");
        return catalog.defineSimProduct(p.simProductId(), p.name(), p.cardClass());
    }

    record SimBatch(List<NewSim> sims) {}

    /** One SIM's printed activation code (docs/network.md): shown to the operator here, never in a list of the SFT API. */
    record ClaimCodeRow(String iccid, String claimCode) {}

    record Imported(long accountId, int imported, String firstIccid, String lastIccid, List<ClaimCodeRow> claimCodes) {}

    private Imported imported(long account, List<Sim> batch) {
        Map<String, String> codes = new java.util.HashMap<>();
        sims.claimCodes(account, batch.stream().map(Sim::iccid).toList()).forEach(c -> codes.put(c.iccid(), c.code()));
        return new Imported(account, batch.size(), batch.get(0).iccid(), batch.get(batch.size() - 1).iccid(),
                batch.stream().map(s -> new ClaimCodeRow(s.iccid(), codes.get(s.iccid()))).toList());
    }

    /** JSON: {@code {"sims":[{iccid, masterImsi, supplierImsis:[{sponsorName, supplierIMSI}], msisdn, eid, ean, product}]}}. */
    @PostMapping(path = "/accounts/{id}/sims", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Imported importJson(@PathVariable long id, @RequestBody SimBatch batch) {
        enterprise(id);
        if (batch.sims() == null) throw DomainException.missing("sims");
        return imported(id, sims.importSims(id, batch.sims()));
    }

    /** CSV with a header line; see {@link SimCsv}. */
    @PostMapping(path = "/accounts/{id}/sims", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @ResponseStatus(HttpStatus.CREATED)
    Imported importCsv(@PathVariable long id, @RequestBody String csv) {
        enterprise(id);
        return imported(id, sims.importSims(id, SimCsv.parse(csv)));
    }

    // --- background work

    /** Units of work whose retries are used up (docs/bulk-jobs.md, "Job handlers"), newest first; of one account if given. */
    @GetMapping("/jobs/dead")
    List<DeadWork> deadWork(@RequestParam(required = false) Long accountId, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) throw DomainException.wrong("limit");
        if (accountId != null) existing(accountId);
        return jobs.deadWork(accountId, limit);
    }

    // --- helpers

    private Account existing(long id) {
        return accounts.find(id).orElseThrow(() -> new DomainException(ResultCode.NO_DATA_AVAILABLE, "account " + id));
    }

    private Account enterprise(long id) {
        Account a = existing(id);
        if (!a.isEnterprise()) throw DomainException.wrong("accountId (not an enterprise)");
        return a;
    }

    private static boolean isTrue(Boolean b) {
        return Boolean.TRUE.equals(b);
    }

    /** PREPAID/0 or POSTPAID/1; absent = postpaid. */
    private static int subscriberType(String s, String field) {
        if (s == null) return 1;
        switch (s.trim().toUpperCase(Locale.ROOT)) {
            case "0": case "PREPAID": return 0;
            case "1": case "POSTPAID": return 1;
            default: throw DomainException.wrong(field);
        }
    }

    private static PlanCategory enumValue(String s, String field) {
        try {
            return PlanCategory.valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.wrong(field);
        }
    }
}
