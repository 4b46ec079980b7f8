package io.simfleet.sftapi;

import static io.simfleet.sftapi.Sft.obj;

import io.simfleet.common.Actor;
import io.simfleet.common.DomainException;
import io.simfleet.common.Input;
import io.simfleet.common.Page;
import io.simfleet.common.ResultCode;
import io.simfleet.sim.Sim;
import io.simfleet.sim.SimRow;
import io.simfleet.sim.SimService;
import io.simfleet.sim.SimStatus;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** GET /api/fetchSIM: the account's SIM inventory, paged. */
@RestController
class SimController {
    static final int MAX_PER_PAGE = 2000;
    private final SimService sims;

    SimController(SimService sims) {
        this.sims = sims;
    }

    @GetMapping("/api/fetchSIM")
    ResponseEntity<Map<String, Object>> fetch(Actor actor, @RequestParam(required = false) String page,
                                              @RequestParam(required = false) String perPage,
                                              @RequestParam(required = false) String iccid,
                                              @RequestParam(required = false) String simStatusId,
                                              @RequestParam(required = false) String simAttachStatusId) {
        int pageNo = EndpointController.positive(page, "page", 1, Integer.MAX_VALUE / MAX_PER_PAGE);
        int size = EndpointController.positive(perPage, "perPage", MAX_PER_PAGE, MAX_PER_PAGE);
        String iccidFilter = null;
        if (iccid != null && !iccid.isBlank()) {
            iccidFilter = iccid.trim();
            Input.iccid(iccidFilter);
        }
        SimStatus status = null;
        if (simStatusId != null && !simStatusId.isBlank()) {
            long id = Params.parseLong(simStatusId.trim(), "simStatusId");
            status = SimStatus.byId((int) Math.min(id, Integer.MAX_VALUE)).orElseThrow(() -> DomainException.wrong("simStatusId"));
        }
        Boolean attached = null;
        if (simAttachStatusId != null && !simAttachStatusId.isBlank()) {
            String v = simAttachStatusId.trim();
            if (!v.equals("0") && !v.equals("1")) throw DomainException.wrong("simAttachStatusId");
            attached = v.equals("1");
        }
        Page<SimRow> result = sims.page(actor.accountId(), iccidFilter, status, attached, pageNo, size);
        if (iccidFilter != null && result.totalRecords() == 0) {
            throw new DomainException(ResultCode.NO_DATA_AVAILABLE, "ICCID " + iccidFilter);
        }
        List<Map<String, Object>> rows = result.rows().stream().map(SimController::row).toList();
        return Sft.success(ResultCode.FETCH_SIM_SUCCESS, obj("responseParam", obj("rows", rows),
                "totalNoOfRecords", result.totalRecords(), "totalNoOfPages", result.totalPages()));
    }

    static Map<String, Object> row(SimRow r) {
        Sim s = r.sim();
        List<Map<String, Object>> suppliers = s.supplierImsis().stream()
                .map(x -> obj("sponsorName", x.sponsorName(), "supplierIMSI", x.supplierIMSI())).toList();
        boolean linked = s.endpointId() != null;
        Map<String, Object> activation = null;
        if (s.activationCode() != null) {
            String[] parts = s.activationCode().split("\\$");
            activation = obj("textQrCode", s.activationCode(),
                    "smDpPlusAdress", parts.length > 1 ? parts[1] : null,
                    "matchingId", parts.length > 2 ? parts[2] : null);
        }
        return obj(
                "simId", s.id(),
                "simStatus", s.status().displayName(),
                "simStatusId", s.status().id(),
                "iMSIList", List.of(obj("masterIMSI", s.masterImsi(), "supplierIMSIList", suppliers)),
                "iccid", s.iccid(),
                "simAttachStatus", linked ? "ATTACHED" : "NOT ATTACHED",
                "msisdn", s.msisdn(),
                "accountId", s.accountId(),
                "endPointId", linked ? s.endpointId().toString() : "-",
                "endPointName", linked && r.endpointName() != null ? r.endpointName() : "-",
                "accountName", r.accountName(),
                "simProduct", r.productName(),
                "cardClassName", r.cardClass(),
                "parentAccountId", r.parentAccountId(),
                "ean", s.ean(),
                "eid", s.eid(),
                "activationCode", activation);
    }
}
