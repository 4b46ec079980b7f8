package io.simfleet.sftapi;

import static io.simfleet.sftapi.Sft.obj;

import io.simfleet.account.AccountService;
import io.simfleet.common.Actor;
import io.simfleet.common.DomainException;
import io.simfleet.common.ResultCode;
import io.simfleet.endpoint.BulkCreate;
import io.simfleet.endpoint.EndpointModifier;
import io.simfleet.endpoint.EndpointRef;
import io.simfleet.endpoint.ModifyEndpoint;
import io.simfleet.job.BulkJobService;
import io.simfleet.job.BulkModify;
import io.simfleet.job.Job;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Bulk Create ({@code bulkProvisioning}), its Process Status ({@code fetchSIMProvisioningDetails}),
 * Bulk Modify ({@code endpointbulk}) and Job Status ({@code getJobStatus}, our design). Requests
 * are checked at once and answered with the job's id; the work runs as a durable job. A retry with
 * the same {@code Idempotency-Key} answers the same id ({@link IdempotencyFilter}, as every write).
 */
@RestController
class BulkController {
    private final BulkJobService jobs;
    private final AccountService accounts;

    BulkController(BulkJobService jobs, AccountService accounts) {
        this.jobs = jobs;
        this.accounts = accounts;
    }

    @PostMapping("/api/bulkProvisioning")
    ResponseEntity<Map<String, Object>> bulkProvisioning(Actor actor, @RequestBody(required = false) String body) {
        JsonNode root = Params.parse(body);
        JsonNode info = root.get("bulkProvisioningInfo");
        if (info == null || info.isNull()) throw DomainException.missing("bulkProvisioningInfo");
        if (!info.isObject()) throw DomainException.wrong("bulkProvisioningInfo");
        Params p = Params.of(info);
        String name = p.requiredText("endPointName");
        Long firstNameId = p.longValue("endPointNameId");
        if (firstNameId == null) throw DomainException.missing("endPointNameId");
        String apnGroupId = p.requiredText("apnGroupId");
        String planId = p.requiredText("planId");
        if (!p.has("roamingProfileId")) throw DomainException.missing("roamingProfileId");
        List<Long> roaming = p.longList("roamingProfileId", "[|,]");

        boolean range = p.has("startICCID") || p.has("endICCID");
        boolean list = p.has("iccidList");
        if (range && list) throw new DomainException(ResultCode.BULK_RANGE_OR_LIST);
        List<String> iccids = list ? BulkCreate.iccidsOfList(p.list("iccidList", ","))
                : BulkCreate.iccidsOfRange(p.requiredText("startICCID"), p.longValue("quantity"), p.text("endICCID"));
        Boolean imeiLock = p.lockStatus("imeiLockStatus");
        Long benefit = p.longValue("benefits");
        Boolean activate = p.bool("isDefaultActivation");
        BulkCreate cmd = new BulkCreate(name, firstNameId, iccids, apnGroupId, planId, roaming, benefit, p.decimal("creditLimit"),
                imeiLock, p.list("addonPlanIds", ","), p.list("valueAddedFeatureIds", ","), p.longList("tagIds", ","),
                activate == null || activate);
        long id = jobs.submitBulkCreate(actor, cmd);
        return Sft.success(ResultCode.BULK_PROVISIONING_ACCEPTED, obj("simProvisionId", id));
    }

    @GetMapping("/api/fetchSIMProvisioningDetails")
    ResponseEntity<Map<String, Object>> provisioningDetails(Actor actor, @RequestParam(required = false) String simProvisionId,
                                                            @RequestParam(required = false) String endpointStatus) {
        Long id = simProvisionId == null || simProvisionId.isBlank() ? null : Params.parseLong(simProvisionId.trim(), "simProvisionId");
        String status = null;
        if (id == null && endpointStatus != null && !endpointStatus.isBlank()) {
            status = switch (endpointStatus.trim().toLowerCase(Locale.ROOT)) {
                case "1", "active" -> "Active";
                case "2", "pre-active", "preactive" -> "Pre-Active";
                case "active-test" -> "Active-Test";
                default -> throw DomainException.wrong("endpointStatus");
            };
        }
        String accountName = accounts.get(actor.accountId()).name();
        List<Map<String, Object>> rows = jobs.provisioning(actor, id, status).stream().map(j -> obj(
                "iccidRange", j.iccidRange(), "endpointStatus", j.endpointStatus(), "quantity", j.total(),
                "accountId", j.accountId(), "accountName", accountName, "simProvisionId", j.id(),
                "simProvisioningDate", Sft.format(j.createdAt()), "status", statusName(j.status()), "reason", j.reason())).toList();
        return Sft.success(ResultCode.FETCH_PROVISIONING_DETAILS_SUCCESS, obj("responseParam", obj("rows", rows)));
    }

