package io.simfleet.endpoint;

import static io.simfleet.endpoint.EndpointStatus.*;

import io.simfleet.account.Account;
import io.simfleet.account.AccountService;
import io.simfleet.catalog.CatalogModel.Plan;
import io.simfleet.catalog.CatalogModel.ServiceProfile;
import io.simfleet.catalog.CatalogService;
import io.simfleet.common.Actor;
import io.simfleet.common.DomainException;
import io.simfleet.common.ResultCode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Modify Endpoint: every field of the request is checked and applied in one transaction on the
 * locked endpoint, so a request that fails on any field changes nothing. Bulk Modify calls the
 * same method once per endpoint.
 */
@Service
public class EndpointModifier {
    static final int MAX_ADDONS_PER_CALL = 10;
    /** The services a service profile may offer, and the RATs each RAT type allows (bar flag names). */
    static final List<String> SERVICES = List.of("DATA", "SMS_MO", "SMS_MT", "NB_IOT");
    static final Map<String, List<String>> RATS = Map.of(
            "02", List.of("2G"), "01", List.of("2G", "2G/3G"), "06", List.of("2G", "2G/3G", "4G"),
            "10", List.of("2G", "2G/3G", "4G", "5G"));

    private final EndpointRepository repo;
    private final AccountService accounts;
    private final CatalogService catalog;
    private final EndpointRules rules;
    private final EndpointOperations operations;
    private final Clock clock;

    EndpointModifier(EndpointRepository repo, AccountService accounts, CatalogService catalog, EndpointRules rules,
                     EndpointOperations operations, Clock clock) {
        this.repo = repo;
        this.accounts = accounts;
        this.catalog = catalog;
        this.rules = rules;
        this.operations = operations;
        this.clock = clock;
    }

    /** The rules that need no endpoint (name, IMEI format), so that a bulk can refuse them at once. */
    public static void checkFields(ModifyEndpoint m) {
        if (m.name() != null) EndpointRules.name(m.name(), "endPointName");
        EndpointRules.imei(m.imei());
    }

