package io.simfleet.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.simfleet.catalog.CatalogModel.*;
import io.simfleet.common.DomainException;
import io.simfleet.common.Input;
import io.simfleet.common.ResultCode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalog an enterprise provisions against. Every read takes the account id: an id of
 * another account is indistinguishable from one that does not exist.
 */
@Service
public class CatalogService {
    public static final Instant FOREVER = LocalDate.of(2099, 12, 31).atStartOfDay().toInstant(ZoneOffset.UTC);

    private final CatalogRepository repo;
    private final Clock clock;

    CatalogService(CatalogRepository repo, Clock clock) {
        this.repo = repo;
        this.clock = clock;
    }

    // --- definitions (operator side)

    /** Defines an APN group; a null id gets {@code PDP_<n>}. Raises 1001 for an id taken or an empty APN list. */
    @Transactional
    public ApnGroup defineApnGroup(long account, String id, String name, String defaultApn, List<String> apns) {
        String gid = id != null ? id : "PDP_" + freshId("apn_group");
        requireFree("apn_group", gid, "apnGroupId");
        if (defaultApn == null || defaultApn.isBlank()) throw DomainException.missing("defaultApn");
        List<String> list = apns == null || apns.isEmpty() ? List.of(defaultApn) : apns;
        if (!list.contains(defaultApn)) throw DomainException.wrong("defaultApn (not in apnList)");
        ApnGroup g = new ApnGroup(account, gid, name == null ? "DEFAULT" : name, defaultApn, list);
        repo.insert(g);
        repo.bumpCatalogVersion(account);
        return g;
    }

    /** Defines a service profile; a null id gets {@code SP_<n>}. */
    @Transactional
    public ServiceProfile defineServiceProfile(ServiceProfile p) {
        String id = p.id() != null ? p.id() : "SP_" + freshId("service_profile");
        requireFree("service_profile", id, "serviceProfileId");
        if (!List.of("01", "02", "06", "10").contains(p.ratType())) throw DomainException.wrong("ratType");
        ServiceProfile saved = new ServiceProfile(p.accountId(), id, p.name(), p.serviceCategory(), p.networkTypeId(),
                p.services(), p.accessVariantId(), p.ratType(), p.features());
        repo.insert(saved);
        repo.bumpCatalogVersion(p.accountId());
        return saved;
    }

    /** Defines a roaming profile with its networks (every field of a network is required); a null id (0) gets a fresh one. */
    @Transactional
    public RoamingProfile defineRoamingProfile(long account, Long id, String name, boolean test, List<Network> networks) {
        long rid = id != null ? id : freshId("roaming_profile");
        requireFree("roaming_profile", rid, "roamingProfileId");
        if (networks == null || networks.isEmpty()) throw DomainException.missing("networks");
        for (Network n : networks) {
            required(n.operatorId(), "operatorId");
            required(n.operatorName(), "operatorName");
            required(n.categoryGroupId(), "categoryGroupId");
            required(n.tadigCode(), "tadigCode");
            required(n.countryName(), "countryName");
            if (n.mccMnc() == null || !n.mccMnc().matches("\\d{5,6}(,\\d{5,6})*")) throw DomainException.wrong("mccMnc");
            if (!n.categoryGroupId().matches("IR[1-4]")) throw DomainException.wrong("categoryGroupId");
            if (!n.barredRats().matches("((2G|3G|4G|5G|NBIOT)(\\|(2G|3G|4G|5G|NBIOT))*)?")) throw DomainException.wrong("barredRats");
            if (!n.networkTypes().matches("(2G|3G|4G|5G|NB-IOT)(\\|(2G|3G|4G|5G|NB-IOT))*")) throw DomainException.wrong("networkTypes");
            if (n.supplierPriority() != null && !n.supplierPriority().matches("[123B]")) throw DomainException.wrong("supplierPriority");
        }
        RoamingProfile p = new RoamingProfile(account, rid, name, test, networks);
        repo.insert(p);
        repo.bumpCatalogVersion(account);
        return p;
    }

