package io.simfleet.endpoint;

import static io.simfleet.endpoint.LifecycleSupport.*;
import static io.simfleet.testkit.Api.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simfleet.testkit.Api;
import io.simfleet.testkit.ApiTestBase;
import io.simfleet.testkit.Fixtures;
import io.simfleet.testkit.Fixtures.Tenant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Modify Endpoint (PATCH /api/endpoint and POST /api/modifyEndpoint): every field and code. */
class ModifyEndpointTest extends ApiTestBase {
    Fixtures fx;
    Tenant t;
    Api admin;
    String rp;
    String sp;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(anon());
        admin = fx.admin();
        t = fx.enterprise(6);
        rp = Fixtures.roamingProfile(t);
        sp = t.api().get("/api/GetServiceProfile").response().path("responseParam").path("rows").get(0).path("profileId").asString();
    }

    private String addon(String name) {
        return admin.post("/admin/accounts/" + t.accountId() + "/plans", map("name", name, "category", "ADDON",
                "roamingProfileIds", List.of(Long.parseLong(rp)), "serviceProfileId", sp,
                "benefits", List.of(map("type", "DATA", "amount", 10)))).json().path("id").asString();
    }

    private String tag(String name) {
        return t.api().post("/api/createTag", map("tagInfo", map("createTag", List.of(map("tagName", name)))))
                .expect("10149").response().path("tagId").asString();
    }

    @Test
    void nameApnGroupAndIdentification() {
        String iccid = t.iccids().get(0);
        long ep = Fixtures.endpoint(t, iccid, true);
        modify(t, ep, "endPointName", "Truck 42: north_1").expect("10068").expectDescription("Modify endpoint success");
        assertEquals("Truck 42: north_1", profile(t, ep).path("basicInfo").path("name").asString());
        modify(t, ep, "endPointName", "ab").expect("1001").expectDescription("Wrong input parameter - endPointName");
        modify(t, ep, "endPointName", "no/slashes/here").expect("1001");
        String apn = admin.post("/admin/accounts/" + t.accountId() + "/apn-groups", map("name", "SECOND", "defaultApn", "second.apn"))
                .json().path("id").asString();
        modify(t, ep, "apnGroupId", apn).expect("10068");
        assertEquals(apn, profile(t, ep).path("basicInfo").path("apnGroupId").asString());
        assertEquals("second.apn", profile(t, ep).path("basicInfo").path("apn").asString());
        modify(t, ep, "apnGroupId", "PDP_1108").expect("1001"); // another account's
        // identified by imsi, msisdn or iccid instead of endPointId
        JsonNode s = sim(t, iccid);
        t.api().patch("/api/endpoint", map("Request", map("iccid", iccid, "requestParam", map("endPointName", "By ICCID")))).expect("10068");
        t.api().patch("/api/endpoint", map("Request", map("msisdn", s.path("msisdn").asString(), "requestParam", map("endPointName", "By MSISDN")))).expect("10068");
        t.api().patch("/api/endpoint", map("Request", map("imsi", s.path("iMSIList").get(0).path("masterIMSI").asString(),
                "requestParam", map("endPointName", "By IMSI")))).expect("10068");
        assertEquals("By IMSI", profile(t, ep).path("basicInfo").path("name").asString());
        t.api().patch("/api/endpoint", map("Request", map("requestParam", map("endPointName", "Nobody")))).expect("1000")
                .expectDescription("Mandatory parameter missing - endPointId");
        modify(t, 999, "endPointName", "Nobody here").expect("10069");
        modify(t, ep).expect("1000").expectDescription("Mandatory parameter missing - requestParam");
        // the summary's form
        t.api().post("/api/modifyEndpoint", map("endpointInfo", map("endpointId", Long.toString(ep), "endpointName", "Summary name")))
                .expect("10068");
        assertEquals("Summary name", profile(t, ep).path("basicInfo").path("name").asString());
    }

    @Test
    void imeiLock() {
        long ep = Fixtures.endpoint(t, t.iccids().get(0), true);
        modify(t, ep, "imeiLockStatus", "LOCK", "imei", "356938035643809").expect("10068");
        JsonNode b = profile(t, ep).path("basicInfo");
        assertEquals("LOCK", b.path("imeiLockStatus").asString());
        assertEquals("356938035643809", b.path("imei").asString());
        modify(t, ep, "imeiLockStatus", "LOCK", "imei", "356938035643810").expect("10069")
                .expectDescription("Modify endpoint failure - Endpoint already locked to an IMEI, Please UNLOCK the Endpoint first");
        modify(t, ep, "imeiLockStatus", "UNLOCK", "imei", "").expect("10068");
        b = profile(t, ep).path("basicInfo");
        assertEquals("UNLOCK", b.path("imeiLockStatus").asString());
        assertTrue(b.path("imei").isMissingNode() || b.path("imei").asString().isEmpty(), b.toString());
        modify(t, ep, "imeiLockStatus", "LOCK", "imei", "356938035643810").expect("10068");
        modify(t, ep, "imeiLockStatus", "MAYBE").expect("1001").expectDescription("Wrong input parameter - imeiLockStatus");
        modify(t, ep, "imeiLockStatus", "UNLOCK", "imei", "12").expect("1001").expectDescription("Wrong input parameter - imei");
    }

    @Test
    void addons() {
        long ep = Fixtures.endpoint(t, t.iccids().get(0), true);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 16; i++) ids.add(addon("ADDON " + i));
        modify(t, ep, "addAddonPlanIds", ids.subList(0, 11)).expect("10073")
                .expectDescription("Maximum count exceeds for input parameter - addAddonPlanIds");
        modify(t, ep, "addAddonPlanIds", ids.subList(0, 10)).expect("10068");
        modify(t, ep, "addAddonPlanIds", ids.subList(10, 16)).expect("10073"); // 16 subscribed in all
        modify(t, ep, "addAddonPlanIds", List.of(ids.get(10), ids.get(10))).expect("10221");
        modify(t, ep, "addAddonPlanIds", ids.subList(10, 15)).expect("10068");
        JsonNode plans = profile(t, ep).path("PromotionalPlans").path("plan");
        assertEquals(15, plans.size());
        String unique = plans.get(0).path("uniqueId").asString();
        modify(t, ep, "removeAddonUniqueIds", List.of(unique)).expect("10068");
        assertEquals(14, profile(t, ep).path("PromotionalPlans").path("plan").size());
        modify(t, ep, "removeAddonUniqueIds", List.of(unique)).expect("1001");
        modify(t, ep, "removeAddonPlanIds", List.of(ids.get(1))).expect("10069"); // only in OEM states
        long pa = Fixtures.endpoint(t, t.iccids().get(1), false);
        modify(t, pa, "addAddonPlanIds", List.of(ids.get(0))).expect("2503");

        Tenant oem = fx.enterprise(1, "oemEnabled", true);
        String oemRp = Fixtures.roamingProfile(oem);
        String oemSp = oem.api().get("/api/GetServiceProfile").response().path("responseParam").path("rows").get(0).path("profileId").asString();
        String oemAddon = admin.post("/admin/accounts/" + oem.accountId() + "/plans", map("name", "OEM ADDON", "category", "ADDON",
                "roamingProfileIds", List.of(Long.parseLong(oemRp)), "serviceProfileId", oemSp)).json().path("id").asString();
        long oemEp = Fixtures.endpoint(oem, oem.iccids().get(0), true);
        modify(oem, oemEp, "addAddonPlanIds", List.of(oemAddon)).expect("10068"); // allowed in Active-Test
        String oemUnique = profile(oem, oemEp).path("PromotionalPlans").path("plan").get(0).path("uniqueId").asString();
        modify(oem, oemEp, "removeAddonUniqueIds", List.of(oemUnique)).expect("10069");
        modify(oem, oemEp, "removeAddonPlanIds", List.of(oemAddon)).expect("10068");
        assertTrue(profile(oem, oemEp).path("PromotionalPlans").isMissingNode());
    }

    @Test
    void dynamicBenefitsValueAddedFeaturesAndTags() {
        long acc = t.accountId();
        long pool = admin.post("/admin/accounts/" + acc + "/dynamic-benefits", map("name", "Pool", "roamingProfileIds", List.of(Long.parseLong(rp)), "dataMb", 10))
                .json().path("id").asLong();
        long pool2 = admin.post("/admin/accounts/" + acc + "/dynamic-benefits", map("name", "Pool 2", "roamingProfileIds", List.of(Long.parseLong(rp)), "dataMb", 10))
                .json().path("id").asLong();
        admin.post("/admin/accounts/" + acc + "/value-added-features", map("valueAddedFeatureId", "VAF_A"));
        long ep = Fixtures.endpoint(t, t.iccids().get(0), true);
        modify(t, ep, "addDynamicBenefitsIds", List.of(pool)).expect("10068");
        modify(t, ep, "addDynamicBenefitsIds", List.of(pool)).expect("10147");
        modify(t, ep, "addDynamicBenefitsIds", List.of(pool2)).expect("10077");
        modify(t, ep, "addDynamicBenefitsIds", List.of(pool, pool2)).expect("10077");
        modify(t, ep, "removeDynamicBenefitsIds", List.of(pool), "addDynamicBenefitsIds", List.of(pool2)).expect("10068");
        modify(t, ep, "removeDynamicBenefitsIds", List.of(pool)).expect("1001");

        modify(t, ep, "addValueAddedFeatureIds", List.of("VAF_A")).expect("10068");
        assertEquals("VAF_A", profile(t, ep).path("valueAddedFeatureIds").get(0).asString());
        modify(t, ep, "addValueAddedFeatureIds", List.of("VAF_NONE")).expect("1001");
        modify(t, ep, "removeValueAddedFeatureIds", List.of("VAF_A")).expect("10068");
        assertTrue(profile(t, ep).path("valueAddedFeatureIds").isMissingNode());

        List<String> tags = new ArrayList<>();
        for (int i = 0; i < 11; i++) tags.add(tag("t" + i));
        modify(t, ep, "addtagIds", tags.subList(0, 10)).expect("10068");
        modify(t, ep, "addtagIds", List.of(tags.get(10))).expect("10120");
        modify(t, ep, "removetagIds", List.of(tags.get(0)), "addtagIds", List.of(tags.get(10))).expect("10068");
        assertEquals(10, profile(t, ep).path("tagIdList").size());
        assertEquals("0", t.api().get("/api/GetEndpoints?tagId=" + tags.get(0)).response().path("totalNoOfRecords").asString());
        long fresh = Fixtures.endpoint(t, null, false);
        modify(t, fresh, "addtagIds", "999999").expect("1001").expectDescription("Wrong input parameter - addtagIds");
        modify(t, fresh, "removetagIds", List.of(tags.get(1))).expect("1001").expectDescription("Wrong input parameter - removetagIds");

        // dynamic-benefit-only account: the benefit of an activated endpoint cannot be removed
        Tenant dbOnly = fx.enterprise(1, "dynamicBenefitOnly", true);
        String dbRp = Fixtures.roamingProfile(dbOnly);
        long b = admin.post("/admin/accounts/" + dbOnly.accountId() + "/dynamic-benefits", map("name", "Pool", "roamingProfileIds",
                List.of(Long.parseLong(dbRp)), "dataMb", 10)).json().path("id").asLong();
        long dbEp = Fixtures.endpoint(dbOnly, dbOnly.iccids().get(0), true, "benefits", Long.toString(b));
        modify(dbOnly, dbEp, "removeDynamicBenefitsIds", List.of(b)).expect("10145");
    }

    @Test
    void barring() {
        long ep = Fixtures.endpoint(t, t.iccids().get(0), true);
        modify(t, ep, "bar_DATA", "True").expect("10068");
        assertEquals("DATA", profile(t, ep).path("basicInfo").path("barredServices").asString());
        modify(t, ep, "bar_DATA", "True").expect("10230").expectDescription("Service already barred - DATA");
        modify(t, ep, "bar_SMS_MO", "False").expect("10231").expectDescription("Service already unbarred - SMS_MO");
        modify(t, ep, "bar_NB_IOT", "True").expect("10232").expectDescription("Service is not present for endpoint - NB_IOT");
        modify(t, ep, "bar_4G", "False").expect("10233");
        modify(t, ep, "bar_DATA", "False", "bar_4G", "True").expect("10068");
        assertEquals("4G", profile(t, ep).path("basicInfo").path("barredServices").asString());
        // bar_All_Services overrides the other flags and bars the profile's services only (no NB-IoT here)
        modify(t, ep, "bar_All_Services", "True", "bar_NB_IOT", "True").expect("10068");
        assertEquals("4G|DATA|SMS_MO|SMS_MT", profile(t, ep).path("basicInfo").path("barredServices").asString());
        modify(t, ep, "bar_All_Services", true).expect("10230");
        modify(t, ep, "bar_All_Services", "False").expect("10068");
        assertEquals("4G", profile(t, ep).path("basicInfo").path("barredServices").asString());
        modify(t, ep, "bar_DATA", "maybe").expect("1001").expectDescription("Wrong input parameter - bar_DATA");
        modify(t, ep, "bar_3G", "True").expect("1001");
    }

    @Test
    void aFailedModifyChangesNothing() {
        long ep = Fixtures.endpoint(t, t.iccids().get(0), true);
        String tagId = tag("kept");
        JsonNode before = profile(t, ep);
        modify(t, ep, "endPointName", "Renamed endpoint", "imeiLockStatus", "LOCK", "imei", "356938035643809", "bar_DATA", "True",
                "addtagIds", List.of(tagId), "addAddonPlanIds", List.of("NO_SUCH_ADDON")).expect("1001");
        JsonNode after = profile(t, ep);
        assertEquals(before.path("basicInfo").path("name"), after.path("basicInfo").path("name"));
        assertEquals("UNLOCK", after.path("basicInfo").path("imeiLockStatus").asString());
        assertEquals("-", after.path("basicInfo").path("barredServices").asString());
        assertTrue(after.path("tagIdList").isMissingNode());
        assertEquals(before.toString().replaceAll("\"responseTimestamp\":\"[^\"]*\"", ""), after.toString().replaceAll("\"responseTimestamp\":\"[^\"]*\"", ""));
    }
}