    @Transactional
    public void modify(Actor actor, EndpointRef ref, ModifyEndpoint m) {
        if (m.isEmpty()) throw DomainException.missing("requestParam");
        checkFields(m);
        long acc = actor.accountId();
        Account account = accounts.get(acc);
        Endpoint e = repo.lock(acc, ref).filter(x -> x.status() != DELETED)
                .orElseThrow(() -> new DomainException(ResultCode.MODIFY_ENDPOINT_FAILURE, ref + " not found"));
        Instant now = clock.instant();
        List<String> changed = new ArrayList<>();
        Endpoint.Builder b = e.toBuilder();

        if (m.name() != null) {
            EndpointRules.name(m.name(), "endPointName");
            b.name = m.name();
            changed.add("endPointName");
        }
        if (m.apnGroupId() != null) {
            if (catalog.apnGroup(acc, m.apnGroupId()).isEmpty()) throw DomainException.wrong("apnGroupId");
            b.apnGroupId = m.apnGroupId();
            changed.add("apnGroupId");
        }
        imei(m, e, b, changed);
        bars(m, e, b, changed);

        Endpoint current = b.build();
        if (m.planId() != null) {
            current = operations.applyPlanChange(actor, current, m.planId());
            changed.add("planId");
        }
        b = current.toBuilder();

        // dynamic benefit: one at most
        if (m.addDynamicBenefitIds().size() > 1) throw new DomainException(ResultCode.MAXIMUM_BENEFIT_LIMIT);
        Set<Long> removeBenefits = new HashSet<>(m.removeDynamicBenefitIds());
        for (Long id : removeBenefits) {
            if (!id.equals(current.dynamicBenefitId())) throw DomainException.wrong("removeDynamicBenefitsIds");
        }
        Long benefit = removeBenefits.isEmpty() ? current.dynamicBenefitId() : null;
        if (!m.addDynamicBenefitIds().isEmpty()) {
            long add = m.addDynamicBenefitIds().get(0);
            if (Long.valueOf(add).equals(benefit)) throw new DomainException(ResultCode.SAME_DYNAMIC_BENEFIT);
            if (benefit != null) throw new DomainException(ResultCode.MAXIMUM_BENEFIT_LIMIT, "remove the current dynamic benefit first");
            rules.dynamicBenefit(acc, add, current.roamingProfileIds(), "addDynamicBenefitsIds");
            benefit = add;
        }
        boolean activated = current.status() == ACTIVE || current.status() == SUSPENDED
                || current.status() == ACTIVE_TEST || current.status() == ACTIVE_INVENTORY;
        if (!removeBenefits.isEmpty() && benefit == null && account.dynamicBenefitOnly() && activated) {
            throw new DomainException(ResultCode.DYNAMIC_BENEFIT_REMOVAL_NOT_ALLOWED);
        }
        if (!java.util.Objects.equals(benefit, current.dynamicBenefitId())) {
            b.dynamicBenefitId = benefit;
            changed.add("dynamicBenefit");
        }

        // add-ons
        List<EndpointRepository.Addon> held = repo.addons(acc, e.id());
        List<Long> removeUnique = List.copyOf(new LinkedHashSet<>(m.removeAddonUniqueIds()));
        if (!removeUnique.isEmpty()) {
            if (account.oemEnabled()) {
                throw new DomainException(ResultCode.MODIFY_ENDPOINT_FAILURE, "add-ons of OEM enabled accounts cannot be removed by uniqueId");
            }
            Set<Long> heldIds = held.stream().map(EndpointRepository.Addon::uniqueId).collect(Collectors.toSet());
            if (!heldIds.containsAll(removeUnique)) throw DomainException.wrong("removeAddonUniqueIds");
        }
        List<Long> removeByPlan = new ArrayList<>();
        if (!m.removeAddonPlanIds().isEmpty()) {
            if (current.status() != ACTIVE_TEST && current.status() != ACTIVE_INVENTORY) {
                throw new DomainException(ResultCode.MODIFY_ENDPOINT_FAILURE, "removeAddonPlanIds is for endpoints in Active-Test or Active-Inventory");
            }
            for (String planId : new LinkedHashSet<>(m.removeAddonPlanIds())) {
                List<Long> matching = held.stream().filter(a -> a.planId().equals(planId)).map(EndpointRepository.Addon::uniqueId).toList();
                if (matching.isEmpty()) throw DomainException.wrong("removeAddonPlanIds");
                removeByPlan.addAll(matching);
            }
        }
        List<Plan> addons = List.of();
        if (!m.addAddonPlanIds().isEmpty()) {
            if (m.addAddonPlanIds().size() > MAX_ADDONS_PER_CALL) {
                throw new DomainException(ResultCode.MAXIMUM_COUNT_EXCEEDED, "addAddonPlanIds");
            }
            if (current.status() != ACTIVE && current.status() != ACTIVE_TEST && current.status() != ACTIVE_INVENTORY) {
                throw new DomainException(ResultCode.SUBSCRIBER_NOT_ACTIVE);
            }
            Set<String> planIds = new HashSet<>(m.addAddonPlanIds());
            planIds.add(current.planId());
            Map<String, Plan> plans = catalog.plansById(acc, planIds);
            int remaining = held.size() - removeUnique.size() - removeByPlan.size();
            addons = rules.addons(m.addAddonPlanIds(), remaining, plans.get(current.planId()), plans,
                    current.roamingProfileIds(), "addAddonPlanIds");
        }

        // value-added features and tags
        rules.valueAddedFeatures(acc, m.addValueAddedFeatureIds(), "addValueAddedFeatureIds");
        List<String> heldFeatures = repo.valueAddedFeatures(acc, e.id());
        if (!heldFeatures.containsAll(m.removeValueAddedFeatureIds())) throw DomainException.wrong("removeValueAddedFeatureIds");
        List<Long> heldTags = repo.tagLinks(acc, List.of(e.id())).stream().map(l -> l[1]).toList();
        if (!heldTags.containsAll(m.removeTagIds())) throw DomainException.wrong("removetagIds");
        Set<Long> keptTags = new HashSet<>(heldTags);
        m.removeTagIds().forEach(keptTags::remove);
        List<Long> newTags = m.addTagIds().stream().filter(t -> !keptTags.contains(t)).distinct().toList();
        rules.tags(acc, newTags, keptTags.size(), "addtagIds");

        // everything is valid: write
        Endpoint after = b.build();
        repo.update(after);
        if (!removeUnique.isEmpty() || !removeByPlan.isEmpty()) {
            List<Long> all = new ArrayList<>(removeUnique);
            all.addAll(removeByPlan);
            repo.removeAddons(acc, e.id(), all, now);
            changed.add("removeAddons");
        }
        for (Plan p : addons) {
            repo.insertAddonsAll(acc, List.of(e.id()), p.id(), now, now.plus(p.validityDays(), ChronoUnit.DAYS));
        }
        if (!addons.isEmpty()) changed.add("addAddonPlanIds");
        if (!m.removeValueAddedFeatureIds().isEmpty()) {
            repo.removeValueAddedFeatures(acc, e.id(), m.removeValueAddedFeatureIds());
            changed.add("removeValueAddedFeatureIds");
        }
        if (!m.addValueAddedFeatureIds().isEmpty()) {
            repo.insertValueAddedFeaturesAll(acc, List.of(e.id()), new LinkedHashSet<>(m.addValueAddedFeatureIds()));
            changed.add("addValueAddedFeatureIds");
        }
        if (!m.removeTagIds().isEmpty()) {
            repo.removeTags(acc, e.id(), m.removeTagIds());
            changed.add("removetagIds");
        }
        if (!newTags.isEmpty()) {
            repo.insertTagsAll(acc, List.of(e.id()), newTags);
            changed.add("addtagIds");
        }
        repo.appendEvent(actor, e.id(), now, "ModifyEndpoint", e.status(), after.status(), null, String.join(",", changed));
    }

