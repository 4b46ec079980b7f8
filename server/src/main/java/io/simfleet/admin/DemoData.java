package io.simfleet.admin;

import io.simfleet.account.AccountService;
import io.simfleet.admin.OnboardingService.Defaults;
import io.simfleet.admin.OnboardingService.NewEnterprise;
import io.simfleet.catalog.CatalogModel.Benefit;
import io.simfleet.catalog.CatalogModel.Counter;
import io.simfleet.catalog.CatalogModel.DynamicBenefit;
import io.simfleet.catalog.CatalogModel.Plan;
import io.simfleet.catalog.CatalogModel.PlanCategory;
import io.simfleet.catalog.CatalogService;
import io.simfleet.common.Actor;
import io.simfleet.config.SimfleetProperties;
import io.simfleet.endpoint.CreateEndpoint;
import io.simfleet.endpoint.EndpointService;
import io.simfleet.sim.Sim.SupplierImsi;
import io.simfleet.privatenet.PrivateNetworkService;
import io.simfleet.sim.SimService;
import io.simfleet.sim.SimService.NewSim;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo data set: the walkthrough's account (reseller 31077026, enterprise 41078552 with
 * PDP_1108, SP_319, roaming profile 358, the default plans, SIMs 8932042000000015190–99 and
 * endpoint 51368592), plus an OEM, a prepaid and a second enterprise. Loaded once, into an
 * empty database, through the same services as the operator API.
 */
@Component
class DemoData {
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final long OPERATOR = OperatorBootstrap.OPERATOR, RESELLER = 31077026L, CUSTOMER = 41078552L, OEM = 41078553L,
            PREPAID = 41078554L, OTHER = 41078555L,
            TRAVEL = 41078556L;
    static final String EAN = "5400847999997";

    private final SimfleetProperties props;
    private final AccountService accounts;
    private final OnboardingService onboarding;
    private final CatalogService catalog;
    private final SimService sims;
    private final EndpointService endpoints;
    private final PrivateNetworkService privateNetwork;
    private final TransactionTemplate tx;

    DemoData(SimfleetProperties props, AccountService accounts, OnboardingService onboarding,
             CatalogService catalog, SimService sims, EndpointService endpoints, PrivateNetworkService privateNetwork,
             TransactionTemplate tx) {
        this.privateNetwork = privateNetwork;
        this.props = props;
        this.accounts = accounts;
        this.onboarding = onboarding;
        this.catalog = catalog;
        this.sims = sims;
        this.endpoints = endpoints;
        this.tx = tx;
    }

    /** Runs once per start, before the server accepts a request ({@link StartupData}). */
    void run() {
        if (!props.demoDataEnabled()) {
            return;
        }
        log.warn("""
                DEMO DATA IS ON: the demo users' passwords are public. customer, oem, prepaid, other, travel and reseller
                  log in with their user name as password, and the operator user admin with 'admin' (unless
                  SIMFLEET_ADMIN_PASSWORD was set when the database was created). Do not expose this server to a network.
                  For real use, start on a new data directory or database with SIMFLEET_DEMO_DATA=false.""");
        if (accounts.find(RESELLER).isPresent()) {
            log.info("Demo data: already loaded");
            return;
        }
        tx.executeWithoutResult(s -> load());
        boolean adminPasswordSet = props.adminPassword() != null && !props.adminPassword().isBlank();
        log.info("""
                Demo data loaded. Users (username / password):
                  customer / customer   enterprise 41078552 "Customer" (postpaid, the walkthrough's account)
                  oem / oem             enterprise 41078553 (OEM enabled)
                  prepaid / prepaid     enterprise 41078554 (prepaid)
                  other / other         enterprise 41078555 (a second enterprise of the same reseller)
                  reseller / reseller   reseller 31077026
                  travel / travel       enterprise 41078556 "Travel SIM Seller" (prepaid, 20 000 SIMs for bulk provisioning)
                  admin / {}         operator 10000001 (operator API under /admin)""",
                adminPasswordSet ? "(SIMFLEET_ADMIN_PASSWORD)" : "admin");
    }

