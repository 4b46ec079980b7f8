package io.simfleet.portal;

import io.simfleet.catalog.CatalogModel.Tag;
import io.simfleet.catalog.CatalogService;
import io.simfleet.common.Actor;
import io.simfleet.common.DomainException;
import io.simfleet.endpoint.EndpointBrowser;
import io.simfleet.endpoint.EndpointLifecycle;
import io.simfleet.endpoint.EndpointOperations;
import io.simfleet.endpoint.EndpointQuery;
import io.simfleet.endpoint.EndpointRef;
import io.simfleet.endpoint.EndpointService;
import io.simfleet.endpoint.EndpointStatus;
import io.simfleet.endpoint.EndpointViews.ListItem;
import io.simfleet.endpoint.TagFilter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Endpoints pages: the list ("All End Points | N", search, filters, keyset pages, CSV
 * export) and one endpoint's page (header, OVERVIEW and EVENTS tabs, activate / suspend / resume
 * after a confirmation). Translation only: every read and rule is an endpoint service's.
 */
@Controller
class EndpointPagesController {
    static final int PAGE = 50;
    static final int EXPORT_CHUNK = 1000;

    private final EndpointBrowser browser;
    private final EndpointService endpoints;
    private final EndpointOperations operations;
    private final CatalogService catalog;
    private final EndpointHeader headers;

    EndpointPagesController(EndpointBrowser browser, EndpointService endpoints, EndpointOperations operations, CatalogService catalog,
                            EndpointHeader headers) {
        this.headers = headers;
        this.browser = browser;
        this.endpoints = endpoints;
        this.operations = operations;
        this.catalog = catalog;
    }

    /** The list's filters as the page's form sends them; blank fields mean "any". */
    record Filters(String q, String state, String tag, String sort) {
        EndpointQuery query(Long after, int limit) {
            EndpointStatus st = state == null || state.isBlank() ? null
                    : Arrays.stream(EndpointStatus.values()).filter(s -> s.code().equalsIgnoreCase(state)).findFirst().orElse(null);
            TagFilter tf = tag == null || tag.isBlank() ? new TagFilter.Any()
                    : tag.equals("none") ? new TagFilter.Untagged()
                    : tag.matches("\\d{1,18}") ? new TagFilter.WithTag(Long.parseLong(tag)) : new TagFilter.Any();
            return new EndpointQuery(q, st, tf, "newest".equals(sort), after, limit);
        }
    }

    @GetMapping("/portal/endpoints")
    String list(Actor actor, Filters filters, @RequestParam(required = false) Long after,
                @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        EndpointBrowser.Slice slice = browser.browse(actor, filters.query(after, PAGE));
        model.addAttribute("total", browser.total(actor));
        model.addAttribute("filters", filters);
        model.addAttribute("slice", slice);
        model.addAttribute("after", after);
        model.addAttribute("states", Arrays.stream(EndpointStatus.values()).filter(s -> s != EndpointStatus.DELETED).toList());
        model.addAttribute("tags", catalog.tags(actor.accountId(), null));
        // htmx asks for the results only (the search box and filters stay as typed)
        return htmx != null ? "portal/endpoints :: results" : "portal/endpoints";
    }

