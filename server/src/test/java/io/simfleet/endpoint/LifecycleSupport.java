package io.simfleet.endpoint;

import static io.simfleet.testkit.Api.map;

import io.simfleet.testkit.Fixtures.Tenant;
import io.simfleet.testkit.Resp;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The lifecycle calls in the reference's request form, for the tests. */
final class LifecycleSupport {
    private LifecycleSupport() {}

    static Map<String, Object> request(long endpointId, Object... requestParam) {
        return map("Request", map("endPointId", Long.toString(endpointId), "requestParam", map(requestParam)));
    }

    static Resp link(Tenant t, long ep, String iccid) {
        return t.api().post("/api/LinkSim", request(ep, "iccid", iccid));
    }

    static Resp delink(Tenant t, long ep) {
        return t.api().post("/api/DeLinkSim", map("Request", map("endPointId", Long.toString(ep))));
    }

    static Resp activate(Tenant t, long ep) {
        return t.api().post("/api/EndPointActivation", map("Request", map("endPointId", Long.toString(ep))));
    }

    static Resp delete(Tenant t, long ep) {
        return t.api().post("/api/DeleteEndPoint", map("Request", map("endPointId", Long.toString(ep))));
    }

    static Resp lifecycle(Tenant t, long ep, String lifeCycle) {
        return t.api().post("/api/EndPointLifeCycleChange", request(ep, "lifeCycle", lifeCycle, "reason", "1"));
    }

    static Resp roaming(Tenant t, long ep, List<String> ids) {
        return t.api().post("/api/ChangeEndpointRoamingProfile", request(ep, "roamingProfileIds", ids));
    }

    static Resp plan(Tenant t, long ep, String planId) {
        return t.api().post("/api/ChangePlan", request(ep, "planId", planId));
    }

    static Resp modify(Tenant t, long ep, Object... requestParam) {
        return t.api().patch("/api/endpoint", request(ep, requestParam));
    }

    static JsonNode profile(Tenant t, long ep) {
        return t.api().get("/api/GetEndPointProfile?endPointId=" + ep).expect("1082").response().path("info");
    }

    static String status(Tenant t, long ep) {
        return profile(t, ep).path("basicInfo").path("currentStatus").asString();
    }

    /** The master IMSI of the SIM, as fetchSIM shows it: the network's name for it. */
    static String imsi(Tenant t, String iccid) {
        return sim(t, iccid).path("iMSIList").get(0).path("masterIMSI").asString();
    }

    static JsonNode sim(Tenant t, String iccid) {
        return t.api().get("/api/fetchSIM?iccid=" + iccid).expect("10021").response().path("responseParam").path("rows").get(0);
    }
}