    private void load() {
        catalog.defineSimProduct(1L, "IR1-1EU28-Multi", "MFF2");
        catalog.defineSimProduct(2L, "IR1-1EU28-Multi-2FF3FF4FF", "2FF/3FF/4FF");
        onboarding.createReseller(RESELLER, OPERATOR, "Reseller", "reseller", "reseller");

        onboarding.createEnterprise(new NewEnterprise(CUSTOMER, RESELLER, "Customer", 1, false, false, false,
                "customer", "customer", new Defaults("PDP_1108", "bicsapn", "SP_319", 358L, null, null)));
        catalog.definePlan(new Plan(CUSTOMER, "560077", "DATA 1GB ADDON", "1 GB of data for 30 days", PlanCategory.ADDON, 1, 30,
                "9", "DATA", new BigDecimal("5.00"), null, null, true, List.of(358L), "SP_319",
                List.of(new Benefit("DATA", 1024)), List.of(new Counter("DATA_80", 80, "PERCENT", "THROTTLE_512Kbps"))));
        catalog.definePlan(new Plan(CUSTOMER, "560078", "SMS 100 ADDON", "100 SMS for 30 days", PlanCategory.ADDON, 1, 30,
                "2", "SMS", new BigDecimal("1.00"), null, null, true, List.of(358L), "SP_319",
                List.of(new Benefit("SMS", 100)), List.of()));
        catalog.defineDynamicBenefit(new DynamicBenefit(CUSTOMER, 6261, "Pooled 10GB", true, 1, List.of(358L), 10240, true));
        catalog.defineValueAddedFeature(CUSTOMER, "VAF_STATIC_IP", "Static IP");
        sims.importSims(CUSTOMER, walkthroughSims("8932042000000015190", 10));
        endpoints.create(Actor.system(CUSTOMER), new CreateEndpoint("Endpoint", true, List.of(358L), "PDP_1108",
                "DEFAULTPOST" + CUSTOMER, "8932042000000015190", true, null, null, null, List.of(), List.of(), List.of(), null));
        // the private network of endpoint-states-private-network.txt's music festival: a slice and an empty group (docs/network.md)
        long festival = privateNetwork.createSlice(CUSTOMER, "Festival", "10.20.0.0/24").id();
        privateNetwork.createGroup(CUSTOMER, festival, "ePos terminals");

        onboarding.createEnterprise(new NewEnterprise(OEM, RESELLER, "OEM Customer", 1, true, false, false, "oem", "oem",
                new Defaults("PDP_1109", "oemapn", "SP_320", 359L, 360L, null)));
        sims.importSims(OEM, walkthroughSims("8932042000000016190", 10));

        onboarding.createEnterprise(new NewEnterprise(PREPAID, RESELLER, "Prepaid Customer", 0, false, false, false,
                "prepaid", "prepaid", new Defaults("PDP_1110", "prepaidapn", "SP_321", 361L, null, null)));
        sims.importSims(PREPAID, walkthroughSims("8932042000000017190", 10));

        onboarding.createEnterprise(new NewEnterprise(OTHER, RESELLER, "Other Customer", 1, false, false, false,
                "other", "other", new Defaults("PDP_1111", "otherapn", "SP_322", 362L, null, null)));
        sims.importSims(OTHER, walkthroughSims("8932042000000018190", 10));

        // the travel-SIM seller of endpoint-creation-strategy.txt: 20 000 SIMs to pre-provision in bulk
        onboarding.createEnterprise(new NewEnterprise(TRAVEL, RESELLER, "Travel SIM Seller", 0, false, false, false,
                "travel", "travel", new Defaults("PDP_1112", "travelapn", "SP_323", 363L, null, null)));
        sims.importSims(TRAVEL, inventorySims("8932042000100000000", 20_000));
    }

    /**
     * SIMs numbered as in the walkthrough: the last five ICCID digits end the master IMSI
     * (20628100001xxxx), the supplier IMSIs (IR1 2060188519…, IR2 2080900550…, IR4 3022205050…,
     * IR3 5250533300…) and the MSISDN (3277000409…).
     */
    static List<NewSim> walkthroughSims(String firstIccid, int count) {
        return numberedSims(firstIccid, count, 5, "2062810000", "2060188519", "2080900550", "3022205050", "5250533300", "3277000409");
    }

    /** A large inventory numbered the same way with the last nine ICCID digits, unique over 20 000 SIMs. */
    static List<NewSim> inventorySims(String firstIccid, int count) {
        return numberedSims(firstIccid, count, 9, "206281", "206018", "208090", "302220", "525053", "327701");
    }

    /** {@code count} consecutive SIMs whose IMSIs and MSISDN are a prefix and the last {@code tail} ICCID digits. */
    private static List<NewSim> numberedSims(String firstIccid, int count, int tail, String imsi, String ir1, String ir2,
                                             String ir4, String ir3, String msisdn) {
        List<NewSim> out = new ArrayList<>(count);
        long first = Long.parseLong(firstIccid);
        for (int i = 0; i < count; i++) {
            String iccid = Long.toString(first + i);
            String t = iccid.substring(iccid.length() - tail);
            out.add(new NewSim(iccid, imsi + t, List.of(
                    new SupplierImsi("IR1", ir1 + t),
                    new SupplierImsi("IR2", ir2 + t),
                    new SupplierImsi("IR4", ir4 + t),
                    new SupplierImsi("IR3", ir3 + t)),
                    msisdn + t, null, EAN, null, "IR1-1EU28-Multi"));
        }
        return out;
    }
}
