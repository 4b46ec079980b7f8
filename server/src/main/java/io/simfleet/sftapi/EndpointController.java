package io.simfleet.sftapi;

import static io.simfleet.sftapi.Sft.obj;

import io.simfleet.common.Actor;
import io.simfleet.common.DomainException;
import io.simfleet.common.Page;
import io.simfleet.common.ResultCode;
import io.simfleet.endpoint.CreateEndpoint;
import io.simfleet.endpoint.EndpointHistoryEntry;
import io.simfleet.endpoint.EndpointService;
import io.simfleet.endpoint.EndpointViews.Created;
import io.simfleet.endpoint.EndpointViews.ListItem;
import io.simfleet.endpoint.TagFilter;
import io.simfleet.sim.IccidRange;
import io.simfleet.sim.SimService;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The Endpoint category of the SFT API (Enterprise accounts only). */
@RestController
class EndpointController {
    /** The summary's {@code endpointInfo} spells some fields differently. */
    private static final Map<String, String> ENDPOINT_INFO = Map.of("endpointName", "name", "endpointId", "endPointId");

    private final EndpointService endpoints;
    private final SimService sims;
    private final EndpointWire wire;

    EndpointController(EndpointService endpoints, SimService sims, EndpointWire wire) {
        this.endpoints = endpoints;
        this.sims = sims;
        this.wire = wire;
    }

    @PostMapping("/api/CreateEndPoint")
    ResponseEntity<Map<String, Object>> create(Actor actor, @RequestBody(required = false) String body) {
        Params p = Params.request(body, "endpointInfo", ENDPOINT_INFO);
        boolean summary = !Params.parse(body).has("Request");
        CreateEndpoint cmd = CreateEndpoint.of(new CreateEndpoint.Form() {
            public boolean summary() { return summary; }
            public String name() { return p.text("name"); }
            public String iccid() { return p.text("iccid"); }
            public Boolean isLinkSim() { return p.bool("isLinkSIM"); }
            public Boolean isDefaultActivation() { return p.bool("isDefaultActivation"); }
            public List<Long> roamingProfileIds() { return p.has("roamingProfileId") ? p.longList("roamingProfileId", "[|,]") : null; }
            public String apnGroupId() { return p.text("apnGroupId"); }
            public String planId() { return p.text("planId"); }
            public Boolean imeiLock() { return p.lockStatus("imeiLockStatus"); }
            public List<Long> benefits() { return p.longList("benefits", ","); }
            public BigDecimal monthlyLimit() { return p.decimal("monthlyLimit"); }
            public String imei() { return p.text("imei"); }
            public List<String> addonPlanIds() { return p.list("addonPlanIds", ","); }
            public List<String> valueAddedFeatureIds() { return p.list("valueAddedFeatureIds", ","); }
            public List<Long> tagIds() { return p.longList("tagIds", ","); }
        });
        Created created = endpoints.create(actor, cmd);
        ResultCode code = switch (created.outcome()) {
            case CREATED -> ResultCode.CREATE_ENDPOINT_SUCCESS;
            case LINKED -> ResultCode.LINK_SIM_SUCCESS;
            case ACTIVATED -> ResultCode.SIM_PROVISIONING_SUCCESS;
        };
        return Sft.success(code, obj("endPointId", created.endpointId()));
    }

    @GetMapping({"/api/GetEndpoints", "/api/GetEndpoint"})
    ResponseEntity<Map<String, Object>> list(Actor actor, @RequestParam(required = false) String page,
                                             @RequestParam(required = false) String perPage,
                                             @RequestParam(required = false) String tagId,
                                             @RequestParam(required = false) String endpointId,
                                             @RequestParam(required = false) String endpointGroupId) {
        int pageNo = positive(page, "page", 1, Integer.MAX_VALUE / EndpointService.MAX_PER_PAGE);
        int size = positive(perPage, "perPage", EndpointService.MAX_PER_PAGE, EndpointService.MAX_PER_PAGE);
        if (endpointId != null && !endpointId.isBlank()) {
            // The summary's GET /api/GetEndpoint?endpointId=: the list with that one endpoint.
            long id = Params.parseLong(endpointId.trim(), "endpointId");
            List<ListItem> one = endpoints.listItem(actor, id).stream().toList();
            return endpointPage(new Page<>(one, one.size(), size));
        }
        if (endpointGroupId != null && !endpointGroupId.isBlank()) {
            // our addition (docs/network.md): the endpoints of one endpoint group
            if (tagId != null && !tagId.isBlank()) throw DomainException.wrong("endpointGroupId (not with tagId)");
            return endpointPage(endpoints.listByGroup(actor, Params.parseLong(endpointGroupId.trim(), "endpointGroupId"), pageNo, size));
        }
        TagFilter filter = new TagFilter.Any();
        if (tagId != null && !tagId.isBlank()) {
            filter = tagId.trim().equalsIgnoreCase("null") ? new TagFilter.Untagged()
                    : new TagFilter.WithTag(Params.parseLong(tagId.trim(), "tagId"));
        }
        return endpointPage(endpoints.list(actor, filter, pageNo, size));
    }

