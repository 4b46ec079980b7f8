package io.simfleet.endpoint;

import io.simfleet.account.Account;
import io.simfleet.account.AccountService;
import io.simfleet.catalog.CatalogModel.DynamicBenefit;
import io.simfleet.catalog.CatalogModel.Plan;
import io.simfleet.catalog.CatalogModel.PlanCategory;
import io.simfleet.catalog.CatalogModel.RoamingProfile;
import io.simfleet.catalog.CatalogModel.Tag;
import io.simfleet.catalog.CatalogService;
import io.simfleet.common.Actor;
import io.simfleet.common.DomainException;
import io.simfleet.common.Page;
import io.simfleet.common.ResultCode;
import io.simfleet.endpoint.EndpointViews.AddonSubscription;
import io.simfleet.endpoint.EndpointViews.CreateOutcome;
import io.simfleet.endpoint.EndpointViews.Created;
import io.simfleet.endpoint.EndpointViews.ListItem;
import io.simfleet.endpoint.EndpointViews.PrivateNetwork;
import io.simfleet.endpoint.EndpointViews.Profile;
import io.simfleet.network.NetworkState;
import io.simfleet.network.NetworkStates;
import io.simfleet.privatenet.Membership;
import io.simfleet.privatenet.PrivateNetworkService;
import io.simfleet.sim.Sim;
import io.simfleet.sim.SimService;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Endpoint use cases. Every read and write is scoped to the actor's account. */
@Service
public class EndpointService {
    public static final int MAX_PER_PAGE = 2000;

    private final EndpointRepository repo;
    private final AccountService accounts;
    private final CatalogService catalog;
    private final SimService sims;
    private final EndpointRules rules;
    private final EndpointWrites writes;
    private final EventStore eventStore;
    private final Clock clock;
    private final BalanceSource balances;
    private final PrivateNetworkService privateNetwork;
    private final NetworkStates networkStates;

    EndpointService(EndpointRepository repo, AccountService accounts, CatalogService catalog, SimService sims,
                    EndpointRules rules, EndpointWrites writes, EventStore eventStore, Clock clock, BalanceSource balances,
                    PrivateNetworkService privateNetwork, NetworkStates networkStates) {
        this.privateNetwork = privateNetwork;
        this.networkStates = networkStates;
        this.balances = balances;
        this.writes = writes;
        this.eventStore = eventStore;
        this.rules = rules;
        this.repo = repo;
        this.accounts = accounts;
        this.catalog = catalog;
        this.sims = sims;
        this.clock = clock;
    }

    /**
     * Creates an endpoint in Pre-Active; with {@code linkSim} links the SIM (SIM → Pre-Active);
     * with {@code activate} activates it (→ Active, or Active-Test for OEM accounts). All or
     * nothing. Raises 1000/1001 naming the field, 7022 (low balance), 10120 (tags), 10073, 10221,
     * 10023, 10080 (add-ons), 10200, 10201 (dynamic benefits), 10140 (ICCID not available).
     */
    @Transactional
    public Created create(Actor actor, CreateEndpoint cmd) {
        Account account = accounts.get(actor.accountId());
        long acc = account.id();
        if (account.lowBalance()) {
            throw new DomainException(ResultCode.LOW_BALANCE);
        }
        EndpointRules.name(cmd.name(), "name");
        if (cmd.activate() && !cmd.linkSim()) {
            throw DomainException.wrong("isDefaultActivation (activation needs isLinkSIM true)");
        }
        if (cmd.linkSim() && (cmd.iccid() == null || cmd.iccid().isBlank())) {
            throw DomainException.missing("iccid");
        }

        if (!cmd.addonPlanIds().isEmpty() && !cmd.activate()) {
            throw DomainException.wrong("addonPlanIds (add-ons need isDefaultActivation true)");
        }
        EndpointRules.Checked checked = rules.create(account, cmd.planId(), cmd.apnGroupId(), cmd.roamingProfileIds(), cmd.tagIds(),
                cmd.addonPlanIds(), cmd.valueAddedFeatureIds(), cmd.dynamicBenefitId(), cmd.activate());
        Plan plan = checked.plan();
        EndpointRules.imei(cmd.imei());

        Instant now = clock.instant();
        long id = repo.nextId();
        Endpoint.Change created = Endpoint.create(account, id, cmd, plan, checked.apnGroupId(), checked.roaming(), now);
        Endpoint e = created.after();
        repo.insert(e);
        if (cmd.linkSim()) sims.link(acc, cmd.iccid(), id, e.status().simStatus().orElseThrow());
        if (cmd.activate()) {
            for (Plan addon : checked.addons()) {
                repo.insertAddonsAll(acc, List.of(id), addon.id(), now, now.plus(addon.validityDays(), ChronoUnit.DAYS));
            }
        }
        repo.insertTagsAll(acc, List.of(id), checked.tagIds());
        repo.insertValueAddedFeaturesAll(acc, List.of(id), new LinkedHashSet<>(cmd.valueAddedFeatureIds()));
        writes.append(actor, created);
        CreateOutcome outcome = cmd.activate() ? CreateOutcome.ACTIVATED : cmd.linkSim() ? CreateOutcome.LINKED : CreateOutcome.CREATED;
        return new Created(id, outcome, e.status());
    }

