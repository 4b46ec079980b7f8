package io.simfleet.sftapi;

import static io.simfleet.sftapi.Sft.obj;

import io.simfleet.common.Actor;
import io.simfleet.common.DomainException;
import io.simfleet.common.Input;
import io.simfleet.common.ResultCode;
import io.simfleet.endpoint.EndpointModifier;
import io.simfleet.endpoint.EndpointOperations;
import io.simfleet.endpoint.EndpointOperations.DelinkOutcome;
import io.simfleet.endpoint.EndpointOperations.StatusChange;
import io.simfleet.endpoint.EndpointRef;
import io.simfleet.endpoint.ModifyEndpoint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The single-endpoint calls after creation: Modify, Delete, Link / De-Link SIM, Activation,
 * Lifecycle Change, Roaming Profile and Plan Change, in the reference's {@code Request} form and
 * the summary's {@code endpointInfo} form.
 */
@RestController
class LifecycleController {
    /** The summary variant's field names, read as the reference's. */
    private static final Map<String, String> ENDPOINT_INFO = Map.of("endpointId", "endPointId", "endpointName", "endPointName");
    private static final List<String> BAR_FLAGS = List.of("bar_2G", "bar_2G/3G", "bar_4G", "bar_5G", "bar_SMS_MT", "bar_SMS_MO",
            "bar_DATA", "bar_NB_IOT", "bar_All_Services");

    private final EndpointOperations operations;
    private final EndpointModifier modifier;

    LifecycleController(EndpointOperations operations, EndpointModifier modifier) {
        this.operations = operations;
        this.modifier = modifier;
    }

    @PatchMapping("/api/endpoint")
    ResponseEntity<Map<String, Object>> modify(Actor actor, @RequestBody(required = false) String body) {
        return doModify(actor, body);
    }

    @PostMapping("/api/modifyEndpoint")
    ResponseEntity<Map<String, Object>> modifySummary(Actor actor, @RequestBody(required = false) String body) {
        return doModify(actor, body);
    }

    private ResponseEntity<Map<String, Object>> doModify(Actor actor, String body) {
        Params req = Params.requestLevel(body, "endpointInfo", ENDPOINT_INFO);
        EndpointRef ref = ref(req, true);
        Params p = req.requestParam(true);
        ModifyEndpoint m = modifyCommand(p);
        modifier.modify(actor, ref, m);
        return Sft.success(ResultCode.MODIFY_ENDPOINT_SUCCESS, Map.of());
    }

    /** The requestParam of Modify (and of Bulk Modify) as a command; 1000/1001 for a bad field. */
    static ModifyEndpoint modifyCommand(Params p) {
        Boolean imeiLock = p.lockStatus("imeiLockStatus");
        LinkedHashMap<String, Boolean> bars = new LinkedHashMap<>();
        for (String field : p.fieldNames()) {
            if (!field.startsWith("bar_")) continue;
            String flag = BAR_FLAGS.stream().filter(f -> f.equalsIgnoreCase(field)).findFirst()
                    .orElseThrow(() -> DomainException.wrong(field));
            Boolean v = p.bool(field);
            if (v == null) throw DomainException.wrong(field);
            bars.put(flag.substring(4), v);
        }
        return new ModifyEndpoint(imeiLock, p.has("imei") ? p.text("imei") : null,
                p.list("addAddonPlanIds", ","), p.longList("removeAddonUniqueIds", ","), p.list("removeAddonPlanIds", ","),
                p.list("addValueAddedFeatureIds", ","), p.list("removeValueAddedFeatureIds", ","),
                p.longList("addDynamicBenefitsIds", ","), p.longList("removeDynamicBenefitsIds", ","),
                p.longList("addtagIds", ","), p.longList("removetagIds", ","),
                p.has("endPointName") ? p.text("endPointName") : null, bars,
                p.has("apnGroupId") ? p.requiredText("apnGroupId") : null, p.has("planId") ? p.requiredText("planId") : null);
    }

    @PostMapping("/api/DeleteEndPoint")
    ResponseEntity<Map<String, Object>> delete(Actor actor, @RequestBody(required = false) String body) {
        operations.delete(actor, endpointId(body));
        return Sft.success(ResultCode.DELETE_SUCCESS, Map.of());
    }

    @PostMapping("/api/LinkSim")
    ResponseEntity<Map<String, Object>> linkSim(Actor actor, @RequestBody(required = false) String body) {
        Params req = Params.requestLevel(body, "endpointInfo", ENDPOINT_INFO);
        long id = requiredId(req);
        String iccid = Input.iccid(req.requestParam(true).requiredText("iccid"));
        operations.linkSim(actor, id, iccid);
        return Sft.success(ResultCode.LINK_SIM_SUCCESS, Map.of());
    }

