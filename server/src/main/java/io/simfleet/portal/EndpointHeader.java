package io.simfleet.portal;

import io.simfleet.common.Actor;
import io.simfleet.common.DomainException;
import io.simfleet.diagnosis.Diagnosis;
import io.simfleet.endpoint.EndpointLifecycle;
import io.simfleet.endpoint.EndpointRef;
import io.simfleet.endpoint.EndpointService;
import io.simfleet.endpoint.EndpointStatus;
import io.simfleet.endpoint.EndpointViews.Profile;
import io.simfleet.usage.UsageService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The endpoint page's header, shown above every tab: the profile (GetEndPointProfile's service),
 * the network status (fetchNetworkStatus's), the month's data and SMS usage and cost (GetStatistics'
 * daily aggregates) and which actions the endpoint's state and SIM allow. Reads only.
 */
@Component
class EndpointHeader {
    private final EndpointService endpoints;
    private final Diagnosis diagnosis;
    private final UsageService usage;
    private final Clock clock;

    EndpointHeader(EndpointService endpoints, Diagnosis diagnosis, UsageService usage, Clock clock) {
        this.endpoints = endpoints;
        this.diagnosis = diagnosis;
        this.usage = usage;
        this.clock = clock;
    }

    /** The month's usage of the header: data in MB, SMS (MO + MT), cost in the account's currency. */
    record Month(BigDecimal dataMb, long sms, BigDecimal cost) {}

    /** An action of the header: a link to its page, or (path null) shown disabled with the reason. */
    record HeaderAction(String label, String path, String why) {}

    /**
     * An action's endpoint id, when the account has that endpoint; else "not found" (404), as its
     * pages answer it — whatever the refusal the action's service would give another account's id.
     */
    long own(Actor actor, String id) {
        long endpointId = EndpointPagesController.id(id);
        if (endpoints.listItem(actor, endpointId).isEmpty()) throw new PortalAdvice.PortalNotFound();
        return endpointId;
    }

    /** The endpoint's profile alone (GetEndPointProfile's service). */
    Profile profile(Actor actor, long endpointId) {
        return endpoints.profile(actor, endpointId);
    }

    Profile show(Actor actor, long endpointId, Model model) {
        Profile p = endpoints.profile(actor, endpointId);
        model.addAttribute("p", p);
        // the network's last report, as fetchNetworkStatus answers it ("Connected": attached with a data session)
        String network = "No SIM";
        if (p.sim() != null) {
            try {
                var state = diagnosis.status(actor, EndpointRef.id(endpointId)).state();
                network = state.attached() && state.inSession() ? "Connected" : "Not Connected";
            } catch (DomainException e) {
                network = "Unknown";
            }
        }
        model.addAttribute("network", network);
        model.addAttribute("month", month(actor, endpointId));
        model.addAttribute("actions", Arrays.stream(EndpointPagesController.Action.values())
                .filter(a -> EndpointLifecycle.next(p.endpoint().status(), a.operation).isPresent()).toList());
        model.addAttribute("simActions", simActions(p));
        return p;
    }

    private Month month(Actor actor, long endpointId) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        BigDecimal bytes = BigDecimal.ZERO, cost = BigDecimal.ZERO;
        long sms = 0;
        try {
            for (UsageService.Daily d : usage.statistics(actor, endpointId, today.withDayOfMonth(1), today)) {
                if (d.service().startsWith("SMS")) sms += d.count();
                else bytes = bytes.add(BigDecimal.valueOf(d.uplink() + d.downlink()));
                if (d.cost() != null) cost = cost.add(d.cost());
            }
        } catch (DomainException e) {
            // 1340: no usage this month
        }
        return new Month(bytes.divide(BigDecimal.valueOf(1024L * 1024L), 2, java.math.RoundingMode.HALF_UP), sms, cost);
    }

    /** SIM SWAP, DE-LINK SIM / LINK SIM, DELETE ENDPOINT as the endpoint's SIM and state allow (the services refuse the rest). */
    private static List<HeaderAction> simActions(Profile p) {
        boolean deleted = p.endpoint().status() == EndpointStatus.DELETED;
        if (deleted) return List.of();
        HeaderAction change = new HeaderAction("Change plan / roaming / modify", "change", null);
        if (p.sim() != null) {
            HeaderAction swap = p.endpoint().delinkPendingSince() == null ? new HeaderAction("SIM swap", "swap", null)
                    : new HeaderAction("SIM swap", null, "A de-link of its SIM is queued");
            return List.of(change, swap, new HeaderAction("De-link SIM", "delink", null),
                    new HeaderAction("Delete endpoint", null, "De-link its SIM first"));
        }
        HeaderAction swap = new HeaderAction("SIM swap", null, "The endpoint holds no SIM: link one");
        return List.of(change, swap, new HeaderAction("Link SIM", "link", null), new HeaderAction("Delete endpoint", "delete", null));
    }
}