    /** LOCK / UNLOCK with an optional IMEI ("" clears it); locking to another IMEI needs an UNLOCK first (10069). */
    static void imei(ModifyEndpoint m, Endpoint e, Endpoint.Builder b, List<String> changed) {
        if (m.imeiLock() == null && m.imei() == null) return;
        EndpointRules.imei(m.imei());
        String newImei = m.imei() == null ? e.imei() : m.imei().isEmpty() ? null : m.imei();
        boolean lock = m.imeiLock() != null ? m.imeiLock() : e.imeiLocked();
        boolean otherImei = e.imei() != null && newImei != null && !newImei.equals(e.imei());
        if (e.imeiLocked() && lock && otherImei) {
            throw new DomainException(ResultCode.MODIFY_ENDPOINT_FAILURE, "Endpoint already locked to an IMEI, Please UNLOCK the Endpoint first");
        }
        b.imei = newImei;
        b.imeiLocked = lock;
        changed.add("imei");
    }

    /**
     * The bar_* flags. bar_All_Services overrides the others and acts on the services of the
     * endpoint's service profile only. A service or RAT the profile does not offer answers 10232;
     * barring what is barred 10230; unbarring what is not 10231; unbarring a RAT while DATA is
     * barred 10233.
     */
    private void bars(ModifyEndpoint m, Endpoint e, Endpoint.Builder b, List<String> changed) {
        if (m.bars().isEmpty()) return;
        Plan plan = catalog.plansById(e.accountId(), List.of(e.planId())).get(e.planId());
        ServiceProfile sp = catalog.serviceProfiles(e.accountId(), plan.serviceProfileId()).stream().findFirst().orElseThrow();
        Set<String> offered = new LinkedHashSet<>();
        for (String s : SERVICES) {
            if (sp.hasFeature(s) || sp.hasFeature(s.replace('_', '-'))) offered.add(s);
        }
        List<String> rats = RATS.getOrDefault(sp.ratType(), RATS.get("10"));
        b.barredServices = barred(offered, rats, e.barredServices(), m.bars());
        changed.add("bar");
    }

    /**
     * The barred services after applying {@code bars} to {@code barredNow}, given the services
     * and RATs the endpoint's service profile offers (the rules of {@link #bars}).
     */
    static List<String> barred(Set<String> offered, List<String> rats, List<String> barredNow, Map<String, Boolean> bars) {
        Set<String> barred = new LinkedHashSet<>(barredNow);
        Boolean all = bars.get("All_Services");
        if (all != null) {
            if (all) {
                if (barred.containsAll(offered)) throw new DomainException(ResultCode.SERVICE_ALREADY_BARRED, "All_Services");
                barred.addAll(offered);
            } else {
                if (offered.stream().noneMatch(barred::contains)) throw new DomainException(ResultCode.SERVICE_ALREADY_UNBARRED, "All_Services");
                barred.removeAll(offered);
            }
        } else {
            for (Map.Entry<String, Boolean> bar : bars.entrySet()) {
                String name = bar.getKey();
                boolean isRat = rats.contains(name) || RATS.get("10").contains(name);
                if (!offered.contains(name) && !rats.contains(name)) throw new DomainException(ResultCode.SERVICE_NOT_PRESENT, name);
                if (bar.getValue()) {
                    if (!barred.add(name)) throw new DomainException(ResultCode.SERVICE_ALREADY_BARRED, name);
                } else {
                    if (isRat && barred.contains("DATA")) throw new DomainException(ResultCode.UNBAR_RAT_DATA_BARRED);
                    if (!barred.remove(name)) throw new DomainException(ResultCode.SERVICE_ALREADY_UNBARRED, name);
                }
            }
        }
        return List.copyOf(barred);
    }
}