    /** Lists the account's endpoints in id order. perPage is 1..2000 (the caller checks). */
    @Transactional(readOnly = true)
    public Page<ListItem> list(Actor actor, TagFilter filter, int page, int perPage) {
        long acc = actor.accountId();
        if (filter instanceof TagFilter.WithTag w && catalog.tags(acc, List.of(w.tagId())).isEmpty()) {
            return new Page<>(List.of(), 0, perPage);
        }
        long total = repo.count(acc, filter);
        List<Endpoint> endpoints = repo.page(acc, filter, page, perPage);
        return new Page<>(items(acc, endpoints), total, perPage);
    }

    /**
     * Lists the endpoints of one endpoint group in id order (perPage 1..2000); no rows for a group
     * the account does not have.
     */
    @Transactional(readOnly = true)
    public Page<ListItem> listByGroup(Actor actor, long groupId, int page, int perPage) {
        long acc = actor.accountId();
        Page<Long> ids = privateNetwork.memberPage(acc, groupId, page, perPage);
        return new Page<>(items(acc, repo.findAll(acc, ids.rows())), ids.totalRecords(), perPage);
    }

    /** The endpoints as listed: each with its SIM, tags and private-network view, a few statements for the whole page. */
    private List<ListItem> items(long acc, List<Endpoint> endpoints) {
        if (endpoints.isEmpty()) return List.of();
        List<Long> ids = endpoints.stream().map(Endpoint::id).toList();
        Map<Long, Sim> simByEndpoint = sims.byEndpoints(acc, ids).stream()
                .collect(Collectors.toMap(Sim::endpointId, Function.identity()));
        List<long[]> links = repo.tagLinks(acc, ids);
        Map<Long, Tag> tags = links.isEmpty() ? Map.of()
                : catalog.tags(acc, links.stream().map(l -> l[1]).collect(Collectors.toSet())).stream()
                        .collect(Collectors.toMap(Tag::id, Function.identity()));
        Map<Long, List<Tag>> tagsByEndpoint = new HashMap<>();
        for (long[] l : links) {
            tagsByEndpoint.computeIfAbsent(l[0], k -> new ArrayList<>()).add(tags.get(l[1]));
        }
        Map<Long, Membership> groups = privateNetwork.memberships(acc, ids);
        Map<String, NetworkState> network = networkStates.of(acc, simByEndpoint.values().stream().map(Sim::iccid).toList());
        boolean groupRequired = accounts.cached(acc).endpointGroupRequired();
        return endpoints.stream().map(e -> {
            Sim sim = simByEndpoint.get(e.id());
            return new ListItem(e, sim, tagsByEndpoint.getOrDefault(e.id(), List.of()),
                    privateNetwork(e, groupRequired, groups.get(e.id()), sim == null ? NetworkState.UNKNOWN : network.get(sim.iccid())));
        }).toList();
    }

    private static PrivateNetwork privateNetwork(Endpoint e, boolean groupRequired, Membership m, NetworkState state) {
        return new PrivateNetwork(m, ProvisioningState.of(e.status(), groupRequired, m != null), state);
    }