    /**
     * Defines a plan. Its roaming profiles and service profile must belong to the same account;
     * its amount fits the money column as given ({@link Input#amount}). A null id gets a numeric one.
     */
    @Transactional
    public Plan definePlan(Plan p) {
        for (Benefit b : p.benefits() == null ? List.<Benefit>of() : p.benefits()) {
            if (b.type() == null || !List.of("DATA", "SMS", "NBIOT").contains(b.type())) throw DomainException.wrong("benefits.type");
            if (b.amount() <= 0) throw DomainException.wrong("benefits.amount");
        }
        if (p.serviceIds() == null) p = p.withServices(PlanServices.of(p.benefits() == null ? List.of() : p.benefits()));
        String id = p.id() != null ? p.id() : Long.toString(freshId("plan"));
        requireFree("plan", id, "planId");
        Input.amount(p.amount(), "amount");
        if (p.roamingProfileIds().isEmpty() || repo.roamingProfiles(p.accountId(), p.roamingProfileIds()).size() != p.roamingProfileIds().size()) {
            throw DomainException.wrong("destGroupId");
        }
        if (repo.serviceProfiles(p.accountId(), p.serviceProfileId()).isEmpty()) {
            throw DomainException.wrong("profileId");
        }
        Plan saved = new Plan(p.accountId(), id, p.name(), p.description() == null ? p.name() : p.description(),
                p.category(), p.planType(), p.validityDays(), p.serviceIds(), p.serviceNames(),
                p.amount() == null ? BigDecimal.ZERO : p.amount(),
                p.effectiveAt() == null ? clock.instant() : p.effectiveAt(),
                p.expiresAt() == null ? FOREVER : p.expiresAt(), p.active(), p.roamingProfileIds(),
                p.serviceProfileId(), p.benefits() == null ? List.of() : p.benefits(),
                counters(p.counters()), tariff(p.tariff()));
        repo.insert(saved);
        repo.bumpCatalogVersion(p.accountId());
        return saved;
    }

    /**
     * A plan's counters, checked, with the ids the API shows: {@code
     * C_<frequency>_<n>_CE_USAGE_<VOLUME|COUNT>_4_5_<m>}, n their position in the plan, m a
     * number unique in the platform (so a counter id names one plan's counter).
     */
    private List<Counter> counters(List<Counter> counters) {
        if (counters == null) return List.of();
        List<Counter> out = new java.util.ArrayList<>();
        for (Counter c : counters) {
            if (c == null) throw DomainException.wrong("counters");
            if (c.name() == null || c.name().isBlank()) throw DomainException.missing("counters.name");
            if (!Counter.FREQUENCIES.contains(c.frequency())) throw DomainException.wrong("counters.frequency");
            if (!Counter.UNITS.contains(c.thresholdUnit())) throw DomainException.wrong("counters.thresholdUnit");
            if (!List.of("DATA", "NBIOT", "SMS").contains(c.service())) throw DomainException.wrong("counters.service");
            if (c.counts() != c.thresholdUnit().equals("COUNT") && !c.thresholdUnit().equals("PERCENT")) {
                throw DomainException.wrong("counters.thresholdUnit");
            }
            if (c.thresholdValue() <= 0 || (c.thresholdUnit().equals("PERCENT") && c.thresholdValue() > 100)) {
                throw DomainException.wrong("counters.thresholdValue");
            }
            if (!c.action().matches("NOTIFY|BAR_DATA|THROTTLE_[0-9]+[KM]bps")) throw DomainException.wrong("counters.action");
            String id = c.counterId() != null ? c.counterId()
                    : "C_" + c.frequency() + "_" + (out.size() + 1) + "_CE_USAGE_" + (c.counts() ? "COUNT" : "VOLUME") + "_4_5_"
                      + repo.nextId();
            out.add(c.withId(id));
        }
        return List.copyOf(out);
    }

    private static Tariff tariff(Tariff t) {
        if (t == null) return Tariff.NONE;
        for (Map.Entry<String, BigDecimal> e : t.prices().entrySet()) price(e.getKey(), e.getValue(), "tariff.prices");
        for (Map.Entry<String, Map<String, BigDecimal>> z : t.zones().entrySet()) {
            if (!z.getKey().matches("IR[1-4]")) throw DomainException.wrong("tariff.zones");
            for (Map.Entry<String, BigDecimal> e : z.getValue().entrySet()) price(e.getKey(), e.getValue(), "tariff.zones");
        }
        if (t.initialBalance().signum() < 0 || t.initialBalance().scale() > 3 || t.initialBalance().precision() - t.initialBalance().scale() > 12) {
            throw DomainException.wrong("tariff.initialBalance");
        }
        return t;
    }

