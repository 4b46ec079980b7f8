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
import io.simfleet.endpoint.Endpoint.Change;
import io.simfleet.endpoint.EndpointEvent.EndpointModified;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
    private final EndpointWrites writes;
    private final AccountService accounts;
    private final CatalogService catalog;
    private final EndpointRules rules;
    private final EndpointOperations operations;
    private final Clock clock;

    EndpointModifier(EndpointRepository repo, EndpointWrites writes, AccountService accounts, CatalogService catalog,
                     EndpointRules rules, EndpointOperations operations, Clock clock) {
        this.repo = repo;
        this.writes = writes;
        this.accounts = accounts;
        this.catalog = catalog;
        this.rules = rules;
        this.operations = operations;
        this.clock = clock;
    }

    /**
     * The rules a bulk modify checks at once, before any endpoint is touched: the IMEI format and
     * the reference's rule for {@code endPointName} (a bulk gives many endpoints one name: it is a
     * rename, never an endpoint re-sending its own name).
     */
    public static void checkFields(ModifyEndpoint m) {
        if (m.name() != null) EndpointRules.modifyName(m.name(), "endPointName");
        EndpointRules.imei(m.imei());
    }

    /**
     * Applies every field of the request to the locked endpoint, or none: all the rules are
     * checked first (in the order below, which decides the code of a request wrong twice), then one
     * UPDATE of the endpoint, the writes of its parts (add-ons, features, tags) and the events (a
     * PlanChanged when {@code planId} changed the plan, and one EndpointModified). Codes: 1000
     * requestParam, 1001 naming the field, 6407 (not found), 10069 (IMEI locked), 10230–10233
     * (bars), the plan change's, 10145/10147/10077/10198 (dynamic benefits), 2503, 10068-family
     * refusals of add-ons, tags (10120) and features.
     */
    @Transactional
    public void modify(Actor actor, EndpointRef ref, ModifyEndpoint m) {
        if (m.isEmpty()) throw DomainException.missing("requestParam");
        // the name's rule needs the endpoint (its own name may be re-sent): Endpoint.renamed
        if (m.name() != null) EndpointRules.name(m.name(), "endPointName");
        EndpointRules.imei(m.imei());
        long acc = actor.accountId();
        Account account = accounts.get(acc);
        Endpoint e = repo.lock(acc, ref).filter(x -> x.status() != DELETED)
                .orElseThrow(() -> new DomainException(ResultCode.MODIFY_ENDPOINT_FAILURE, ref + " not found"));
        Edit edit = new Edit(e);
        ownFields(m, edit);
        if (m.planId() != null) {
            edit.planChange = operations.planChange(edit.current, m.planId());
            edit.current = edit.planChange.after();
            edit.changed.add("planId");
        }
        dynamicBenefit(m, account, edit);
        PartsEdit parts = parts(m, account, edit);

        // every rule held: write
        Change change = edit.change(parts);
        writes.save(change);
        parts.write(acc, e.id(), clock.instant());
        writes.append(actor, change);
    }

    /** What a Modify has decided so far: the endpoint as it will be saved and the names of what changed. */
    private static final class Edit {
        final Endpoint before;
        Endpoint current;
        Change planChange;
        final List<String> changed = new ArrayList<>();

        Edit(Endpoint before) {
            this.before = before;
            this.current = before;
        }

        /** The one change to save: the endpoint as edited, with the plan's event and the Modify's. */
        Change change(PartsEdit parts) {
            Map<String, Object> was = new LinkedHashMap<>(), is = new LinkedHashMap<>();
            field("name", before.name(), current.name(), was, is);
            field("apnGroupId", before.apnGroupId(), current.apnGroupId(), was, is);
            field("imei", before.imei(), current.imei(), was, is);
            field("imeiLocked", before.imeiLocked(), current.imeiLocked(), was, is);
            field("barredServices", before.barredServices(), current.barredServices(), was, is);
            field("dynamicBenefitId", before.dynamicBenefitId(), current.dynamicBenefitId(), was, is);
            List<EndpointEvent> events = new ArrayList<>(2);
            if (planChange != null) events.addAll(planChange.events());
            events.add(new EndpointModified(current.status(), parts.iccid, List.copyOf(changed), was, is,
                    parts.addons.stream().map(Plan::id).toList(), parts.removedAddons, parts.newTags,
                    List.copyOf(parts.removeTags), List.copyOf(parts.addFeatures), List.copyOf(parts.removeFeatures)));
            return new Change(before, current, events);
        }

        private static void field(String name, Object before, Object after, Map<String, Object> was, Map<String, Object> is) {
            if (!Objects.equals(before, after)) {
                was.put(name, before);
                is.put(name, after);
            }
        }
    }

    /** Name, APN group, IMEI and bars: the endpoint's own fields. */
    private void ownFields(ModifyEndpoint m, Edit edit) {
        if (m.name() != null) {
            edit.current = edit.current.renamed(m.name());
            edit.changed.add("endPointName");
        }
        if (m.apnGroupId() != null) {
            if (catalog.apnGroup(edit.current.accountId(), m.apnGroupId()).isEmpty()) throw DomainException.wrong("apnGroupId");
            edit.current = edit.current.withApnGroup(m.apnGroupId());
            edit.changed.add("apnGroupId");
        }
        if (m.imeiLock() != null || m.imei() != null) {
            edit.current = edit.current.withImei(m.imeiLock(), m.imei());
            edit.changed.add("imei");
        }
        if (!m.bars().isEmpty()) {
            edit.current = edit.current.withBarredServices(bars(edit.current, m.bars()));
            edit.changed.add("bar");
        }
    }

    /**
     * One dynamic benefit at most (10145); removing one the endpoint does not have is 1001,
     * adding the one it has 10147; an account that requires one keeps it once activated (10077).
     */
    private void dynamicBenefit(ModifyEndpoint m, Account account, Edit edit) {
        Endpoint current = edit.current;
        if (m.addDynamicBenefitIds().size() > 1) throw new DomainException(ResultCode.MAXIMUM_BENEFIT_LIMIT);
        Set<Long> remove = new HashSet<>(m.removeDynamicBenefitIds());
        for (Long id : remove) {
            if (!id.equals(current.dynamicBenefitId())) throw DomainException.wrong("removeDynamicBenefitsIds");
        }
        Long benefit = remove.isEmpty() ? current.dynamicBenefitId() : null;
        if (!m.addDynamicBenefitIds().isEmpty()) {
            long add = m.addDynamicBenefitIds().get(0);
            if (Long.valueOf(add).equals(benefit)) throw new DomainException(ResultCode.SAME_DYNAMIC_BENEFIT);
            if (benefit != null) throw new DomainException(ResultCode.MAXIMUM_BENEFIT_LIMIT, "remove the current dynamic benefit first");
            rules.dynamicBenefit(account.id(), add, current.roamingProfileIds(), "addDynamicBenefitsIds");
            benefit = add;
        }
        if (!remove.isEmpty() && benefit == null && account.dynamicBenefitOnly() && current.activated()) {
            throw new DomainException(ResultCode.DYNAMIC_BENEFIT_REMOVAL_NOT_ALLOWED);
        }
        if (!Objects.equals(benefit, current.dynamicBenefitId())) {
            edit.current = current.withDynamicBenefit(benefit);
            edit.changed.add("dynamicBenefit");
        }
    }

    /** What a Modify does to the endpoint's parts, checked and not yet written. */
    private final class PartsEdit {
        String iccid;
        List<Long> removedAddons = List.of();
        List<Plan> addons = List.of();
        List<String> addFeatures = List.of();
        List<String> removeFeatures = List.of();
        List<Long> removeTags = List.of();
        List<Long> newTags = List.of();

        void write(long acc, long endpointId, Instant now) {
            if (!removedAddons.isEmpty()) repo.removeAddons(acc, endpointId, removedAddons, now);
            for (Plan p : addons) {
                repo.insertAddonsAll(acc, List.of(endpointId), p.id(), now, now.plus(p.validityDays(), ChronoUnit.DAYS));
            }
            if (!removeFeatures.isEmpty()) repo.removeValueAddedFeatures(acc, endpointId, removeFeatures);
            repo.insertValueAddedFeaturesAll(acc, List.of(endpointId), addFeatures);
            if (!removeTags.isEmpty()) repo.removeTags(acc, endpointId, removeTags);
            repo.insertTagsAll(acc, List.of(endpointId), newTags);
        }
    }

    /**
     * The add-ons (by uniqueId, not for OEM accounts; by plan id in Active-Test and
     * Active-Inventory only; at most {@value #MAX_ADDONS_PER_CALL} new ones, in A, AT or AI: 2503),
     * the value-added features and the tags (10120 past the limit).
     */
    private PartsEdit parts(ModifyEndpoint m, Account account, Edit edit) {
        long acc = account.id();
        Endpoint current = edit.current;
        EndpointRepository.WithParts held = repo.findWithParts(acc, current.id()).orElseThrow();
        PartsEdit p = new PartsEdit();
        p.iccid = held.sim() == null ? null : held.sim().iccid();

        List<Long> removeUnique = List.copyOf(new LinkedHashSet<>(m.removeAddonUniqueIds()));
        if (!removeUnique.isEmpty()) {
            if (account.oemEnabled()) {
                throw new DomainException(ResultCode.MODIFY_ENDPOINT_FAILURE, "add-ons of OEM enabled accounts cannot be removed by uniqueId");
            }
            Set<Long> heldIds = held.addons().stream().map(EndpointRepository.Addon::uniqueId).collect(Collectors.toSet());
            if (!heldIds.containsAll(removeUnique)) throw DomainException.wrong("removeAddonUniqueIds");
        }
        List<Long> removeByPlan = new ArrayList<>();
        if (!m.removeAddonPlanIds().isEmpty()) {
            if (!current.status().oem()) {
                throw new DomainException(ResultCode.MODIFY_ENDPOINT_FAILURE, "removeAddonPlanIds is for endpoints in Active-Test or Active-Inventory");
            }
            for (String planId : new LinkedHashSet<>(m.removeAddonPlanIds())) {
                List<Long> matching = held.addons().stream().filter(a -> a.planId().equals(planId))
                        .map(EndpointRepository.Addon::uniqueId).toList();
                if (matching.isEmpty()) throw DomainException.wrong("removeAddonPlanIds");
                removeByPlan.addAll(matching);
            }
        }
        if (!m.addAddonPlanIds().isEmpty()) {
            if (m.addAddonPlanIds().size() > MAX_ADDONS_PER_CALL) {
                throw new DomainException(ResultCode.MAXIMUM_COUNT_EXCEEDED, "addAddonPlanIds");
            }
            if (!current.inService()) throw new DomainException(ResultCode.SUBSCRIBER_NOT_ACTIVE);
            Set<String> planIds = new HashSet<>(m.addAddonPlanIds());
            planIds.add(current.planId());
            Map<String, Plan> plans = catalog.plansById(acc, planIds);
            int remaining = held.addons().size() - removeUnique.size() - removeByPlan.size();
            p.addons = rules.addons(m.addAddonPlanIds(), remaining, plans.get(current.planId()), plans,
                    current.roamingProfileIds(), "addAddonPlanIds");
        }

        rules.valueAddedFeatures(acc, m.addValueAddedFeatureIds(), "addValueAddedFeatureIds");
        if (!held.valueAddedFeatureIds().containsAll(m.removeValueAddedFeatureIds())) throw DomainException.wrong("removeValueAddedFeatureIds");
        if (!held.tagIds().containsAll(m.removeTagIds())) throw DomainException.wrong("removetagIds");
        Set<Long> keptTags = new HashSet<>(held.tagIds());
        m.removeTagIds().forEach(keptTags::remove);
        p.newTags = m.addTagIds().stream().filter(t -> !keptTags.contains(t)).distinct().toList();
        rules.tags(acc, p.newTags, keptTags.size(), "addtagIds");

        List<Long> removed = new ArrayList<>(removeUnique);
        removed.addAll(removeByPlan);
        p.removedAddons = removed;
        p.removeFeatures = List.copyOf(new LinkedHashSet<>(m.removeValueAddedFeatureIds()));
        p.addFeatures = List.copyOf(new LinkedHashSet<>(m.addValueAddedFeatureIds()));
        p.removeTags = List.copyOf(new LinkedHashSet<>(m.removeTagIds()));
        if (!removed.isEmpty()) edit.changed.add("removeAddons");
        if (!p.addons.isEmpty()) edit.changed.add("addAddonPlanIds");
        if (!p.removeFeatures.isEmpty()) edit.changed.add("removeValueAddedFeatureIds");
        if (!p.addFeatures.isEmpty()) edit.changed.add("addValueAddedFeatureIds");
        if (!p.removeTags.isEmpty()) edit.changed.add("removetagIds");
        if (!p.newTags.isEmpty()) edit.changed.add("addtagIds");
        return p;
    }

    /**
     * The bar_* flags on the services and RATs of the endpoint's service profile (the rules of
     * {@link #barred}).
     */
    private List<String> bars(Endpoint e, Map<String, Boolean> bars) {
        Plan plan = catalog.plansById(e.accountId(), List.of(e.planId())).get(e.planId());
        ServiceProfile sp = catalog.serviceProfiles(e.accountId(), plan.serviceProfileId()).stream().findFirst().orElseThrow();
        Set<String> offered = new LinkedHashSet<>();
        for (String s : SERVICES) {
            if (sp.hasFeature(s) || sp.hasFeature(s.replace('_', '-'))) offered.add(s);
        }
        List<String> rats = RATS.getOrDefault(sp.ratType(), RATS.get("10"));
        return barred(offered, rats, e.barredServices(), bars);
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