    /** One endpoint as listed, if it exists in the account. */
    @Transactional(readOnly = true)
    public java.util.Optional<ListItem> listItem(Actor actor, long endpointId) {
        long acc = actor.accountId();
        return repo.find(acc, endpointId).map(e -> items(acc, List.of(e)).get(0));
    }

    /**
     * The full profile of one endpoint. Raises 1083 when it does not exist in the account. Not a
     * transaction: one statement reads the endpoint, its parts, its SIM and the catalog version
     * in one snapshot; the catalog at that version and the account come from caches; the
     * balances (wallet, add-on subscriptions, free units with counters and thresholds), the
     * private-network membership and the network state are a statement each.
     */
    public Profile profile(Actor actor, long endpointId) {
        long acc = actor.accountId();
        EndpointRepository.WithParts parts = repo.findWithParts(acc, endpointId)
                .orElseThrow(() -> new DomainException(ResultCode.GET_ENDPOINT_PROFILE_FAILURE, "endpoint " + endpointId + " not found"));
        Endpoint e = parts.endpoint();
        Account account = accounts.cached(acc);
        Sim sim = parts.sim();
        List<EndpointRepository.Addon> addonRows = parts.addons();
        Set<String> planIds = new HashSet<>();
        planIds.add(e.planId());
        addonRows.forEach(a -> planIds.add(a.planId()));
        CatalogService.View cat = catalog.view(acc, parts.catalogVersion());
        Map<String, Plan> plans = cat.plansById(planIds);
        Plan plan = plans.get(e.planId());
        List<AddonSubscription> addons = addonRows.stream()
                .map(a -> new AddonSubscription(a.uniqueId(), plans.get(a.planId()), a.start(), a.expires())).toList();
        List<RoamingProfile> roaming = cat.roamingProfiles(e.roamingProfileIds());
        DynamicBenefit benefit = e.dynamicBenefitId() == null ? null : cat.dynamicBenefit(e.dynamicBenefitId()).orElse(null);
        List<Long> tagIds = parts.tagIds();
        List<Tag> tags = tagIds.isEmpty() ? List.of() : catalog.tags(acc, tagIds);
        Plan testPlan = null, inventoryPlan = null;
        RoamingProfile testRoaming = null;
        if (account.oemEnabled()) {
            testPlan = cat.plans(PlanCategory.TEST, e.subscriberType()).stream().findFirst().orElse(null);
            inventoryPlan = cat.plans(PlanCategory.INVENTORY, e.subscriberType()).stream().findFirst().orElse(null);
            testRoaming = cat.roamingProfiles(null).stream().filter(RoamingProfile::test).findFirst().orElse(null);
        }
        return new Profile(e, account, sim, plan, cat.apnGroup(e.apnGroupId()).orElse(null), roaming,
                plan == null ? null : cat.serviceProfiles(plan.serviceProfileId()).stream().findFirst().orElse(null),
                benefit, addons, parts.valueAddedFeatureIds(), tags, testPlan, inventoryPlan, testRoaming,
                balances.balances(e, plan, cat), parts.blacklistedNetworks(),
                privateNetwork(e, account.endpointGroupRequired(), privateNetwork.membership(acc, e.id()).orElse(null),
                        networkStates.of(acc, sim == null ? null : sim.iccid())));
    }

    /**
     * A page of the endpoint's history, oldest first, deleted endpoints' too: page {@code page}
     * of {@code perPage}, or with {@code afterEventId} the {@code perPage} events after that one
     * (a reader resuming where it stopped). Raises 1083 when the endpoint never existed in the account.
     */
    @Transactional(readOnly = true)
    public Page<EndpointHistoryEntry> events(Actor actor, long endpointId, Long afterEventId, int page, int perPage) {
        repo.findIncludingDeleted(actor.accountId(), endpointId)
                .orElseThrow(() -> new DomainException(ResultCode.GET_ENDPOINT_PROFILE_FAILURE, "endpoint " + endpointId + " not found"));
        List<EndpointHistoryEntry> rows = eventStore.history(actor.accountId(), endpointId, afterEventId, (long) (page - 1) * perPage, perPage);
        return new Page<>(rows, eventStore.count(actor.accountId(), endpointId), perPage);
    }
}