    private static void price(String service, BigDecimal price, String field) {
        if (!Tariff.SERVICES.contains(service)) throw DomainException.wrong(field);
        if (price == null || price.signum() < 0 || price.scale() > 5 || price.precision() - price.scale() > 9) {
            throw DomainException.wrong(field + "." + service);
        }
    }

    @Transactional
    public DynamicBenefit defineDynamicBenefit(DynamicBenefit b) {
        long id = b.id() != 0 ? b.id() : freshId("dynamic_benefit");
        requireFree("dynamic_benefit", id, "dynamicBenefitId");
        if (repo.roamingProfiles(b.accountId(), b.roamingProfileIds()).size() != b.roamingProfileIds().size()) {
            throw DomainException.wrong("roamingProfileIds");
        }
        DynamicBenefit saved = new DynamicBenefit(b.accountId(), id, b.name(), b.pooled(), b.priority(),
                b.roamingProfileIds(), b.dataMb(), b.autoRenewal());
        repo.insert(saved);
        repo.bumpCatalogVersion(b.accountId());
        return saved;
    }

    @Transactional
    public ValueAddedFeature defineValueAddedFeature(long account, String id, String name) {
        if (id == null || id.isBlank()) throw DomainException.missing("valueAddedFeatureId");
        if (valueAddedFeatures(account).stream().anyMatch(f -> f.id().equals(id))) throw DomainException.wrong("valueAddedFeatureId (already exists)");
        ValueAddedFeature f = new ValueAddedFeature(account, id, name);
        repo.insert(f);
        repo.bumpCatalogVersion(account);
        return f;
    }

    @Transactional
    public SimProduct defineSimProduct(Long id, String name, String cardClass) {
        if (id != null && id <= 0) throw DomainException.wrong("simProductId");
        long pid = id != null ? id : repo.nextId();
        if (simProducts().stream().anyMatch(p -> p.id() == pid || p.name().equals(name))) {
            throw DomainException.wrong("simProduct (already exists)");
        }
        SimProduct p = new SimProduct(pid, name, cardClass);
        repo.insert(p);
        return p;
    }

    /** A generated id not taken in {@code table}: the operator may have chosen ids inside the sequence's range. */
    private long freshId(String table) {
        long id;
        do {
            id = repo.nextId();
        } while (repo.idTaken(table, id));
        return id;
    }

    private static void required(String value, String field) {
        if (value == null || value.isBlank()) throw DomainException.missing(field);
    }

    private void requireFree(String table, Object id, String field) {
        if (repo.idTaken(table, id)) {
            throw new DomainException(ResultCode.WRONG_INPUT_PARAMETER, field + " (" + id + " already exists)");
        }
    }

    // --- tags (enterprise side)

    public record NewTag(String name, String description) {}

    /**
     * Creates tags. Names and descriptions: 1–100 characters of letters, digits, '-', '_' and
     * space. Raises 1000/1001 naming the field; nothing is created when one tag is wrong.
     */
    @Transactional
    public List<Tag> createTags(long account, List<NewTag> tags) {
        if (tags == null || tags.isEmpty()) throw DomainException.missing("createTag");
        for (NewTag t : tags) {
            if (t.name() == null || t.name().isBlank()) throw DomainException.missing("tagName");
            if (!t.name().matches("[A-Za-z0-9_\\- ]{1,100}")) throw DomainException.wrong("tagName");
            if (t.description() != null && !t.description().matches("[A-Za-z0-9_\\- ]{0,100}")) throw DomainException.wrong("tagDescription");
        }
        // tags are not part of the cached catalog: creating one does not make every instance reload it
        return tags.stream().map(t -> {
            Tag tag = new Tag(account, repo.nextTagId(), t.name(), t.description() == null ? "" : t.description());
            repo.insert(tag);
            return tag;
        }).toList();
    }

    // --- reads, served from a per-account snapshot that is reloaded when the catalog version moves

