package io.simfleet.portal;

import io.simfleet.common.Actor;
import io.simfleet.common.DomainException;
import io.simfleet.common.Page;
import io.simfleet.endpoint.EndpointOperations;
import io.simfleet.endpoint.EndpointOperations.DelinkOutcome;
import io.simfleet.common.ResultCode;
import io.simfleet.sim.SimRow;
import io.simfleet.sim.SimService;
import io.simfleet.sim.SimStatus;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The endpoint header's SIM actions: DE-LINK SIM and DELETE ENDPOINT (each confirmed on a page of
 * its own), LINK SIM and SIM SWAP (a form naming a Ready To Activate SIM). The services of DeLinkSim,
 * DeleteEndPoint, LinkSim and SwapSim; a refusal shows its result code and description (7021: the de-link
 * is queued until the SIM's data session ends).
 */
@Controller
class EndpointActionsController {
    static final int SIM_CHOICES = 100;

    private final EndpointHeader headers;
    private final EndpointOperations operations;
    private final SimService sims;

    EndpointActionsController(EndpointHeader headers, EndpointOperations operations, SimService sims) {
        this.headers = headers;
        this.operations = operations;
        this.sims = sims;
    }

    /** What confirm.html shows: "De-link SIM this endpoint?" reads badly, so the question is given whole. */
    record Confirm(String label, String path, String question) {}

    private static Confirm confirmOf(String action) {
        return "delink".equalsIgnoreCase(action)
                ? new Confirm("De-link SIM", "delink", "De-link the SIM of this endpoint?")
                : new Confirm("Delete endpoint", "delete", "Delete this endpoint?");
    }

    @GetMapping("/portal/endpoints/{id}/delink")
    String confirmDelink(Actor actor, @PathVariable String id, Model model) {
        return confirm(actor, id, "delink", model);
    }

    @GetMapping("/portal/endpoints/{id}/delete")
    String confirmDelete(Actor actor, @PathVariable String id, Model model) {
        return confirm(actor, id, "delete", model);
    }

    private String confirm(Actor actor, String id, String action, Model model) {
        headers.show(actor, EndpointPagesController.id(id), model);
        model.addAttribute("action", confirmOf(action));
        model.addAttribute("tab", "overview");
        return "portal/confirm";
    }

    @PostMapping("/portal/endpoints/{id}/delink")
    String delink(Actor actor, @PathVariable String id, RedirectAttributes flash) {
        long endpointId = headers.own(actor, id);
        try {
            DelinkOutcome outcome = operations.delinkSim(actor, endpointId);
            if (outcome == DelinkOutcome.DONE) {
                flash.addFlashAttribute("done", "De-link SIM: done.");
            } else {
                // the API's own answer (7021): the SIM is in a data session, the de-link completes when it ends
                flash.addFlashAttribute("done", "De-link SIM: " + ResultCode.DELINK_QUEUED.code() + " "
                        + ResultCode.DELINK_QUEUED.describe(null) + " (queued until the SIM's data session ends)");
            }
        } catch (DomainException e) {
            flash.addFlashAttribute("refused", "De-link SIM refused: " + FieldErrors.message(e));
        }
        return "redirect:/portal/endpoints/" + endpointId;
    }

    @PostMapping("/portal/endpoints/{id}/delete")
    String delete(Actor actor, @PathVariable String id, RedirectAttributes flash) {
        long endpointId = headers.own(actor, id);
        try {
            operations.delete(actor, endpointId);
        } catch (DomainException e) {
            flash.addFlashAttribute("refused", "Delete endpoint refused: " + FieldErrors.message(e));
            return "redirect:/portal/endpoints/" + endpointId;
        }
        flash.addFlashAttribute("done", "Endpoint " + endpointId + " deleted.");
        return "redirect:/portal/endpoints";
    }

    /** The page of a form naming a Ready To Activate SIM: LINK SIM, or SIM SWAP (the SIM that replaces the endpoint's). */
    record SimForm(String action, String heading, String intro, String button) {}

    private static final SimForm LINK = new SimForm("link", "Link a SIM", "A Ready To Activate SIM of the account:", "Link SIM");
    private static final SimForm SWAP = new SimForm("swap", "SIM swap",
            "The SIM that replaces the endpoint's, a Ready To Activate SIM of the account. The endpoint keeps its state, plan, "
                    + "add-ons, balances and address; the SIM it holds now goes back to Ready To Activate.", "Swap SIM");

    @GetMapping("/portal/endpoints/{id}/link")
    String linkForm(Actor actor, @PathVariable String id, Model model) {
        return simForm(actor, EndpointPagesController.id(id), LINK, "", Map.of(), model);
    }

    @PostMapping("/portal/endpoints/{id}/link")
    String link(Actor actor, @PathVariable String id, @RequestParam(required = false) String iccid, Model model,
                RedirectAttributes flash) {
        long endpointId = headers.own(actor, id);
        String value = iccid == null ? "" : iccid.trim();
        try {
            if (value.isEmpty()) throw DomainException.missing("iccid");
            operations.linkSim(actor, endpointId, value);
        } catch (DomainException e) {
            // the form has one field: every refusal of a link is about the SIM it names
            return simForm(actor, endpointId, LINK, value, FieldErrors.of(e, Map.of(), "iccid"), model);
        }
        flash.addFlashAttribute("done", "Link SIM: " + value + " linked.");
        return "redirect:/portal/endpoints/" + endpointId;
    }

    @GetMapping("/portal/endpoints/{id}/swap")
    String swapForm(Actor actor, @PathVariable String id, Model model) {
        return simForm(actor, EndpointPagesController.id(id), SWAP, "", Map.of(), model);
    }

    /** SwapSim's service: the SIM replaced in one transaction, the endpoint in its state (docs/lifecycle.md, "SIM swap"). */
    @PostMapping("/portal/endpoints/{id}/swap")
    String swap(Actor actor, @PathVariable String id, @RequestParam(required = false) String iccid, Model model,
                RedirectAttributes flash) {
        long endpointId = headers.own(actor, id);
        String value = iccid == null ? "" : iccid.trim();
        String previous;
        try {
            if (value.isEmpty()) throw DomainException.missing("iccid");
            previous = operations.swapSim(actor, endpointId, value);
        } catch (DomainException e) {
            return simForm(actor, endpointId, SWAP, value, FieldErrors.of(e, Map.of(), "iccid"), model);
        }
        flash.addFlashAttribute("done", "SIM swap: " + previous + " replaced by " + value + ".");
        return "redirect:/portal/endpoints/" + endpointId;
    }

    private String simForm(Actor actor, long endpointId, SimForm form, String iccid, Map<String, String> errors, Model model) {
        headers.show(actor, endpointId, model);
        Page<SimRow> ready = sims.page(actor.accountId(), null, SimStatus.READY_TO_ACTIVATE, null, 1, SIM_CHOICES);
        model.addAttribute("readySims", ready.rows());
        model.addAttribute("tab", "overview");
        model.addAttribute("form", form);
        model.addAttribute("iccid", iccid);
        model.addAttribute("errors", errors);
        return "portal/endpoint-link";
    }
}
