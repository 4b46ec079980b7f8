package io.simfleet.endpoint;

import static io.simfleet.testkit.Api.map;
import static io.simfleet.testkit.Api.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simfleet.testkit.ApiTestBase;
import io.simfleet.testkit.Fixtures;
import io.simfleet.testkit.Fixtures.Tenant;
import io.simfleet.testkit.Resp;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Claiming a SIM by its printed activation code (docs/network.md, "Activation by the printed
 * code"): the code generated at import and shown to the operator only, the one-call claim, every
 * refusal, and the block after repeated wrong codes. The per-account limit of wrong codes is in
 * {@code RateLimitTest} (rate limits on).
 */
class ClaimSimTest extends ApiTestBase {
    Fixtures fx;
    Tenant t;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(anon());
        t = fx.enterprise(6);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    String code(Tenant tenant, String iccid) {
        Resp r = fx.admin().get("/admin/accounts/" + tenant.accountId() + "/sims/" + iccid + "/claim-code");
        assertEquals(200, r.status(), r.raw());
        return r.json().path("claimCode").asString();
    }

    static Resp claim(Tenant tenant, Object... fields) {
        return tenant.api().post("/api/ClaimSim", request(fields));
    }

    static JsonNode basicInfo(Tenant tenant, String ep) {
        return tenant.api().get("/api/GetEndPointProfile?endPointId=" + ep).expect("1082").response().path("info").path("basicInfo");
    }

    static String simStatus(Tenant tenant, String iccid) {
        return tenant.api().get("/api/fetchSIM?iccid=" + iccid).expect("10021").response().path("responseParam").path("rows").get(0)
                .path("simStatus").asString();
    }

    @Test
    void everySimGetsACodeAtImportShownToTheOperatorAndInNoListOfTheApi() {
        String iccid = Long.toString(8932042700000000000L + System.nanoTime() % 1_000_000_000L);
        Resp imported = fx.admin().post("/admin/accounts/" + t.accountId() + "/sims", map("sims", List.of(map("iccid", iccid,
                "masterImsi", iccid.substring(4, 19), "msisdn", "3" + iccid.substring(6, 19), "product", "IR1-1EU28-Multi"))));
        assertEquals(201, imported.status(), imported.raw());
        JsonNode row = imported.json().path("claimCodes").get(0);
        assertEquals(iccid, row.path("iccid").asString());
        String code = row.path("claimCode").asString();
        assertTrue(code.matches("[2-9A-HJ-NP-Z]{8}"), code);
        assertEquals(code, code(t, iccid));
        assertNotEquals(code(t, t.iccids().get(0)), code(t, t.iccids().get(1)));

        String ep = claim(t, "iccid", iccid, "activationCode", code).expect("5014").response().path("endPointId").asString();
        for (String path : List.of("/api/fetchSIM", "/api/fetchSIM?iccid=" + iccid, "/api/GetEndpoints", "/api/fetchICCIDForProvisioning",
                "/api/GetEndPointProfile?endPointId=" + ep, "/api/GetEndpointEvents?endPointId=" + ep)) {
            Resp r = t.api().get(path);
            assertEquals("0", r.result(), r.raw());
            assertFalse(r.raw().contains(code), path + " shows the code");
        }
        Resp csv = fx.admin().send("POST", "/admin/accounts/" + t.accountId() + "/sims",
                "iccid,masterImsi,msisdn,product\n" + (Long.parseLong(iccid) + 1) + "," + iccid.substring(3, 18) + ",4" + iccid.substring(6, 19)
                        + ",IR1-1EU28-Multi\n", "Content-Type", "text/csv");
        assertEquals(201, csv.status(), csv.raw());
        assertEquals(8, csv.json().path("claimCodes").get(0).path("claimCode").asString().length());
    }

    @Test
    void anEnterpriseClaimsASimWithItsIccidAndCodeAndGetsAnActiveEndpointInOneCall() {
        String iccid = t.iccids().get(0);
        String code = code(t, iccid);
        String typed = code.substring(0, 4).toLowerCase() + "-" + code.substring(4);
        Resp r = claim(t, "iccid", iccid, "activationCode", typed).expect("5014");
        String ep = r.response().path("endPointId").asString();
        JsonNode info = basicInfo(t, ep);
        assertEquals("A", info.path("currentStatus").asString());
        assertEquals(iccid, info.path("iccid").asString());
        assertEquals(iccid, info.path("name").asString());
        assertEquals(t.postPlan(), info.path("planId").asString());
        assertEquals("Active", simStatus(t, iccid));
        List<String> calls = t.api().get("/api/GetEndpointEvents?endPointId=" + ep).response().path("responseParam").path("events")
                .valueStream().map(e -> e.path("call").asString()).toList();
        assertEquals(List.of("CreateEndPoint", "LinkSim", "EndPointActivation"), calls);
        // claimed once: the right code again finds the SIM taken
        claim(t, "iccid", iccid, "activationCode", code).expect("10140");

        // into a group in the same call, with a chosen plan and name, not activated
        Resp slice = fx.admin().post("/admin/accounts/" + t.accountId() + "/vslices", map("name", "festival", "subnet", "10.1.2.0/24"));
        String group = t.api().post("/api/CreateEndpointGroup", request("vSliceId", slice.json().path("id").asLong(), "endpointGroupName", "ePos"))
                .expect("10951").response().path("endpointGroupId").asString();
        String second = t.iccids().get(1);
        Resp grouped = claim(t, "iccid", second, "activationCode", code(t, second), "name", "Till 4", "planId", t.postPlan(),
                "isDefaultActivation", "false", "endpointGroupId", group, "ipAddress", "10.1.2.40").expect("6409");
        assertEquals("10.1.2.40", grouped.response().path("responseParam").path("staticIP").asString());
        JsonNode info2 = basicInfo(t, grouped.response().path("endPointId").asString());
        assertEquals("PA", info2.path("currentStatus").asString());
        assertEquals("Till 4", info2.path("name").asString());
        assertEquals("10.1.2.40", info2.path("staticIP").asString());
        assertEquals("Pre-Active", simStatus(t, second));

        // all or nothing: a claim whose group cannot take it creates nothing
        String third = t.iccids().get(2);
        claim(t, "iccid", third, "activationCode", code(t, third), "endpointGroupId", group, "ipAddress", "10.1.2.40").expect("10961");
        claim(t, "iccid", third, "activationCode", code(t, third), "planId", "NOPE").expect("1001");
        assertEquals("Ready To Activate", simStatus(t, third));
        assertEquals("2", t.api().get("/api/GetEndpoints").response().path("totalNoOfRecords").asString());
    }

    @Test
    void aWrongCodeAnUnknownIccidAndAnotherAccountsSimAnswerAlike() {
        String iccid = t.iccids().get(0);
        String code = code(t, iccid);
        String wrong = code.charAt(0) == 'A' ? "B" + code.substring(1) : "A" + code.substring(1);
        claim(t, "iccid", iccid, "activationCode", wrong).expect("10964").expectDescription("Invalid ICCID or activation code");
        claim(t, "iccid", "8932042999999999999", "activationCode", code).expect("10964").expectDescription("Invalid ICCID or activation code");
        Tenant other = fx.enterprise(1);
        String theirs = other.iccids().get(0);
        claim(t, "iccid", theirs, "activationCode", code(other, theirs)).expect("10964").expectDescription("Invalid ICCID or activation code");
        assertEquals("Ready To Activate", simStatus(other, theirs));
        assertEquals("0", other.api().get("/api/GetEndpoints").response().path("totalNoOfRecords").asString());

        // bad input: the field named, nothing counted nor written
        claim(t, "activationCode", code).expect("1000").expectDescription("Mandatory parameter missing - iccid");
        claim(t, "iccid", "89320", "activationCode", code).expect("1001").expectDescription("Wrong input parameter - iccid");
        claim(t, "iccid", iccid).expect("1000").expectDescription("Mandatory parameter missing - activationCode");
        claim(t, "iccid", iccid, "activationCode", "0000000O").expect("1001").expectDescription("Wrong input parameter - activationCode");
        claim(t, "iccid", iccid, "activationCode", code + "2").expect("1001");
        claim(t, "iccid", iccid, "activationCode", code, "ipAddress", "10.0.0.1").expect("1001")
                .expectDescription("Wrong input parameter - ipAddress (only with endpointGroupId)");
        claim(t, "iccid", iccid, "activationCode", code, "isDefaultActivation", "maybe").expect("1001");
        t.api().post("/api/ClaimSim", map("iccid", iccid)).expect("1000").expectDescription("Mandatory parameter missing - Request");
        assertEquals(1, fx.admin().get("/admin/accounts/" + t.accountId() + "/sims/" + iccid + "/claim-code").json().path("failedAttempts").asInt(),
                "only the wrong code counted");
        assertEquals("Ready To Activate", simStatus(t, iccid));
        // the right code resets the count
        claim(t, "iccid", iccid, "claimCode", code).expect("5014");
        assertEquals(0, fx.admin().get("/admin/accounts/" + t.accountId() + "/sims/" + iccid + "/claim-code").json().path("failedAttempts").asInt());
    }

    @Test
    void fiveWrongCodesInARowBlockTheSimForAWhileLikeALogin() {
        String iccid = t.iccids().get(3);
        String code = code(t, iccid);
        String wrong = code.charAt(7) == 'Z' ? code.substring(0, 7) + "Y" : code.substring(0, 7) + "Z";
        for (int i = 1; i < 5; i++) claim(t, "iccid", iccid, "activationCode", wrong).expect("10964");
        claim(t, "iccid", iccid, "activationCode", wrong).expect("10965")
                .expectDescription("ICCID blocked after repeated wrong activation codes, try again later");
        claim(t, "iccid", iccid, "activationCode", code).expect("10965"); // even the right one, while blocked
        JsonNode state = fx.admin().get("/admin/accounts/" + t.accountId() + "/sims/" + iccid + "/claim-code").json();
        assertFalse(state.path("blockedUntil").isNull(), state.toString());
        // another SIM of the account is not blocked
        String next = t.iccids().get(4);
        claim(t, "iccid", next, "activationCode", code(t, next), "isDefaultActivation", "false").expect("6409");
        clock.advance(Duration.ofMinutes(16));
        claim(t, "iccid", iccid, "activationCode", code).expect("5014");
    }

    @Test
    void theOperatorGivesASimANewCodeAndTheOldOneStopsWorking() {
        String iccid = t.iccids().get(5);
        String old = code(t, iccid);
        Resp renewed = fx.admin().post("/admin/accounts/" + t.accountId() + "/sims/" + iccid + "/claim-code", null);
        assertEquals(200, renewed.status(), renewed.raw());
        String fresh = renewed.json().path("claimCode").asString();
        assertEquals(fresh, code(t, iccid));
        claim(t, "iccid", iccid, "activationCode", old).expect(old.equals(fresh) ? "5014" : "10964");
        if (!old.equals(fresh)) claim(t, "iccid", iccid, "activationCode", fresh).expect("5014");

        assertEquals(404, fx.admin().get("/admin/accounts/" + t.accountId() + "/sims/8932042999999999999/claim-code").status());
        Tenant other = fx.enterprise(1);
        assertEquals(404, fx.admin().get("/admin/accounts/" + t.accountId() + "/sims/" + other.iccids().get(0) + "/claim-code").status());
        Resp bad = fx.admin().get("/admin/accounts/" + t.accountId() + "/sims/12/claim-code");
        assertEquals(400, bad.status());
        assertEquals("Wrong input parameter - iccid", bad.json().path("resultDescription").asString());
    }
}
