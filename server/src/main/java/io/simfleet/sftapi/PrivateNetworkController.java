package io.simfleet.sftapi;

import static io.simfleet.sftapi.Sft.obj;

import io.simfleet.common.Actor;
import io.simfleet.common.DomainException;
import io.simfleet.common.ResultCode;
import io.simfleet.endpoint.EndpointClaims;
import io.simfleet.endpoint.EndpointClaims.ClaimSim;
import io.simfleet.endpoint.EndpointClaims.Claimed;
import io.simfleet.endpoint.EndpointGroupOperations;
import io.simfleet.endpoint.EndpointRef;
import io.simfleet.endpoint.EndpointViews.CreateOutcome;
import io.simfleet.job.BulkJobService;
import io.simfleet.privatenet.EndpointGroup;
import io.simfleet.privatenet.Membership;
import io.simfleet.privatenet.PrivateNetworkService;
import io.simfleet.privatenet.Subnet;
import io.simfleet.privatenet.VSlice;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Our additions for the private network (docs/network.md, "Private network"; codes in
 * docs/api-compatibility.md): the account's VSlices, its endpoint groups, an endpoint into and out
 * of a group (one by one and in bulk), and claiming a SIM by its printed activation code. Written
 * like the SFT calls: the envelope, {@code Request.requestParam} bodies, the endpoint named at the
 * {@code Request} level by endPointId, imsi, msisdn or iccid.
 */
@RestController
class PrivateNetworkController {
    private final PrivateNetworkService privateNetwork;
    private final EndpointGroupOperations groups;
    private final EndpointClaims claims;
    private final BulkJobService jobs;

    PrivateNetworkController(PrivateNetworkService privateNetwork, EndpointGroupOperations groups, EndpointClaims claims,
                             BulkJobService jobs) {
        this.privateNetwork = privateNetwork;
        this.groups = groups;
        this.claims = claims;
        this.jobs = jobs;
    }

    @GetMapping("/api/GetVSlices")
    ResponseEntity<Map<String, Object>> slices(Actor actor, @RequestParam(required = false) String vSliceId) {
        Long id = optionalId(vSliceId, "vSliceId");
        List<VSlice.Usage> slices = privateNetwork.slices(actor.accountId(), id);
        if (id != null && slices.isEmpty()) throw new DomainException(ResultCode.NO_DATA_AVAILABLE, "vSliceId " + id);
        List<Map<String, Object>> rows = slices.stream().map(u -> obj(
                "vSliceId", u.slice().id(), "vSliceName", u.slice().name(), "subnet", u.slice().subnet().toString(),
                "totalAddresses", u.slice().subnet().capacity(), "usedAddresses", u.usedAddresses(),
                "freeAddresses", u.freeAddresses(), "endpointGroupCount", u.groups(),
                "creationDate", Sft.format(u.slice().createdAt()))).toList();
        return Sft.success(ResultCode.GET_VSLICES_SUCCESS, obj("responseParam", obj("vSlices", rows)));
    }

    @PostMapping("/api/CreateEndpointGroup")
    ResponseEntity<Map<String, Object>> createGroup(Actor actor, @RequestBody(required = false) String body) {
        Params p = Params.request(body, null, Map.of());
        long sliceId = requiredId(p, "vSliceId");
        EndpointGroup g = privateNetwork.createGroup(actor.accountId(), sliceId, p.text("endpointGroupName"));
        return Sft.success(ResultCode.CREATE_ENDPOINT_GROUP_SUCCESS, obj("endpointGroupId", g.id()));
    }

    @GetMapping("/api/GetEndpointGroups")
    ResponseEntity<Map<String, Object>> listGroups(Actor actor, @RequestParam(required = false) String vSliceId,
                                                   @RequestParam(required = false) String endpointGroupId) {
        List<EndpointGroup.View> views = privateNetwork.groups(actor.accountId(), optionalId(vSliceId, "vSliceId"),
                optionalId(endpointGroupId, "endpointGroupId"));
        List<Map<String, Object>> rows = views.stream().map(v -> obj(
                "endpointGroupId", v.group().id(), "endpointGroupName", v.group().name(), "vSliceId", v.slice().id(),
                "vSliceName", v.slice().name(), "subnet", v.slice().subnet().toString(), "endpointCount", v.endpoints(),
                "creationDate", Sft.format(v.group().createdAt()))).toList();
        return Sft.success(ResultCode.GET_ENDPOINT_GROUPS_SUCCESS, obj("responseParam", obj("endpointGroups", rows)));
    }

