package io.simfleet.admin;

import io.simfleet.account.Account;
import io.simfleet.account.AccountService;
import io.simfleet.account.AccountService.NewAccount;
import io.simfleet.auth.AuthService;
import io.simfleet.catalog.CatalogModel.Benefit;
import io.simfleet.catalog.CatalogModel.Network;
import io.simfleet.catalog.CatalogModel.Plan;
import io.simfleet.catalog.CatalogModel.PlanCategory;
import io.simfleet.catalog.CatalogModel.RoamingProfile;
import io.simfleet.catalog.CatalogModel.ServiceProfile;
import io.simfleet.catalog.CatalogService;
import io.simfleet.common.AccountType;
import io.simfleet.common.DomainException;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates accounts the way an operator does: an enterprise arrives with its DEFAULT service
 * profile, DEFAULT roaming profile (the operator's coverage), DEFAULT APN group and default
 * prepaid and postpaid base plans; an OEM enterprise also with TEST and INVENTORY plans and a
 * TEST roaming profile. All or nothing.
 */
@Service
public class OnboardingService {
    private final AccountService accounts;
    private final AuthService auth;
    private final CatalogService catalog;

    OnboardingService(AccountService accounts, AuthService auth, CatalogService catalog) {
        this.accounts = accounts;
        this.auth = auth;
        this.catalog = catalog;
    }

    /** Ids of the default catalog objects; any null is generated. */
    public record Defaults(String apnGroupId, String apn, String serviceProfileId, Long roamingProfileId,
                           Long testRoamingProfileId, List<Network> networks) {
        static final Defaults GENERATED = new Defaults(null, null, null, null, null, null);
    }

    public record NewEnterprise(Long accountId, long parentAccountId, String name, int subscriberType, boolean oemEnabled,
                                boolean dynamicBenefitOnly, boolean lowBalance, String username, String password,
                                Defaults defaults) {}

    @Transactional
    public Account createReseller(Long id, long parentId, String name, String username, String password) {
        Account a = accounts.create(new NewAccount(id, parentId, AccountType.RESELLER, name, 1, false, false, false));
        if (username != null) auth.createUser(username, password, a.id());
        return a;
    }

    @Transactional
    public Account createEnterprise(NewEnterprise n) {
        if (n.subscriberType() != 0 && n.subscriberType() != 1) throw DomainException.wrong("subscriberType");
        Account a = accounts.create(new NewAccount(n.accountId(), n.parentAccountId(), AccountType.ENTERPRISE, n.name(),
                n.subscriberType(), n.oemEnabled(), n.dynamicBenefitOnly(), n.lowBalance()));
        if (n.username() != null) auth.createUser(n.username(), n.password(), a.id());
        Defaults d = n.defaults() == null ? Defaults.GENERATED : n.defaults();
        long acc = a.id();
        catalog.defineApnGroup(acc, d.apnGroupId(), "DEFAULT", d.apn() == null ? "simfleet.iot" : d.apn(), null);
        ServiceProfile sp = catalog.defineServiceProfile(new ServiceProfile(acc, d.serviceProfileId(), "DEFAULT", "0", "1",
                "9|2", "3|2|4", "10", StandardCatalog.FEATURES));
        List<Network> networks = d.networks() == null || d.networks().isEmpty() ? StandardCatalog.NETWORKS : d.networks();
        RoamingProfile rp = catalog.defineRoamingProfile(acc, d.roamingProfileId(), "DEFAULT", false, networks);
        for (int type : new int[] {1, 0}) {
            String suffix = (type == 1 ? "POST" : "PRE") + acc;
            String typeName = type == 1 ? "POSTPAID" : "PREPAID";
            catalog.definePlan(plan(acc, "DEFAULT" + suffix, "DEFAULT " + typeName + " PLAN", PlanCategory.NORMAL, type,
                    List.of(rp.id()), sp.id(), List.of()));
        }
        if (n.oemEnabled()) {
            RoamingProfile test = catalog.defineRoamingProfile(acc, d.testRoamingProfileId(), "TEST_ROAMING", true, networks);
            for (int type : new int[] {1, 0}) {
                String suffix = (type == 1 ? "POST" : "PRE") + acc;
                String typeName = type == 1 ? "POSTPAID" : "PREPAID";
                catalog.definePlan(plan(acc, "TEST" + suffix, "TEST " + typeName + " PLAN", PlanCategory.TEST, type,
                        List.of(rp.id(), test.id()), sp.id(), List.of(new Benefit("DATA", 10))));
                catalog.definePlan(plan(acc, "INVENTORY" + suffix, "INVENTORY " + typeName + " PLAN", PlanCategory.INVENTORY, type,
                        List.of(rp.id()), sp.id(), List.of()));
            }
        }
        return a;
    }

    static Plan plan(long acc, String id, String name, PlanCategory category, int type, List<Long> roaming, String sp,
                     List<Benefit> benefits) {
        return new Plan(acc, id, name, name, category, type, 30, "9|2", "SMS|DATA", BigDecimal.ZERO, null, null, true,
                roaming, sp, benefits, List.of());
    }
}