    /** Our addition (docs/lifecycle.md, "SIM swap"): written like LinkSim; the endpoint keeps its state. */
    @PostMapping("/api/SwapSim")
    ResponseEntity<Map<String, Object>> swapSim(Actor actor, @RequestBody(required = false) String body) {
        Params req = Params.requestLevel(body, "endpointInfo", ENDPOINT_INFO);
        long id = requiredId(req);
        String iccid = req.requestParam(true).requiredText("iccid");
        String previous = operations.swapSim(actor, id, iccid);
        return Sft.success(ResultCode.SIM_SWAP_SUCCESS, obj("responseParam", obj("endPointId", Long.toString(id), "iccid", iccid, "previousIccid", previous)));
    }

    @PostMapping("/api/DeLinkSim")
    ResponseEntity<Map<String, Object>> delinkSim(Actor actor, @RequestBody(required = false) String body) {
        DelinkOutcome outcome = operations.delinkSim(actor, endpointId(body));
        return Sft.success(outcome == DelinkOutcome.DONE ? ResultCode.DELINK_SUCCESS : ResultCode.DELINK_QUEUED, Map.of());
    }

    @PostMapping({"/api/EndPointActivation", "/api/activateEndpoint"})
    ResponseEntity<Map<String, Object>> activate(Actor actor, @RequestBody(required = false) String body) {
        operations.activate(actor, endpointId(body));
        return Sft.success(ResultCode.SIM_PROVISIONING_SUCCESS, Map.of());
    }

    @PostMapping({"/api/EndPointLifeCycleChange", "/api/changeEndpointLifecycle"})
    ResponseEntity<Map<String, Object>> lifecycle(Actor actor, @RequestBody(required = false) String body) {
        Params req = Params.requestLevel(body, "endpointInfo", ENDPOINT_INFO);
        EndpointRef ref = ref(req, false);
        Params p = req.requestParam(true);
        String lifeCycle = p.requiredText("lifeCycle");
        String reason = p.text("reason");
        StatusChange change = operations.changeLifecycle(actor, ref, lifeCycle, reason == null || reason.isEmpty() ? null : reason);
        // 5017 for every accepted transition, OEM ones included, as every example of the reference (docs/lifecycle.md)
        return Sft.success(ResultCode.LIFECYCLE_SUCCESS, obj("responseParam",
                obj("currentStatus", change.current().code(), "previousStatus", change.previous().code())));
    }

    @PostMapping("/api/ChangeEndpointRoamingProfile")
    ResponseEntity<Map<String, Object>> roaming(Actor actor, @RequestBody(required = false) String body) {
        Params req = Params.requestLevel(body, "endpointInfo", ENDPOINT_INFO);
        EndpointRef ref = ref(req, false);
        Params p = req.requestParam(true);
        if (!p.has("roamingProfileIds")) throw DomainException.missing("roamingProfileIds");
        operations.changeRoamingProfiles(actor, ref, p.longList("roamingProfileIds", "[|,]"));
        return Sft.success(ResultCode.ROAMING_PROFILE_SUCCESS, Map.of());
    }

    @PostMapping("/api/ChangePlan")
    ResponseEntity<Map<String, Object>> changePlan(Actor actor, @RequestBody(required = false) String body) {
        Params req = Params.requestLevel(body, "endpointInfo", ENDPOINT_INFO);
        EndpointRef ref = ref(req, false);
        operations.changePlan(actor, ref, req.requestParam(true).requiredText("planId"));
        return Sft.success(ResultCode.PLAN_CHANGE_SUCCESS, Map.of());
    }

    private static long endpointId(String body) {
        return requiredId(Params.requestLevel(body, "endpointInfo", ENDPOINT_INFO));
    }

    private static long requiredId(Params req) {
        Long id = req.longValue("endPointId");
        if (id == null) throw DomainException.missing("endPointId");
        return id;
    }

    /** The endpoint named by endPointId, imsi (or Imsi), msisdn, or — where the call allows it — iccid. */
    static EndpointRef ref(Params req, boolean iccidAllowed) {
        Long id = req.longValue("endPointId");
        if (id != null) return EndpointRef.id(id);
        String imsi = req.has("imsi") ? req.text("imsi") : req.text("Imsi");
        if (imsi != null && !imsi.isEmpty()) return new EndpointRef(EndpointRef.Kind.IMSI, Params.digits(imsi, "imsi", 6, 15));
        String msisdn = req.text("msisdn");
        if (msisdn != null && !msisdn.isEmpty()) return new EndpointRef(EndpointRef.Kind.MSISDN, Params.digits(msisdn, "msisdn", 5, 15));
        if (iccidAllowed) {
            String iccid = req.text("iccid");
            if (iccid != null && !iccid.isEmpty()) return new EndpointRef(EndpointRef.Kind.ICCID, Params.digits(iccid, "iccid", 18, 22));
        }
        throw DomainException.missing("endPointId");
    }
}