    @PostMapping("/api/RenameEndpointGroup")
    ResponseEntity<Map<String, Object>> renameGroup(Actor actor, @RequestBody(required = false) String body) {
        Params p = Params.request(body, null, Map.of());
        long id = requiredId(p, "endpointGroupId");
        privateNetwork.renameGroup(actor.accountId(), id, p.text("endpointGroupName"));
        return Sft.success(ResultCode.RENAME_ENDPOINT_GROUP_SUCCESS, Map.of());
    }

    @PostMapping("/api/DeleteEndpointGroup")
    ResponseEntity<Map<String, Object>> deleteGroup(Actor actor, @RequestBody(required = false) String body) {
        Params p = Params.request(body, null, Map.of());
        privateNetwork.deleteGroup(actor.accountId(), requiredId(p, "endpointGroupId"));
        return Sft.success(ResultCode.DELETE_ENDPOINT_GROUP_SUCCESS, Map.of());
    }

    @PostMapping("/api/AssignEndpointGroup")
    ResponseEntity<Map<String, Object>> assign(Actor actor, @RequestBody(required = false) String body) {
        Params req = Params.requestLevel(body, null, Map.of());
        EndpointRef ref = LifecycleController.ref(req, true);
        Params p = req.requestParam(true);
        long groupId = requiredId(p, "endpointGroupId");
        String ip = p.text("ipAddress");
        Long address = ip == null || ip.isEmpty() ? null : Subnet.address(ip, "ipAddress");
        Membership m = groups.assign(actor, ref, groupId, address);
        return Sft.success(ResultCode.ENDPOINT_GROUP_ASSIGN_SUCCESS, obj("responseParam", membership(m)));
    }

    @PostMapping("/api/UnassignEndpointGroup")
    ResponseEntity<Map<String, Object>> unassign(Actor actor, @RequestBody(required = false) String body) {
        Params req = Params.requestLevel(body, null, Map.of());
        Membership m = groups.unassign(actor, LifecycleController.ref(req, true));
        return Sft.success(ResultCode.ENDPOINT_GROUP_UNASSIGN_SUCCESS, obj("responseParam", obj(
                "endPointId", m.endpointId(), "endpointGroupId", m.groupId(), "vSliceId", m.vSliceId(), "releasedIP", m.ipAddress())));
    }

    /** Every endpoint the values name into one group, as a job: its items' results through getJobStatus. */
    @PostMapping("/api/BulkAssignEndpointGroup")
    ResponseEntity<Map<String, Object>> bulkAssign(Actor actor, @RequestBody(required = false) String body) {
        Params req = Params.requestLevel(body, null, Map.of());
        BulkController.Named named = BulkController.named(req, ResultCode.WRONG_INPUT_PARAMETER);
        long groupId = requiredId(req.requestParam(true), "endpointGroupId");
        long id = jobs.submitGroupAssignment(actor, named.kind(), groupId, named.values());
        return Sft.success(ResultCode.BULK_GROUP_ASSIGN_ACCEPTED, obj("JobId", id));
    }

    @PostMapping("/api/ClaimSim")
    ResponseEntity<Map<String, Object>> claim(Actor actor, @RequestBody(required = false) String body) {
        Params p = Params.request(body, null, Map.of());
        String code = p.has("activationCode") ? p.text("activationCode") : p.text("claimCode");
        Claimed c = claims.claim(actor, new ClaimSim(p.text("iccid"), code, p.text("name"), p.text("planId"),
                p.bool("isDefaultActivation"), p.longValue("endpointGroupId"), p.text("ipAddress")));
        ResultCode result = c.created().outcome() == CreateOutcome.ACTIVATED ? ResultCode.SIM_PROVISIONING_SUCCESS : ResultCode.LINK_SIM_SUCCESS;
        return Sft.success(result, obj("endPointId", c.created().endpointId(),
                "responseParam", c.membership() == null ? null : membership(c.membership())));
    }

    private static Map<String, Object> membership(Membership m) {
        return obj("endPointId", m.endpointId(), "endpointGroupId", m.groupId(), "endpointGroupName", m.groupName(),
                "vSliceId", m.vSliceId(), "vSliceName", m.vSliceName(), "staticIP", m.ipAddress());
    }

    private static long requiredId(Params p, String field) {
        Long id = p.longValue(field);
        if (id == null) throw DomainException.missing(field);
        return id;
    }

    private static Long optionalId(String value, String field) {
        return value == null || value.isBlank() ? null : Params.parseLong(value.trim(), field);
    }
}
