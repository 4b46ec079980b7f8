package io.simfleet.portal;

import io.simfleet.common.Actor;
import io.simfleet.sim.SimRow;
import io.simfleet.sim.SimService;
import io.simfleet.sim.SimStatus;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The SIMs page: "All SIMs | N" with the walkthrough's columns (IMSI, endpoint id, endpoint name,
 * ICCID, MSISDN, SIM state, SIM product), a state filter, a search by ICCID / IMSI / MSISDN, keyset
 * pages in ICCID order ({@link SimService#browse}), the Ready To Activate ICCID ranges and the CSV
 * export. Translation only: every read is the SIM service's.
 */
@Controller
class SimPagesController {
    static final int PAGE = 50;
    static final int EXPORT_CHUNK = 1000;

    private final SimService sims;

    SimPagesController(SimService sims) {
        this.sims = sims;
    }

    /** The list's filters as the page's form sends them; blank fields mean "any". */
    record SimFilters(String q, String state) {
        SimStatus status() {
            return state == null || state.isBlank() ? null
                    : Arrays.stream(SimStatus.values()).filter(s -> s.name().equalsIgnoreCase(state.trim())).findFirst().orElse(null);
        }
    }

    @GetMapping("/portal/sims")
    String list(Actor actor, SimFilters filters, @RequestParam(required = false) String after,
                @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        String from = after == null || !after.matches("\\d{1,22}") ? null : after;
        SimService.Slice slice = sims.browse(actor.accountId(), filters.q(), filters.status(), from, PAGE);
        // the total: the per-state counts the dashboard shows (index-only, sim_account_status_idx)
        var counts = sims.countByStatus(actor.accountId());
        model.addAttribute("total", counts.values().stream().mapToLong(Long::longValue).sum());
        model.addAttribute("counts", counts);
        model.addAttribute("filters", filters);
        model.addAttribute("slice", slice);
        model.addAttribute("after", from);
        model.addAttribute("states", SimStatus.values());
        return htmx != null ? "portal/sims :: results" : "portal/sims";
    }

    /** The Ready To Activate SIMs as runs of consecutive ICCIDs (the ranges bulk provisioning takes). */
    @GetMapping("/portal/sims/ready")
    String ready(Actor actor, Model model) {
        model.addAttribute("ranges", sims.readyRanges(actor.accountId()));
        return "portal/sims-ready";
    }

    /** Every matching SIM as CSV, streamed a keyset page at a time. */
    @GetMapping("/portal/sims/export")
    void export(Actor actor, SimFilters filters, HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"sims.csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write("imsi,endpointId,endpointName,iccid,msisdn,simState,simProduct\r\n");
        String after = null;
        do {
            SimService.Slice slice = sims.browse(actor.accountId(), filters.q(), filters.status(), after, EXPORT_CHUNK);
            for (SimRow r : slice.rows()) {
                out.write(Csv.row(r.sim().masterImsi(), r.sim().endpointId() == null ? "" : Long.toString(r.sim().endpointId()),
                        r.endpointName(), r.sim().iccid(), r.sim().msisdn(), r.sim().status().displayName(), r.productName()));
            }
            out.flush();
            after = slice.next();
        } while (after != null);
    }
}
