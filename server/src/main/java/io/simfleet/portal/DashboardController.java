package io.simfleet.portal;

import io.simfleet.common.Actor;
import io.simfleet.endpoint.EndpointBrowser;
import io.simfleet.endpoint.EndpointStatus;
import io.simfleet.job.BulkJobService;
import io.simfleet.job.Job;
import io.simfleet.job.JobService;
import io.simfleet.sim.SimService;
import io.simfleet.sim.SimStatus;
import io.simfleet.usage.AccountUsage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The acting enterprise's dashboard: endpoints and SIMs by state, the newest events, the bulk jobs still running. */
@Controller
class DashboardController {
    private final EndpointBrowser endpoints;
    private final SimService sims;
    private final JobService jobs;
    private final AccountUsage usage;

    DashboardController(EndpointBrowser endpoints, SimService sims, JobService jobs, AccountUsage usage) {
        this.usage = usage;
        this.endpoints = endpoints;
        this.sims = sims;
        this.jobs = jobs;
    }

    /** A state and how many are in it, in the states' own order. */
    record Count(String code, String name, long n) {}

    @GetMapping("/portal/dashboard")
    String dashboard(Actor actor, Model model) {
        Map<EndpointStatus, Long> byState = endpoints.countByState(actor);
        List<Count> endpointCounts = new ArrayList<>();
        for (EndpointStatus s : EndpointStatus.values()) {
            if (s != EndpointStatus.DELETED) endpointCounts.add(new Count(s.code(), s.displayName(), byState.getOrDefault(s, 0L)));
        }
        Map<SimStatus, Long> simsByState = sims.countByStatus(actor.accountId());
        List<Count> simCounts = new ArrayList<>();
        for (SimStatus s : SimStatus.values()) simCounts.add(new Count(s.name(), s.displayName(), simsByState.getOrDefault(s, 0L)));
        List<Job> running = new ArrayList<>();
        for (String kind : List.of(BulkJobService.CREATE, BulkJobService.MODIFY)) {
            jobs.list(actor.accountId(), kind, null).stream().filter(j -> j.status() == Job.Status.PROCESSING).forEach(running::add);
        }
        running.sort(Comparator.comparingLong(Job::id).reversed());
        model.addAttribute("endpointCounts", endpointCounts);
        model.addAttribute("endpointTotal", endpointCounts.stream().mapToLong(Count::n).sum());
        model.addAttribute("simCounts", simCounts);
        model.addAttribute("simTotal", simCounts.stream().mapToLong(Count::n).sum());
        model.addAttribute("events", endpoints.recentEvents(actor, 10));
        model.addAttribute("jobs", running);
        // portal-catalog: the month's usage and the last 30 days, from the account's daily aggregate (constant per view)
        model.addAttribute("usage", UsageView.of(usage.summary(actor, 30)));
        return "portal/dashboard";
    }
}