    private ResponseEntity<Map<String, Object>> endpointPage(Page<ListItem> page) {
        List<Map<String, Object>> rows = page.rows().stream().map(wire::listItem).toList();
        return Sft.success(ResultCode.FETCH_ENDPOINTS_SUCCESS, obj(
                "responseParam", obj("endpoints", rows),
                "totalNoOfRecords", page.totalRecords(),
                "totalNoOfPages", page.totalPages()));
    }

    @GetMapping("/api/GetEndPointProfile")
    ResponseEntity<Map<String, Object>> profile(Actor actor, @RequestParam(required = false) String endPointId) {
        long id = endpointId(endPointId);
        return Sft.success(ResultCode.GET_ENDPOINT_PROFILE_SUCCESS, obj("info", wire.profile(endpoints.profile(actor, id))));
    }

    /**
     * Our addition: the endpoint's event history, oldest first, paged like GetEndpoints, or from
     * {@code afterEventId} on (the last {@code eventId} a reader has seen).
     */
    @GetMapping("/api/GetEndpointEvents")
    ResponseEntity<Map<String, Object>> events(Actor actor, @RequestParam(required = false) String endPointId,
                                               @RequestParam(required = false) String page,
                                               @RequestParam(required = false) String perPage,
                                               @RequestParam(required = false) String afterEventId) {
        long id = endpointId(endPointId);
        int pageNo = positive(page, "page", 1, Integer.MAX_VALUE / EndpointService.MAX_PER_PAGE);
        int size = positive(perPage, "perPage", 100, EndpointService.MAX_PER_PAGE);
        Long after = afterEventId == null || afterEventId.isBlank() ? null : Params.parseLong(afterEventId.trim(), "afterEventId");
        Page<EndpointHistoryEntry> p = endpoints.events(actor, id, after, pageNo, size);
        List<Map<String, Object>> rows = p.rows().stream().map(e -> obj(
                "eventId", e.id(), "endPointId", e.endpointId(), "eventTimestamp", Sft.format(e.at()),
                "actor", e.actorUsername(), "actorAccountId", e.actorAccountId(), "call", e.call(),
                "fromStatus", e.fromStatus() == null ? null : e.fromStatus().code(),
                "toStatus", e.toStatus() == null ? null : e.toStatus().code(),
                "reason", e.reason(), "requestId", e.requestId(), "detail", e.detail())).toList();
        return Sft.success(ResultCode.GET_ENDPOINT_PROFILE_SUCCESS, obj("responseParam", obj("events", rows),
                "totalNoOfRecords", p.totalRecords(), "totalNoOfPages", p.totalPages()));
    }

    @GetMapping("/api/fetchICCIDForProvisioning")
    ResponseEntity<Map<String, Object>> iccidRanges(Actor actor) {
        String accountName = wire.accountName(actor.accountId());
        List<IccidRange> ranges = sims.readyRanges(actor.accountId());
        List<Map<String, Object>> rows = ranges.stream().map(r -> obj(
                "accountName", accountName, "quantity", r.quantity(),
                "iccidRange", r.first() + "-" + r.last(), "simStatus", "Ready To Activate")).toList();
        return Sft.success(ResultCode.FETCH_ICCID_SUCCESS, obj("responseParam", obj("rows", rows)));
    }

    static long endpointId(String value) {
        if (value == null || value.isBlank()) throw DomainException.missing("endPointId");
        return Params.parseLong(value.trim(), "endPointId");
    }

    /** A positive integer query parameter, at most {@code max}; absent means {@code dflt}. */
    static int positive(String value, String field, int dflt, int max) {
        if (value == null || value.isBlank()) return dflt;
        long v = Params.parseLong(value.trim(), field);
        if (v < 1 || v > max) throw DomainException.wrong(field);
        return (int) v;
    }

}