    /**
     * An account's catalog as of one catalog version (tags excepted: they are the enterprise's
     * own, created often, and read by id). Lists keep the database's order. A use case that looks
     * up several things takes one view ({@link #view}) and asks it: one version check, not one per
     * look-up.
     */
    public record View(long version, List<ApnGroup> apnGroups, List<ServiceProfile> serviceProfiles,
                       List<RoamingProfile> roamingProfiles, List<Plan> plans, List<DynamicBenefit> dynamicBenefits,
                       List<ValueAddedFeature> valueAddedFeatures) {

        public Optional<ApnGroup> apnGroup(String id) {
            return apnGroups.stream().filter(g -> g.id().equals(id)).findFirst();
        }

        /** Null id = all of them. */
        public List<ServiceProfile> serviceProfiles(String id) {
            return serviceProfiles.stream().filter(p -> id == null || p.id().equals(id)).toList();
        }

        /** Null ids = all of them. */
        public List<RoamingProfile> roamingProfiles(Collection<Long> ids) {
            return roamingProfiles.stream().filter(p -> ids == null || ids.contains(p.id())).toList();
        }

        public List<Plan> plans(PlanCategory category, Integer planType) {
            return plans.stream()
                    .filter(p -> (category == null || p.category() == category) && (planType == null || p.planType() == planType)).toList();
        }

        public Map<String, Plan> plansById(Collection<String> ids) {
            return plans.stream().filter(p -> ids.contains(p.id())).collect(Collectors.toMap(Plan::id, Function.identity()));
        }

        public Optional<DynamicBenefit> dynamicBenefit(long id) {
            return dynamicBenefits.stream().filter(b -> b.id() == id).findFirst();
        }
    }

    /** Bounded: the accounts in use stay, an account not read for an hour or past the size is dropped and reloaded when needed. */
    private final Cache<Long, View> snapshots = Caffeine.newBuilder()
            .maximumSize(SNAPSHOT_CACHE_SIZE).expireAfterAccess(Duration.ofHours(1)).build();
    static final int SNAPSHOT_CACHE_SIZE = 10_000;

    /**
     * The account's catalog: one read of its version, and a reload only when it changed (on any
     * instance). A view read before a concurrent change carries the old version, so the next
     * call reloads it.
     */
    @Transactional(readOnly = true)
    public View view(long account) {
        return view(account, repo.catalogVersion(account));
    }

    /**
     * The catalog at {@code version}, which the caller has just read from {@code catalog_version}
     * in a statement of its own (the profile's read does, to spare a round trip).
     */
    public View view(long account, long version) {
        View s = snapshots.getIfPresent(account);
        if (s != null && s.version() == version) return s;
        View fresh = new View(version, List.copyOf(repo.apnGroups(account)), List.copyOf(repo.serviceProfiles(account, null)),
                List.copyOf(repo.roamingProfiles(account, null)), List.copyOf(repo.plans(account, null, null)),
                List.copyOf(repo.dynamicBenefits(account)), List.copyOf(repo.valueAddedFeatures(account)));
        snapshots.put(account, fresh);
        return fresh;
    }

    @Transactional(readOnly = true)
    public List<ApnGroup> apnGroups(long account) {
        return view(account).apnGroups();
    }

    @Transactional(readOnly = true)
    public Optional<ApnGroup> apnGroup(long account, String id) {
        return view(account).apnGroup(id);
    }

    /** Null id = all of the account's service profiles. */
    @Transactional(readOnly = true)
    public List<ServiceProfile> serviceProfiles(long account, String id) {
        return view(account).serviceProfiles(id);
    }

    /** Null ids = all of the account's roaming profiles. */
    @Transactional(readOnly = true)
    public List<RoamingProfile> roamingProfiles(long account, Collection<Long> ids) {
        return view(account).roamingProfiles(ids);
    }

    @Transactional(readOnly = true)
    public List<Plan> plans(long account, PlanCategory category, Integer planType) {
        return view(account).plans(category, planType);
    }

    @Transactional(readOnly = true)
    public Map<String, Plan> plansById(long account, Collection<String> ids) {
        return view(account).plansById(ids);
    }

    @Transactional(readOnly = true)
    public List<DynamicBenefit> dynamicBenefits(long account) {
        return view(account).dynamicBenefits();
    }

    @Transactional(readOnly = true)
    public List<ValueAddedFeature> valueAddedFeatures(long account) {
        return view(account).valueAddedFeatures();
    }

    @Transactional(readOnly = true)
    public List<SimProduct> simProducts() {
        return repo.simProducts();
    }

    /** Null ids = all of the account's tags. */
    @Transactional(readOnly = true)
    public List<Tag> tags(long account, Collection<Long> ids) {
        return repo.tags(account, ids);
    }
}
