package io.simfleet.portal;

import io.simfleet.catalog.CatalogService;
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
import io.simfleet.sim.Sim;
import io.simfleet.sim.SimService;
import jakarta.servlet.http.HttpServletResponse;
import io.simfleet.common.Input;
import java.beans.PropertyEditorSupport;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * Bulk provisioning (an ICCID range or a list, pasted or read from a file), bulk modify (a list
 * of endpoint ids, ICCIDs, IMSIs or MSISDNs) and their jobs: the list, one job's page with a live
 * progress bar (htmx polls its fragment every second while the job runs) and its per-item results,
 * also as CSV. The same commands and job service as the SFT bulk calls ({@code BulkController}):
 * {@link BulkCreate}'s and {@link EndpointModifier#checkFields}'s checks, {@link BulkJobService}'s jobs.
 */
@Controller
class BulkPagesController {
    /** Rows of a job's results shown on its page; the CSV has them all. */
    static final int SHOWN_RESULTS = 200;

    private final BulkJobService jobs;
    private final CatalogService catalog;
    private final SimService sims;

    BulkPagesController(BulkJobService jobs, CatalogService catalog, SimService sims) {
        this.jobs = jobs;
        this.catalog = catalog;
        this.sims = sims;
    }

    /**
     * A pasted list may hold line breaks and tabs between its values (the one place the portal takes
     * them): they are separators; any other control character is refused as everywhere else.
     */
    @InitBinder
    void lists(WebDataBinder binder) {
        PropertyEditorSupport list = new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                String v = text == null ? null : text.replaceAll("[\\r\\n\\t]+", "\n");
                if (v != null && Input.hasControlCharacter(v.replace("\n", ""))) throw new IllegalArgumentException("control character");
                setValue(v);
            }
        };
        binder.registerCustomEditor(String.class, "iccidList", list);
        binder.registerCustomEditor(String.class, "values", list);
    }

    // --- bulk provisioning

    /** The provisioning form as sent; {@code source} is "range" or "list". */
    record ProvisionForm(String name, String firstNameId, String apnGroupId, String planId, String roamingProfileId,
                         String source, String startIccid, String quantity, String iccidList, String activate) {}

    @GetMapping("/portal/bulk/provision")
    String provisionForm(Actor actor, ProvisionForm form, Model model) {
        return provisionPage(actor, form.source() == null
                ? new ProvisionForm(form.name(), form.firstNameId(), form.apnGroupId(), form.planId(), form.roamingProfileId(),
                        "range", form.startIccid(), form.quantity(), form.iccidList(), "on")
                : form, null, model);
    }

    @PostMapping("/portal/bulk/provision")
    String provision(Actor actor, ProvisionForm form, Model model, HttpServletResponse response) {
        try {
            long id = jobs.submitBulkCreate(actor, provisioning(form));
            return "redirect:/portal/jobs/" + id;
        } catch (DomainException e) {
            response.setStatus(422);
            return provisionPage(actor, form, e, model);
        }
    }

    private String provisionPage(Actor actor, ProvisionForm form, DomainException refused, Model model) {
        CatalogService.View view = catalog.view(actor.accountId());
        model.addAttribute("form", form);
        model.addAttribute("apnGroups", view.apnGroups());
        model.addAttribute("plans", view.plans(null, null));
        model.addAttribute("roamingProfiles", view.roamingProfiles(null));
        model.addAttribute("refused", refused == null ? null : refused.code().code() + " " + refused.getMessage());
        model.addAttribute("refusedField", refused == null ? null : refused.detail());
        return "portal/bulk-provision";
    }

    /** The form as the API's command, field by field as {@code BulkController} reads the request. */
    private static BulkCreate provisioning(ProvisionForm f) {
        String name = required(f.name(), "endPointName");
        long firstNameId = number(required(f.firstNameId(), "endPointNameId"), "endPointNameId");
        String apnGroupId = required(f.apnGroupId(), "apnGroupId");
        String planId = required(f.planId(), "planId");
        List<Long> roaming = List.of(number(required(f.roamingProfileId(), "roamingProfileId"), "roamingProfileId"));
        List<String> iccids = "list".equals(f.source())
                ? BulkCreate.iccidsOfList(values(f.iccidList()))
                : BulkCreate.iccidsOfRange(required(f.startIccid(), "startICCID").trim(),
                        number(required(f.quantity(), "quantity"), "quantity"), null);
        return new BulkCreate(name.trim(), firstNameId, iccids, apnGroupId, planId, roaming, null, null, null,
                List.of(), List.of(), List.of(), f.activate() != null);
    }

    // --- bulk modify

    /** The modify form: which kind of value the list holds, the list, and what to change (blank: unchanged). */
    record ModifyForm(String resourceType, String values, String imeiLock, String addTagId, String removeTagId, String barData) {}

    @GetMapping("/portal/bulk/modify")
    String modifyForm(Actor actor, Model model) {
        return modifyPage(actor, new ModifyForm("iccid", "", "", "", "", ""), null, model);
    }

    @PostMapping("/portal/bulk/modify")
    String modify(Actor actor, ModifyForm form, Model model, HttpServletResponse response) {
        try {
            EndpointRef.Kind kind = switch (String.valueOf(form.resourceType())) {
                case "endpointid" -> EndpointRef.Kind.ENDPOINT_ID;
                case "imsi" -> EndpointRef.Kind.IMSI;
                case "msisdn" -> EndpointRef.Kind.MSISDN;
                case "iccid" -> EndpointRef.Kind.ICCID;
                default -> throw DomainException.wrong("resourceType");
            };
            List<String> values = normalised(kind, values(form.values()));
            ModifyEndpoint m = modification(form);
            if (m.isEmpty()) throw new DomainException(ResultCode.BULK_MODIFY_FAILURE, "nothing to modify in requestParam");
            EndpointModifier.checkFields(m);
            long id = jobs.submitBulkModify(actor, new BulkModify(kind, m), values);
            return "redirect:/portal/jobs/" + id;
        } catch (DomainException e) {
            response.setStatus(422);
            return modifyPage(actor, form, e, model);
        }
    }

    private String modifyPage(Actor actor, ModifyForm form, DomainException refused, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("tags", catalog.tags(actor.accountId(), null));
        model.addAttribute("refused", refused == null ? null : refused.code().code() + " " + refused.getMessage());
        return "portal/bulk-modify";
    }

    /** The values as {@code BulkController} normalises them: 1 to BulkModify.MAX, well formed, none twice. */
    private static List<String> normalised(EndpointRef.Kind kind, List<String> values) {
        if (values.isEmpty()) throw DomainException.missing("valuelist");
        if (values.size() > BulkModify.MAX) throw new DomainException(ResultCode.MAXIMUM_COUNT_EXCEEDED, "valueList");
        List<String> out = new ArrayList<>(values.size());
        Set<String> seen = new HashSet<>();
        for (String raw : values) {
            String v = switch (kind) {
                case ENDPOINT_ID -> Long.toString(number(raw, "valuelist"));
                case ICCID -> digits(raw, 18, 22);
                default -> digits(raw, 5, 15);
            };
            if (!seen.add(v)) throw new DomainException(ResultCode.BULK_MODIFY_FAILURE, "value " + raw + " given twice");
            out.add(v);
        }
        return out;
    }

    private static ModifyEndpoint modification(ModifyForm f) {
        Boolean imeiLock = switch (String.valueOf(f.imeiLock())) {
            case "lock" -> true;
            case "unlock" -> false;
            default -> null;
        };
        LinkedHashMap<String, Boolean> bars = new LinkedHashMap<>();
        if ("bar".equals(f.barData())) bars.put("DATA", true);
        if ("unbar".equals(f.barData())) bars.put("DATA", false);
        List<Long> add = blank(f.addTagId()) ? List.of() : List.of(number(f.addTagId(), "addtagIds"));
        List<Long> remove = blank(f.removeTagId()) ? List.of() : List.of(number(f.removeTagId(), "removetagIds"));
        return new ModifyEndpoint(imeiLock, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                add, remove, null, bars, null, null);
    }

    // --- jobs

    @GetMapping("/portal/jobs")
    String list(Actor actor, Model model) {
        model.addAttribute("jobs", jobs.recent(actor, 100).stream().map(JobView::of).toList());
        return "portal/jobs";
    }

    /** A job as its page shows it: counts, the progress, and whether it still runs. */
    record JobView(Job job, String type, String status, int total, long processed, int percent, boolean running) {
        static JobView of(Job job) {
            return of(job, null);
        }

        static JobView of(Job job, List<Job.Item> items) {
            boolean modify = job.kind().equals(BulkJobService.MODIFY);
            boolean running = job.status() == Job.Status.PROCESSING;
            // a bulk create runs as one unit (all or nothing): nothing is done until all is
            long processed = modify && items != null ? items.stream().filter(i -> i.resultCode() != null).count()
                    : modify ? (running ? job.succeeded() + job.failed() : job.total()) : running ? 0 : job.total();
            int percent = job.total() == 0 ? 100 : (int) (processed * 100 / job.total());
            return new JobView(job, modify ? "Bulk modify" : "Bulk provisioning", statusName(job.status()), job.total(),
                    processed, percent, running);
        }
    }

    /** One result row: the value (ICCID, endpoint id…), the endpoint it concerns, its result. */
    record Result(String value, Long endpointId, String resultCode, String resultDescription) {}

    @GetMapping("/portal/jobs/{id}")
    String job(Actor actor, @PathVariable String id, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        Job job = job(actor, id);
        List<Job.Item> items = jobs.items(job);
        JobView view = JobView.of(job, items);
        model.addAttribute("j", view);
        if (htmx != null && view.running()) return "portal/job :: progress";
        List<Result> results = view.running() ? List.of() : results(actor, job, items);
        model.addAttribute("results", results.size() > SHOWN_RESULTS ? results.subList(0, SHOWN_RESULTS) : results);
        model.addAttribute("resultCount", results.size());
        // finished while the page polled: the whole job block, results included, replaces the progress block
        return htmx != null ? "portal/job :: progress" : "portal/job";
    }

    @GetMapping("/portal/jobs/{id}/results")
    void results(Actor actor, @PathVariable String id, HttpServletResponse response) throws IOException {
        Job job = job(actor, id);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"job-" + job.id() + ".csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write("value,endpointId,resultCode,resultDescription\r\n");
        for (Result r : results(actor, job, jobs.items(job))) {
            out.write(Csv.row(r.value(), r.endpointId() == null ? "" : Long.toString(r.endpointId()), r.resultCode(), r.resultDescription()));
        }
        out.flush();
    }

    /**
     * Per item: a bulk modify's values with their results; a bulk create's ICCIDs, each with the
     * job's outcome (it succeeds or fails as a whole) and the endpoint its SIM is now linked to.
     */
    private List<Result> results(Actor actor, Job job, List<Job.Item> items) {
        if (job.kind().equals(BulkJobService.MODIFY)) {
            return items.stream().map(i -> new Result(i.value(), null, i.resultCode(), i.resultDescription())).toList();
        }
        List<String> iccids = jobs.iccids(job);
        Map<String, Sim> linked = job.status() == Job.Status.PROCESSING ? Map.of()
                : sims.byIccids(actor.accountId(), iccids).stream().collect(Collectors.toMap(Sim::iccid, Function.identity()));
        String outcome = statusName(job.status());
        return iccids.stream().map(i -> {
            Sim s = linked.get(i);
            return new Result(i, s == null ? null : s.endpointId(), outcome, job.reason());
        }).toList();
    }

    static String statusName(Job.Status s) {
        return switch (s) {
            case PROCESSING -> "Processing";
            case SUCCESS -> "Success";
            case PARTIAL -> "Partial";
            case FAIL -> "Fail";
        };
    }

    // --- reading the form

    /** A pasted or uploaded list: values separated by commas, semicolons, spaces or lines; a header word is skipped. */
    static List<String> values(String text) {
        if (text == null) return List.of();
        List<String> out = new ArrayList<>(Arrays.stream(text.split("[,;\\s]+")).map(String::trim).filter(v -> !v.isEmpty()).toList());
        if (!out.isEmpty() && out.get(0).matches("(?i)[a-z_]+")) out.remove(0);
        return out;
    }

    private static boolean blank(String v) {
        return v == null || v.isBlank();
    }

    private static String required(String v, String field) {
        if (blank(v)) throw DomainException.missing(field);
        return v;
    }

    private static long number(String v, String field) {
        String t = v.trim();
        if (!t.matches("\\d{1,18}")) throw DomainException.wrong(field);
        return Long.parseLong(t);
    }

    private static String digits(String v, int min, int max) {
        String t = v.trim();
        if (!t.matches("\\d{" + min + "," + max + "}")) throw DomainException.wrong("valuelist");
        return t;
    }

    /** The account's bulk job; another account's (or none) is "not found", as the API's 1359 says. */
    private Job job(Actor actor, String id) {
        long jobId = id(id);
        try {
            return jobs.job(actor, jobId);
        } catch (DomainException e) {
            if (e.code() == ResultCode.NO_DATA_AVAILABLE) throw new PortalAdvice.PortalNotFound();
            throw e;
        }
    }

    private static long id(String value) {
        if (value == null || !value.matches("\\d{1,18}")) throw new PortalAdvice.PortalNotFound();
        return Long.parseLong(value);
    }
}