    @PatchMapping("/api/endpointbulk")
    ResponseEntity<Map<String, Object>> bulkModify(Actor actor, @RequestBody(required = false) String body) {
        Params req = Params.requestLevel(body, null, Map.of());
        Named named = named(req, ResultCode.BULK_MODIFY_FAILURE);
        ModifyEndpoint m = LifecycleController.modifyCommand(req.requestParam(true));
        if (m.isEmpty()) throw new DomainException(ResultCode.BULK_MODIFY_FAILURE, "nothing to modify in requestParam");
        EndpointModifier.checkFields(m);
        long id = jobs.submitBulkModify(actor, new BulkModify(named.kind(), m), named.values());
        return Sft.success(ResultCode.BULK_MODIFY_ACCEPTED, obj("JobId", id));
    }

    /** The endpoints a bulk call names: how ({@code resourceType}) and the values, normalised, each once. */
    record Named(EndpointRef.Kind kind, List<String> values) {}

    /**
     * {@code resourceType} and {@code valuelist} (or {@code valueList}) of a bulk call: at most 4000
     * values (10073), each well-formed for its type (1001 valuelist) and given once ({@code twice}:
     * Bulk Modify's 10134, or 1001 naming valuelist).
     */
    static Named named(Params req, ResultCode twice) {
        String type = req.requiredText("resourceType");
        EndpointRef.Kind kind = switch (type.toLowerCase(Locale.ROOT)) {
            case "endpointid" -> EndpointRef.Kind.ENDPOINT_ID;
            case "imsi" -> EndpointRef.Kind.IMSI;
            case "msisdn" -> EndpointRef.Kind.MSISDN;
            case "iccid" -> EndpointRef.Kind.ICCID;
            default -> throw DomainException.wrong("resourceType");
        };
        String listField = req.has("valuelist") ? "valuelist" : "valueList";
        if (!req.has(listField)) throw DomainException.missing("valuelist");
        List<String> values = req.list(listField, ",");
        if (values.isEmpty()) throw DomainException.missing("valuelist");
        if (values.size() > BulkModify.MAX) throw new DomainException(ResultCode.MAXIMUM_COUNT_EXCEEDED, "valueList");
        // normalised (endpoint ids as numbers), so that one endpoint cannot be named twice
        List<String> normalised = new ArrayList<>(values.size());
        Set<String> seen = new HashSet<>();
        for (String raw : values) {
            String v = switch (kind) {
                case ENDPOINT_ID -> Long.toString(Params.parseLong(raw, "valuelist"));
                case ICCID -> Params.digits(raw, "valuelist", 18, 22);
                default -> Params.digits(raw, "valuelist", 5, 15);
            };
            if (!seen.add(v)) {
                throw new DomainException(twice, twice == ResultCode.WRONG_INPUT_PARAMETER ? "valuelist (" + raw + " given twice)" : "value " + raw + " given twice");
            }
            normalised.add(v);
        }
        return new Named(kind, normalised);
    }

    /** Our design: a job's status, counts, and for a bulk modify each value with its result. */
    @GetMapping("/api/getJobStatus")
    ResponseEntity<Map<String, Object>> jobStatus(Actor actor, @RequestParam(required = false) String jobId) {
        if (jobId == null || jobId.isBlank()) throw DomainException.missing("jobId");
        Job job = jobs.job(actor, Params.parseLong(jobId.trim(), "jobId"));
        List<Map<String, Object>> items = jobs.items(job).stream().map(i -> obj(
                "value", i.value(), "resultCode", i.resultCode(), "resultDescription", i.resultDescription())).toList();
        boolean modify = !job.kind().equals(BulkJobService.CREATE);
        long processed = modify ? items.stream().filter(i -> i.containsKey("resultCode")).count()
                : job.status() == Job.Status.PROCESSING ? 0 : job.total();
        return Sft.success(ResultCode.GET_JOB_STATUS_SUCCESS, obj("responseParam", obj(
                "jobId", job.id(), "jobType", jobType(job.kind()),
                "status", statusName(job.status()), "totalCount", job.total(), "processedCount", processed,
                "successCount", job.succeeded(), "failureCount", job.failed(), "reason", job.reason(),
                "createdDate", Sft.format(job.createdAt()), "completedDate", Sft.format(job.finishedAt()),
                "items", modify ? items : null)));
    }

    private static String jobType(String kind) {
        if (kind.equals(BulkJobService.MODIFY)) return "BulkModify";
        if (kind.equals(BulkJobService.GROUP_ASSIGN)) return "BulkEndpointGroupAssignment";
        return "BulkProvisioning";
    }

    static String statusName(Job.Status s) {
        return switch (s) {
            case PROCESSING -> "Processing";
            case SUCCESS -> "Success";
            case PARTIAL -> "Partial";
            case FAIL -> "Fail";
        };
    }
}
