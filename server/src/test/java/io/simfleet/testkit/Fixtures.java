package io.simfleet.testkit;

import static io.simfleet.testkit.Api.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fresh tenants for tests that change state, created through the operator API: an enterprise
 * under the demo reseller with its user and a batch of Ready To Activate SIMs. ICCIDs, IMSIs,
 * MSISDNs and user names come from JVM-wide counters, so tests never collide.
 */
public final class Fixtures {
    public static final long RESELLER = 31077026L;
    private static final AtomicLong SIM_SEQ = new AtomicLong(0);
    private static final AtomicLong NAME_SEQ = new AtomicLong(System.nanoTime() % 1_000_000);

    private final Api admin;
    private final Api anon;

    public Fixtures(Api anon) {
        this.anon = anon;
        this.admin = anon.login("admin", "admin");
    }

    public Api admin() {
        return admin;
    }

    /** A tenant: its account id, its user's client and its SIMs (Ready To Activate). */
    public record Tenant(long accountId, String username, Api api, List<String> iccids) {
        public String postPlan() {
            return "DEFAULTPOST" + accountId;
        }

        public String prePlan() {
            return "DEFAULTPRE" + accountId;
        }
    }

    public static String uniqueName(String prefix) {
        return prefix + NAME_SEQ.incrementAndGet();
    }

    /** A postpaid enterprise with {@code sims} SIMs; {@code flags} e.g. "oemEnabled", true. */
    public Tenant enterprise(int sims, Object... flags) {
        String user = uniqueName("user");
        Map<String, Object> body = map("parentAccountId", RESELLER, "name", "Tenant " + user, "username", user, "password", "secret");
        for (int i = 0; i < flags.length; i += 2) body.put((String) flags[i], flags[i + 1]);
        Resp r = admin.post("/admin/enterprises", body);
        if (r.status() != 201) throw new AssertionError("enterprise not created: " + r.raw());
        long id = r.json().path("id").asLong();
        List<String> iccids = sims > 0 ? importSims(id, sims) : List.of();
        return new Tenant(id, user, anon.login(user, "secret"), iccids);
    }

    /** Imports {@code n} consecutive SIMs into the account and answers their ICCIDs. */
    public List<String> importSims(long accountId, int n) {
        List<Map<String, Object>> sims = new ArrayList<>();
        List<String> iccids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long k = SIM_SEQ.incrementAndGet();
            String iccid = Long.toString(8932042500000000000L + k);
            iccids.add(iccid);
            sims.add(map("iccid", iccid, "masterImsi", Long.toString(206289000000000L + k),
                    "supplierImsis", List.of(map("sponsorName", "IR1", "supplierIMSI", Long.toString(206018000000000L + k))),
                    "msisdn", Long.toString(327790000000000L + k), "ean", "5400847999997", "product", "IR1-1EU28-Multi"));
        }
        Resp r = admin.post("/admin/accounts/" + accountId + "/sims", map("sims", sims));
        if (r.status() != 201) throw new AssertionError("SIMs not imported: " + r.raw());
        return iccids;
    }

    /** The master IMSI of a SIM imported by {@link #importSims}. */
    public static String imsi(String iccid) {
        return Long.toString(206289000000000L + (Long.parseLong(iccid) - 8932042500000000000L));
    }

    /** Defines a plan of the tenant on its roaming and service profiles; {@code fields} add to or override the defaults. */
    public void plan(Tenant t, String planId, Object... fields) {
        Map<String, Object> body = map("planId", planId, "name", planId, "category", "NORMAL",
                "roamingProfileIds", List.of(Long.parseLong(roamingProfile(t))), "serviceProfileId", serviceProfile(t));
        for (int i = 0; i < fields.length; i += 2) body.put((String) fields[i], fields[i + 1]);
        Resp r = admin.post("/admin/accounts/" + t.accountId() + "/plans", body);
        if (r.status() != 201) throw new AssertionError("plan not created: " + r.raw());
    }

    /** A CreateEndPoint body with the tenant's defaults; {@code extra} overrides or adds fields. */
    public static Map<String, Object> createBody(Tenant t, String iccid, boolean activate, Object... extra) {
        Map<String, Object> p = map("name", "Endpoint " + (iccid == null ? "x" : iccid.substring(iccid.length() - 6)),
                "apnGroupId", apnGroup(t), "roamingProfileId", roamingProfile(t), "isLinkSIM", iccid != null ? "true" : "false",
                "isDefaultActivation", activate ? "true" : "false", "planId", t.postPlan());
        if (iccid != null) p.put("iccid", iccid);
        for (int i = 0; i < extra.length; i += 2) {
            if (extra[i + 1] == null) p.remove((String) extra[i]);
            else p.put((String) extra[i], extra[i + 1]);
        }
        return Map.of("Request", Map.of("requestParam", p));
    }

    /** A bulkProvisioning body with the tenant's defaults; {@code fields} override, add or (null) remove fields. */
    public static Map<String, Object> bulkBody(Tenant t, Object... fields) {
        Map<String, Object> info = map("endPointName", "bulkEp", "endPointNameId", "100", "apnGroupId", apnGroup(t),
                "planId", t.postPlan(), "roamingProfileId", List.of(roamingProfile(t)));
        for (int i = 0; i < fields.length; i += 2) {
            if (fields[i + 1] == null) info.remove((String) fields[i]);
            else info.put((String) fields[i], fields[i + 1]);
        }
        return map("bulkProvisioningInfo", info);
    }

    public static String apnGroup(Tenant t) {
        return t.api().get("/api/fetchApnGroup").response().path("responseParam").path("rows").get(0).path("apnGroupId").asString();
    }

    public static String serviceProfile(Tenant t) {
        return t.api().get("/api/GetServiceProfile").response().path("responseParam").path("rows").get(0).path("profileId").asString();
    }

    /** A second normal postpaid plan of the tenant, on its roaming profile and service profile: a target for plan changes. */
    public void normalPlan(Tenant t, String planId) {
        Resp r = admin.post("/admin/accounts/" + t.accountId() + "/plans", map("planId", planId, "name", planId, "category", "NORMAL",
                "roamingProfileIds", List.of(Long.parseLong(roamingProfile(t))), "serviceProfileId", serviceProfile(t)));
        if (r.status() != 201) throw new AssertionError("plan not created: " + r.raw());
    }

    public static String roamingProfile(Tenant t) {
        return t.api().get("/api/QueryRatePlan?planCategory=NORMAL&planType=1").response().path("responseParam").path("plan")
                .get(0).path("basicInfo").path("destGroupId").asString();
    }

    /** Creates an endpoint (linked + activated when iccid given) and answers its id. */
    public static long endpoint(Tenant t, String iccid, boolean activate, Object... extra) {
        Resp r = t.api().post("/api/CreateEndPoint", createBody(t, iccid, activate, extra));
        if (!"0".equals(r.result())) throw new AssertionError("endpoint not created: " + r.raw());
        return Long.parseLong(r.response().path("endPointId").asString());
    }
}
