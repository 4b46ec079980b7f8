package io.simfleet.catalog;

import io.simfleet.catalog.CatalogModel.*;
import io.simfleet.common.Json;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class CatalogRepository {
    private static final JsonMapper JSON = Json.MAPPER;
    private final JdbcClient jdbc;

    CatalogRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long nextId() {
        return jdbc.sql("SELECT nextval('catalog_id_seq')").query(Long.class).single();
    }

    // --- APN groups
    void insert(ApnGroup g) {
        jdbc.sql("INSERT INTO apn_group (account_id, id, name, default_apn, apns) VALUES (:a, :id, :n, :d, :l)")
                .param("a", g.accountId()).param("id", g.id()).param("n", g.name()).param("d", g.defaultApn())
                .param("l", g.apns().toArray(new String[0])).update();
    }

    List<ApnGroup> apnGroups(long account) {
        return jdbc.sql("SELECT * FROM apn_group WHERE account_id = :a ORDER BY id").param("a", account)
                .query((rs, n) -> new ApnGroup(rs.getLong("account_id"), rs.getString("id"), rs.getString("name"),
                        rs.getString("default_apn"), strings(rs.getArray("apns")))).list();
    }

    Optional<ApnGroup> apnGroup(long account, String id) {
        return apnGroups(account).stream().filter(g -> g.id().equals(id)).findFirst();
    }

    long catalogVersion(long account) {
        return jdbc.sql("SELECT version FROM catalog_version WHERE account_id = :a").param("a", account).query(Long.class).optional().orElse(0L);
    }

    void bumpCatalogVersion(long account) {
        jdbc.sql("""
                INSERT INTO catalog_version (account_id, version) VALUES (:a, nextval('catalog_version_seq'))
                ON CONFLICT (account_id) DO UPDATE SET version = EXCLUDED.version""").param("a", account).update();
    }

    boolean idTaken(String table, Object id) {
        // compared as text: the same check for numeric ids (roaming profiles) and textual ones (plans).
        // Across every account on purpose (the operator API refuses an id used anywhere); the keys
        // only need it per account: docs/scaling.md, "Platform-wide uniqueness"
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE id::text = :id").param("id", String.valueOf(id)).query(Long.class).single() > 0;
    }

    // --- Service profiles
    void insert(ServiceProfile p) {
        jdbc.sql("""
                INSERT INTO service_profile (account_id, id, name, service_category, network_type_id, services, access_variant_id, rat_type, features)
                VALUES (:a, :id, :n, :sc, :nt, :s, :av, :rat, CAST(:f AS jsonb))""")
                .param("a", p.accountId()).param("id", p.id()).param("n", p.name()).param("sc", p.serviceCategory())
                .param("nt", p.networkTypeId()).param("s", p.services()).param("av", p.accessVariantId())
                .param("rat", p.ratType()).param("f", JSON.writeValueAsString(p.features())).update();
    }

    List<ServiceProfile> serviceProfiles(long account, String id) {
        return jdbc.sql("SELECT * FROM service_profile WHERE account_id = :a AND (CAST(:id AS text) IS NULL OR id = :id) ORDER BY id")
                .param("a", account).param("id", id)
                .query((rs, n) -> new ServiceProfile(rs.getLong("account_id"), rs.getString("id"), rs.getString("name"),
                        rs.getString("service_category"), rs.getString("network_type_id"), rs.getString("services"),
                        rs.getString("access_variant_id"), rs.getString("rat_type"),
                        JSON.readValue(rs.getString("features"), new TypeReference<List<Feature>>() {}))).list();
    }

    // --- Roaming profiles
    void insert(RoamingProfile p) {
        jdbc.sql("INSERT INTO roaming_profile (account_id, id, name, is_test) VALUES (:a, :id, :n, :t)")
                .param("a", p.accountId()).param("id", p.id()).param("n", p.name()).param("t", p.test()).update();
        int pos = 0;
        for (Network n : p.networks()) {
            jdbc.sql("""
                    INSERT INTO roaming_network (account_id, roaming_profile_id, position, operator_id, operator_name, category_group_id,
                                                 tadig_code, country_name, mcc_mnc, barred, barred_rats, network_types, supplier_priority)
                    VALUES (:a, :p, :pos, :oid, :on, :cg, :tadig, :c, :mm, :b, :br, :nt, :sp)""")
                    .param("a", p.accountId()).param("p", p.id()).param("pos", pos++).param("oid", n.operatorId()).param("on", n.operatorName())
                    .param("cg", n.categoryGroupId()).param("tadig", n.tadigCode()).param("c", n.countryName())
                    .param("mm", n.mccMnc()).param("b", n.barred()).param("br", n.barredRats()).param("nt", n.networkTypes())
                    .param("sp", n.supplierPriority()).update();
        }
    }

    List<RoamingProfile> roamingProfiles(long account, Collection<Long> ids) {
        List<Long> idList = ids == null ? null : new ArrayList<>(ids);
        List<RoamingProfile> heads = jdbc.sql("""
                SELECT * FROM roaming_profile WHERE account_id = :a AND (CAST(:all AS boolean) OR id = ANY(:ids)) ORDER BY id""")
                .param("a", account).param("all", idList == null)
                .param("ids", idList == null ? new Long[0] : idList.toArray(new Long[0]))
                .query((rs, n) -> new RoamingProfile(rs.getLong("account_id"), rs.getLong("id"), rs.getString("name"),
                        rs.getBoolean("is_test"), new ArrayList<>())).list();
        for (RoamingProfile p : heads) {
            p.networks().addAll(jdbc.sql("SELECT * FROM roaming_network WHERE account_id = :a AND roaming_profile_id = :p ORDER BY position")
                    .param("a", account).param("p", p.id())
                    .query((rs, n) -> new Network(rs.getString("operator_id"), rs.getString("operator_name"),
                            rs.getString("category_group_id"), rs.getString("tadig_code"), rs.getString("country_name"),
                            rs.getString("mcc_mnc"), rs.getBoolean("barred"), rs.getString("barred_rats"),
                            rs.getString("network_types"), rs.getString("supplier_priority"))).list());
        }
        return heads;
    }

    // --- Plans
    void insert(Plan p) {
        jdbc.sql("""
                INSERT INTO plan (account_id, id, name, description, category, plan_type, validity_days, service_ids, service_names,
                                  amount, effective_at, expires_at, active, roaming_profile_ids, service_profile_id, benefits, counters, tariff)
                VALUES (:a, :id, :n, :d, :c, :pt, :v, :sid, :sn, :amt, :eff, :exp, :act, :rp, :sp, CAST(:b AS jsonb), CAST(:cnt AS jsonb),
                        CAST(:tariff AS jsonb))""")
                .param("a", p.accountId()).param("id", p.id()).param("n", p.name()).param("d", p.description())
                .param("c", p.category().name()).param("pt", p.planType()).param("v", p.validityDays())
                .param("sid", p.serviceIds()).param("sn", p.serviceNames()).param("amt", p.amount())
                .param("eff", Timestamp.from(p.effectiveAt())).param("exp", Timestamp.from(p.expiresAt()))
                .param("act", p.active()).param("rp", p.roamingProfileIds().toArray(new Long[0]))
                .param("sp", p.serviceProfileId()).param("b", JSON.writeValueAsString(p.benefits()))
                .param("cnt", JSON.writeValueAsString(p.counters()))
                .param("tariff", JSON.writeValueAsString(p.tariff())).update();
    }

    List<Plan> plans(long account, PlanCategory category, Integer planType) {
        return jdbc.sql("""
                SELECT * FROM plan WHERE account_id = :a AND (CAST(:c AS text) IS NULL OR category = :c)
                  AND (CAST(:t AS int) IS NULL OR plan_type = :t) ORDER BY category, id""")
                .param("a", account).param("c", category == null ? null : category.name()).param("t", planType)
                .query(CatalogRepository::plan).list();
    }

    List<Plan> plansById(long account, Collection<String> ids) {
        return jdbc.sql("SELECT * FROM plan WHERE account_id = :a AND id = ANY(:ids)")
                .param("a", account).param("ids", ids.toArray(new String[0]))
                .query(CatalogRepository::plan).list();
    }

    private static Plan plan(ResultSet rs, int n) throws SQLException {
        return new Plan(rs.getLong("account_id"), rs.getString("id"), rs.getString("name"), rs.getString("description"),
                PlanCategory.valueOf(rs.getString("category")), rs.getInt("plan_type"), rs.getInt("validity_days"),
                rs.getString("service_ids"), rs.getString("service_names"), rs.getBigDecimal("amount"),
                rs.getTimestamp("effective_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
                rs.getBoolean("active"), longs(rs.getArray("roaming_profile_ids")), rs.getString("service_profile_id"),
                JSON.readValue(rs.getString("benefits"), new TypeReference<List<Benefit>>() {}),
                JSON.readValue(rs.getString("counters"), new TypeReference<List<Counter>>() {}),
                JSON.readValue(rs.getString("tariff"), Tariff.class));
    }

    // --- Dynamic benefits, value-added features, SIM products
    void insert(DynamicBenefit b) {
        jdbc.sql("""
                INSERT INTO dynamic_benefit (account_id, id, name, pooled, priority, roaming_profile_ids, data_mb, auto_renewal)
                VALUES (:a, :id, :n, :p, :pr, :rp, :mb, :ar)""")
                .param("a", b.accountId()).param("id", b.id()).param("n", b.name()).param("p", b.pooled())
                .param("pr", b.priority()).param("rp", b.roamingProfileIds().toArray(new Long[0]))
                .param("mb", b.dataMb()).param("ar", b.autoRenewal()).update();
    }

    List<DynamicBenefit> dynamicBenefits(long account) {
        return jdbc.sql("SELECT * FROM dynamic_benefit WHERE account_id = :a ORDER BY id").param("a", account)
                .query((rs, n) -> new DynamicBenefit(rs.getLong("account_id"), rs.getLong("id"), rs.getString("name"),
                        rs.getBoolean("pooled"), rs.getInt("priority"), longs(rs.getArray("roaming_profile_ids")),
                        rs.getLong("data_mb"), rs.getBoolean("auto_renewal"))).list();
    }

    void insert(ValueAddedFeature f) {
        jdbc.sql("INSERT INTO value_added_feature (account_id, id, name) VALUES (:a, :id, :n)")
                .param("a", f.accountId()).param("id", f.id()).param("n", f.name()).update();
    }

    List<ValueAddedFeature> valueAddedFeatures(long account) {
        return jdbc.sql("SELECT * FROM value_added_feature WHERE account_id = :a ORDER BY id").param("a", account)
                .query((rs, n) -> new ValueAddedFeature(rs.getLong("account_id"), rs.getString("id"), rs.getString("name"))).list();
    }

    void insert(SimProduct p) {
        jdbc.sql("INSERT INTO sim_product (id, name, card_class) VALUES (:id, :n, :c)")
                .param("id", p.id()).param("n", p.name()).param("c", p.cardClass()).update();
    }

    List<SimProduct> simProducts() {
        return jdbc.sql("SELECT * FROM sim_product ORDER BY id")
                .query((rs, n) -> new SimProduct(rs.getLong("id"), rs.getString("name"), rs.getString("card_class"))).list();
    }

    // --- Tags
    long nextTagId() {
        return jdbc.sql("SELECT nextval('tag_id_seq')").query(Long.class).single();
    }

    void insert(Tag t) {
        jdbc.sql("INSERT INTO tag (account_id, id, name, description) VALUES (:a, :id, :n, :d)")
                .param("a", t.accountId()).param("id", t.id()).param("n", t.name()).param("d", t.description()).update();
    }

    List<Tag> tags(long account, Collection<Long> ids) {
        List<Long> idList = ids == null ? null : new ArrayList<>(ids);
        return jdbc.sql("SELECT * FROM tag WHERE account_id = :a AND (CAST(:all AS boolean) OR id = ANY(:ids)) ORDER BY id")
                .param("a", account).param("all", idList == null)
                .param("ids", idList == null ? new Long[0] : idList.toArray(new Long[0]))
                .query((rs, n) -> new Tag(rs.getLong("account_id"), rs.getLong("id"), rs.getString("name"),
                        rs.getString("description"))).list();
    }

    static List<String> strings(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }

    static List<Long> longs(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((Long[]) a.getArray());
    }
}