    /** The list as CSV, every matching endpoint, streamed a keyset page at a time (never the whole list in memory). */
    @GetMapping("/portal/endpoints/export")
    void export(Actor actor, Filters filters, HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"endpoints.csv\"");
        Writer out = new java.io.OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write("endpointId,name,state,iccid,imsi,msisdn,imei,tags\r\n");
        Long after = null;
        do {
            EndpointBrowser.Slice slice = browser.browse(actor, filters.query(after, EXPORT_CHUNK));
            for (ListItem i : slice.rows()) {
                out.write(Csv.row(Long.toString(i.endpoint().id()), i.endpoint().name(), i.endpoint().status().displayName(),
                        i.sim() == null ? "" : i.sim().iccid(), i.sim() == null ? "" : i.sim().masterImsi(),
                        i.sim() == null ? "" : i.sim().msisdn(), i.endpoint().imei(),
                        i.tags().stream().map(Tag::name).collect(Collectors.joining("|"))));
            }
            out.flush();
            after = slice.next();
        } while (after != null);
    }

    @GetMapping("/portal/endpoints/{id}")
    String overview(Actor actor, @PathVariable String id, Model model) {
        header(actor, id(id), model);
        model.addAttribute("tab", "overview");
        return "portal/endpoint";
    }

    @GetMapping("/portal/endpoints/{id}/events")
    String events(Actor actor, @PathVariable String id, @RequestParam(required = false) Long before, Model model) {
        long endpointId = id(id);
        header(actor, endpointId, model);
        var events = browser.eventsNewestFirst(actor, endpointId, before, PAGE + 1);
        model.addAttribute("events", events.size() > PAGE ? events.subList(0, PAGE) : events);
        model.addAttribute("olderThan", events.size() > PAGE ? events.get(PAGE - 1).id() : null);
        model.addAttribute("tab", "events");
        return "portal/endpoint";
    }

    /** The lifecycle actions of the endpoint page, each confirmed on a page of its own before it is done. */
    enum Action {
        ACTIVATE("Activate", EndpointLifecycle.Operation.ACTIVATE),
        SUSPEND("Suspend", EndpointLifecycle.Operation.SUSPEND),
        RESUME("Resume", EndpointLifecycle.Operation.RESUME);

        final String label;
        final EndpointLifecycle.Operation operation;

        Action(String label, EndpointLifecycle.Operation operation) {
            this.label = label;
            this.operation = operation;
        }

        public String label() {
            return label;
        }

        public String path() {
            return name().toLowerCase();
        }

        /** The confirmation page's question. */
        public String question() {
            return label + " this endpoint?";
        }

        static Action of(String path) {
            return Arrays.stream(values()).filter(a -> a.path().equalsIgnoreCase(path)).findFirst()
                    .orElseThrow(PortalAdvice.PortalNotFound::new);
        }
    }

    @GetMapping("/portal/endpoints/{id}/{action:activate|suspend|resume}")
    String confirm(Actor actor, @PathVariable String id, @PathVariable String action, Model model) {
        header(actor, id(id), model);
        model.addAttribute("action", Action.of(action));
        model.addAttribute("tab", "overview");
        return "portal/confirm";
    }

    @PostMapping("/portal/endpoints/{id}/{action:activate|suspend|resume}")
    String act(Actor actor, @PathVariable String id, @PathVariable String action, RedirectAttributes flash) {
        long endpointId = id(id);
        Action a = Action.of(action);
        try {
            switch (a) {
                case ACTIVATE -> operations.activate(actor, endpointId);
                // reason 3: by a person (CSR), as the API's callers name it
                case SUSPEND -> operations.changeLifecycle(actor, EndpointRef.id(endpointId), EndpointStatus.SUSPENDED.code(), "3");
                case RESUME -> operations.changeLifecycle(actor, EndpointRef.id(endpointId), EndpointStatus.ACTIVE.code(), "3");
            }
            flash.addFlashAttribute("done", a.label() + ": done.");
        } catch (DomainException e) {
            flash.addFlashAttribute("refused", a.label() + " refused: " + e.code().code() + " " + e.getMessage());
        }
        return "redirect:/portal/endpoints/" + endpointId;
    }

    /** The header every tab shows ({@link EndpointHeader}). */
    private void header(Actor actor, long endpointId, Model model) {
        headers.show(actor, endpointId, model);
    }

    /** A path's endpoint id; anything else names no endpoint. */
    static long id(String value) {
        if (value == null || !value.matches("\\d{1,18}")) throw new PortalAdvice.PortalNotFound();
        return Long.parseLong(value);
    }
}
