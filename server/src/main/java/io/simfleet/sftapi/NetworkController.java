package io.simfleet.sftapi;

import static io.simfleet.sftapi.Sft.obj;

import io.simfleet.common.Actor;
import io.simfleet.common.DomainException;
import io.simfleet.common.ResultCode;
import io.simfleet.diagnosis.Diagnosis;
import io.simfleet.endpoint.EndpointRef;
import io.simfleet.network.NetworkQueryPort;
import io.simfleet.network.NetworkStateRepository;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** fetchNetworkStatus, locationInfo, endpointCoverage and endPointBlacklisting, as the reference writes them. */
@RestController
class NetworkController {
    private final Diagnosis diagnosis;

    NetworkController(Diagnosis diagnosis) {
        this.diagnosis = diagnosis;
    }

    /**
     * The endpoint a query names by {@code endPointId}, {@code msisdn}, {@code iccid} or
     * {@code imsi}: 1000 when none is given; with {@code single}, 10097 when several are.
     */
    static EndpointRef ref(String endPointId, String msisdn, String iccid, String imsi, boolean single) {
        Map<EndpointRef.Kind, String> given = new LinkedHashMap<>();
        if (endPointId != null && !endPointId.isBlank()) given.put(EndpointRef.Kind.ENDPOINT_ID, endPointId.trim());
        if (msisdn != null && !msisdn.isBlank()) given.put(EndpointRef.Kind.MSISDN, msisdn.trim());
        if (iccid != null && !iccid.isBlank()) given.put(EndpointRef.Kind.ICCID, iccid.trim());
        if (imsi != null && !imsi.isBlank()) given.put(EndpointRef.Kind.IMSI, imsi.trim());
        if (given.isEmpty()) throw DomainException.missing("msisdn/endPointId/iccid/imsi");
        if (single && given.size() > 1) throw new DomainException(ResultCode.MULTIPLE_QUERY_PARAMETERS);
        Map.Entry<EndpointRef.Kind, String> first = given.entrySet().iterator().next();
        String field = first.getKey() == EndpointRef.Kind.ENDPOINT_ID ? "endPointId" : first.getKey().name().toLowerCase();
        String v = Params.digits(first.getValue(), field, 1, first.getKey() == EndpointRef.Kind.ENDPOINT_ID ? 18 : 22);
        return new EndpointRef(first.getKey(), v);
    }

    @GetMapping("/api/fetchNetworkStatus")
    ResponseEntity<Map<String, Object>> status(Actor actor, @RequestParam(required = false) String endPointId,
                                               @RequestParam(required = false) String msisdn, @RequestParam(required = false) String iccid,
                                               @RequestParam(required = false) String imsi) {
        Diagnosis.Status s = diagnosis.status(actor, ref(endPointId, msisdn, iccid, imsi, true));
        NetworkStateRepository.State st = s.state();
        boolean connected = st.attached() && st.inSession();
        String mccMnc = st.mccMnc() == null ? "" : st.mccMnc();
        Map<String, Object> info = obj(
                "policyStatus", connected ? policy(st.policy()) : null,
                "countryName", dash(st.countryName()),
                "operatorMCC", mccMnc.length() >= 5 ? mccMnc.substring(0, 3) : "-",
                "operatorMNC", mccMnc.length() >= 5 ? mccMnc.substring(3) : "-",
                "tadigCode", st.attached() ? st.tadigCode() : "-",
                "operatorName", dash(st.operatorName()),
                "networkStatus", connected ? "Connected" : "Not Connected",
                "networkType", dash(st.rat()),
                "ipAddress", s.sessionAddress(),
                "attachTimestamp", st.attachedAt() == null || !st.attached() ? null : Sft.format(st.attachedAt()),
                "lastUpdateTimestamp", Sft.format(st.reportedAt()));
        return Sft.success(ResultCode.NETWORK_STATUS_SUCCESS, obj("responseParam", obj("imsi", s.imsi(), "networkStatusInfo", info)));
    }

    private static String policy(String p) {
        if (p == null || p.equals("DEFAULT")) return "Default";
        return p.equals("BLOCKED") ? "Blocked" : "Throttle";
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }

    @GetMapping("/api/locationInfo")
    ResponseEntity<Map<String, Object>> location(Actor actor, @RequestParam(required = false) String endPointId,
                                                 @RequestParam(required = false) String msisdn, @RequestParam(required = false) String iccid,
                                                 @RequestParam(required = false) String imsi) {
        Diagnosis.Located l = diagnosis.location(actor, ref(endPointId, msisdn, iccid, imsi, false));
        NetworkQueryPort.Location g = l.location();
        return Sft.success(ResultCode.LOCATION_SUCCESS, obj("responseParam", obj("imsi", l.imsi(), "geolocation", obj(
                "cellIdRatType", g.rat(), "locationInfoAge", Long.toString(g.ageSeconds()), "mcc", g.mcc(), "mnc", g.mnc(),
                "cellId", Long.toString(g.cellId()), "lac", g.lac() == null ? null : g.lac().toString(),
                "tac", g.tac() == null ? null : g.tac().toString(), "countryName", g.countryName(), "operatorName", g.operatorName()))));
    }

    @GetMapping("/api/endpointCoverage")
    ResponseEntity<Map<String, Object>> coverage(Actor actor, @RequestParam(required = false) String endPointId,
                                                 @RequestParam(required = false) String msisdn, @RequestParam(required = false) String iccid,
                                                 @RequestParam(required = false) String imsi,
                                                 @RequestParam(required = false) String blacklisted) {
        Boolean filter = null;
        if (blacklisted != null && !blacklisted.isBlank()) {
            if (blacklisted.trim().equalsIgnoreCase("true")) filter = true;
            else if (blacklisted.trim().equalsIgnoreCase("false")) filter = false;
            else throw DomainException.wrong("blacklisted");
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Diagnosis.CoverageRow r : diagnosis.coverage(actor, ref(endPointId, msisdn, iccid, imsi, false), filter)) {
            rows.add(obj("tadigCode", r.network().tadigCode(), "operatorId", r.network().operatorId(),
                    "operatorName", r.network().operatorName(), "category", "0",
                    "categoryGroupName", r.network().categoryGroupId(), "categoryGroupId", Diagnosis.groupId(r.network().categoryGroupId()),
                    "countryName", r.network().countryName(), "mccMnc", r.network().mccMnc(),
                    "barredUnbarredStatus", r.network().barred() ? "1" : "0", "blacklisted", Boolean.toString(r.blacklisted()),
                    "supportedNetworkTypes", r.network().networkTypes(),
                    "barredRATs", r.network().barredRats().isEmpty() ? "-" : r.network().barredRats(),
                    "roamingProfileId", Long.toString(r.profile().id()), "roamingProfileName", r.profile().name(),
                    "supplierPriority", r.network().supplierPriority()));
        }
        return Sft.success(ResultCode.COVERAGE_SUCCESS, obj("responseParam", obj("coverage", rows)));
    }

    /** {@code coverageBlacklistInfo}: {@code resourceType} (endPointId, msisdn, imsi, iccid), {@code value}, {@code add[]}, {@code remove[]}. */
    @PostMapping("/api/endPointBlacklisting")
    ResponseEntity<Map<String, Object>> blacklist(Actor actor, @RequestBody(required = false) String body) {
        Params root = Params.of(Params.parse(body));
        JsonNode infoNode = root.raw("coverageBlacklistInfo");
        if (infoNode == null) throw DomainException.missing("coverageBlacklistInfo");
        if (!infoNode.isObject()) throw DomainException.wrong("coverageBlacklistInfo");
        Params info = Params.of(infoNode);
        String type = info.requiredText("resourceType");
        String value = info.requiredText("value");
        EndpointRef ref;
        switch (type.toLowerCase()) {
            case "endpointid": ref = ref(value, null, null, null, true); break;
            case "msisdn": ref = ref(null, value, null, null, true); break;
            case "iccid": ref = ref(null, null, value, null, true); break;
            case "imsi": ref = ref(null, null, null, value, true); break;
            default: throw DomainException.wrong("resourceType");
        }
        List<Diagnosis.Entry> add = entries(info, "add"), remove = entries(info, "remove");
        if (add.isEmpty() && remove.isEmpty()) throw DomainException.missing("add/remove");
        diagnosis.blacklist(actor, ref, add, remove);
        return Sft.success(ResultCode.BLACKLIST_SUCCESS, Map.of());
    }

    private static List<Diagnosis.Entry> entries(Params info, String field) {
        JsonNode list = info.raw(field);
        List<Diagnosis.Entry> out = new ArrayList<>();
        if (list == null) return out;
        if (!list.isArray()) throw DomainException.wrong(field);
        for (JsonNode n : list.values()) {
            if (!n.isObject()) throw DomainException.wrong(field);
            Params p = Params.of(n);
            out.add(new Diagnosis.Entry(p.requiredText("tadigCode").toUpperCase(), p.requiredText("categoryGroupId").toUpperCase()));
        }
        return out;
    }
}
