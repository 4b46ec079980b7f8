package io.simfleet.cli;

import static io.simfleet.cli.Output.col;

import io.simfleet.client.CallOptions;
import io.simfleet.client.Outcome;
import io.simfleet.client.model.AddonPlan;
import io.simfleet.client.model.AddonSubscription;
import io.simfleet.client.model.Benefit;
import io.simfleet.client.model.BenefitAdjustment;
import io.simfleet.client.model.CreateEndpointRequest;
import io.simfleet.client.model.CreatedEndpoint;
import io.simfleet.client.model.EndpointBasicInfo;
import io.simfleet.client.model.EndpointCounter;
import io.simfleet.client.model.EndpointEvent;
import io.simfleet.client.model.EndpointProfile;
import io.simfleet.client.model.EndpointQuery;
import io.simfleet.client.model.EndpointRef;
import io.simfleet.client.model.EndpointSummary;
import io.simfleet.client.model.Lifecycle;
import io.simfleet.client.model.LifecycleChange;
import io.simfleet.client.model.LockStatus;
import io.simfleet.client.model.Tag;
import io.simfleet.client.model.ThresholdUpdate;
import io.simfleet.client.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "endpoints", description = "Lists, shows, creates and changes endpoints.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {EndpointsCommand.ListEndpoints.class, EndpointsCommand.Get.class, EndpointsCommand.Create.class,
                EndpointsCommand.Activate.class, EndpointsCommand.Suspend.class, EndpointsCommand.Resume.class,
                EndpointsCommand.Delete.class, EndpointsCommand.Link.class, EndpointsCommand.SwapSim.class, EndpointsCommand.Delink.class,
                EndpointsCommand.Events.class, EndpointsCommand.Addons.class, EndpointsCommand.SubscribeAddon.class,
                EndpointsCommand.Threshold.class},
        footerHeading = "%nExample:%n", footer = "  simfleet endpoints list --tag 12 --output csv")
class EndpointsCommand extends BaseCommand implements Runnable {
    @Override
    public void run() {
        spec.commandLine().usage(out());
    }

    static final List<Output.Column<EndpointSummary>> COLUMNS = List.of(
            col("id", EndpointSummary::id), col("name", EndpointSummary::name), col("status", EndpointSummary::status),
            col("iccid", EndpointSummary::iccid), col("imsi", EndpointSummary::imsi), col("msisdn", EndpointSummary::msisdn),
            col("imei", EndpointSummary::imei), col("imeiLockStatus", EndpointSummary::imeiLockStatus),
            col("tagIds", e -> e.tagIdList() == null ? "" : e.tagIdList().stream().map(Tag::tagId).collect(Collectors.joining("|"))));

    @Command(name = "list", description = "Lists the account's endpoints, every page of GetEndpoints, in endpoint id order.",
            footerHeading = "%nExamples:%n", footer = {"  simfleet endpoints list", "  simfleet endpoints list --untagged --output csv > untagged.csv"})
    static class ListEndpoints extends BaseCommand implements Callable<Integer> {
        static class Filter {
            @Option(names = "--tag", paramLabel = "TAG_ID", description = "Only endpoints with this tag.")
            String tag;
            @Option(names = "--untagged", description = "Only endpoints without a tag.")
            boolean untagged;
        }

        @ArgGroup(exclusive = true)
        Filter filter;

        @Option(names = "--limit", paramLabel = "N", description = "At most N endpoints.")
        Long limit;

        @Override
        public Integer call() {
            EndpointQuery q = filter == null ? EndpointQuery.all() : filter.untagged ? EndpointQuery.untagged() : EndpointQuery.tagged(filter.tag);
            Stream<EndpointSummary> rows = client().streamEndpoints(q);
            if (limit != null) rows = rows.limit(limit);
            Output.list(out(), format(), COLUMNS, rows);
            return ExitCodes.OK;
        }
    }

    @Command(name = "get", description = "Shows an endpoint's profile (GetEndPointProfile).",
            footerHeading = "%nExample:%n", footer = "  simfleet endpoints get 51368592 --output json")
    static class Get extends BaseCommand implements Callable<Integer> {
        @Parameters(paramLabel = "ENDPOINT_ID")
        String id;

        @Override
        public Integer call() {
            EndpointProfile p = client().getEndpointProfile(id);
            Map<String, String> fields = new LinkedHashMap<>();
            JsonNode basic = Json.MAPPER.valueToTree(p.basicInfo());
            basic.properties().forEach(e -> fields.put(e.getKey(), e.getValue().asString()));
            if (p.tagIdList() != null) fields.put("tagIds", p.tagIdList().stream().map(Tag::tagId).collect(Collectors.joining("|")));
            if (p.promotionalPlans() != null && p.promotionalPlans().plan() != null) {
                fields.put("addons", p.promotionalPlans().plan().stream().map(a -> a.planId() + "#" + a.uniqueId()).collect(Collectors.joining("|")));
            }
            if (!p.counter().isEmpty()) fields.put("counters", counters(p.counter()));
            Output.object(out(), format(), p, fields);
            return ExitCodes.OK;
        }
    }

    @Command(name = "create", description = "Creates an endpoint (CreateEndPoint); with --iccid the SIM is linked, with --activate activated too. APN group, plan and roaming profile default to the account's first APN group and base plan.",
            footerHeading = "%nExamples:%n", footer = {"  simfleet endpoints create --name \"Meter 1\"",
                    "  simfleet endpoints create --name \"Meter 2\" --iccid 8932042000000015191 --activate --plan DEFAULTPOST41078552"})
    static class Create extends BaseCommand implements Callable<Integer> {
        @Option(names = "--name", required = true, description = "1-64 printable characters.")
        String name;
        @Option(names = "--iccid", description = "A Ready To Activate SIM to link.")
        String iccid;
        @Option(names = "--activate", description = "Activate at once (needs --iccid).")
        boolean activate;
        @Option(names = "--plan", paramLabel = "PLAN_ID", description = "Base plan (default: the account's first of its subscriber type).")
        String plan;
        @Option(names = "--apn-group", paramLabel = "APN_GROUP_ID", description = "APN group (default: the account's first).")
        String apnGroup;
        @Option(names = "--roaming-profile", paramLabel = "ID", split = ",", description = "Roaming profile ids, comma-separated (default: the plan's).")
        List<String> roaming;
        @Option(names = "--tag", paramLabel = "TAG_ID", split = ",", description = "Tag ids, comma-separated (at most 10).")
        List<String> tags;
        @Option(names = "--imei", description = "The device's IMEI.")
        String imei;
        @Option(names = "--imei-lock", description = "Lock the endpoint to --imei.")
        boolean imeiLock;

        @Override
        public Integer call() {
            CatalogDefaults d = CatalogDefaults.resolve(client(), apnGroup, plan, roaming, err());
            CreateEndpointRequest.Builder b = CreateEndpointRequest.builder().name(name).apnGroupId(d.apnGroupId()).planId(d.planId())
                    .roamingProfileIds(d.roamingProfileIds()).activate(activate);
            if (iccid != null) b.iccid(iccid);
            if (tags != null) b.tagIds(tags);
            if (imei != null) b.imei(imei);
            if (imeiLock) b.imeiLockStatus(LockStatus.LOCK);
            CreatedEndpoint ep = client().createEndpoint(b.build());
            printOutcome("Created endpoint " + ep.endPointId(), ep.outcome(), Map.of("endPointId", ep.endPointId()));
            return ExitCodes.OK;
        }
    }

    @Command(name = "activate", description = "Activates a Pre-Active endpoint that holds a SIM (EndPointActivation).",
            footerHeading = "%nExample:%n", footer = "  simfleet endpoints activate 51368593")
    static class Activate extends BaseCommand implements Callable<Integer> {
        @Parameters(paramLabel = "ENDPOINT_ID")
        String id;

        @Override
        public Integer call() {
            Outcome o = client().activateEndpoint(id);
            printOutcome("Activated endpoint " + id, o, Map.of("endPointId", id));
            return ExitCodes.OK;
        }
    }

    abstract static class LifecycleCommand extends BaseCommand implements Callable<Integer> {
        @Parameters(paramLabel = "ENDPOINT_ID")
        String id;
        @Option(names = "--reason", paramLabel = "1|2|3", description = "The reason code of the change.")
        String reason;

        abstract Lifecycle target();

        @Override
        public Integer call() {
            LifecycleChange c = client().changeLifecycle(EndpointRef.id(id), target(), reason);
            Map<String, String> f = new LinkedHashMap<>();
            f.put("endPointId", id);
            f.put("previousStatus", c.previousStatus());
            f.put("currentStatus", c.currentStatus());
            printOutcome("Endpoint " + id + ": " + c.previousStatus() + " -> " + c.currentStatus(), c.outcome(), f);
            return ExitCodes.OK;
        }
    }

    @Command(name = "suspend", description = "Suspends an active endpoint (EndPointLifeCycleChange S).",
            footerHeading = "%nExample:%n", footer = "  simfleet endpoints suspend 51368592 --reason 1")
    static class Suspend extends LifecycleCommand {
        @Override
        Lifecycle target() {
            return Lifecycle.SUSPEND;
        }
    }

    @Command(name = "resume", description = "Resumes a suspended endpoint (EndPointLifeCycleChange A).",
            footerHeading = "%nExample:%n", footer = "  simfleet endpoints resume 51368592")
    static class Resume extends LifecycleCommand {
        @Override
        Lifecycle target() {
            return Lifecycle.ACTIVE;
        }
    }

    @Command(name = "delete", description = "Deletes an endpoint without a SIM (DeleteEndPoint); de-link it first.",
            footerHeading = "%nExample:%n", footer = "  simfleet endpoints delink 51368592 && simfleet endpoints delete 51368592")
    static class Delete extends BaseCommand implements Callable<Integer> {
        @Parameters(paramLabel = "ENDPOINT_ID")
        String id;

        @Override
        public Integer call() {
            printOutcome("Deleted endpoint " + id, client().deleteEndpoint(id), Map.of("endPointId", id));
            return ExitCodes.OK;
        }
    }

    @Command(name = "link", description = "Links a Ready To Activate SIM to an endpoint (LinkSim).",
            footerHeading = "%nExample:%n", footer = "  simfleet endpoints link 51368593 8932042000000015192")
    static class Link extends BaseCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "ENDPOINT_ID")
        String id;
        @Parameters(index = "1", paramLabel = "ICCID")
        String iccid;

        @Override
        public Integer call() {
            printOutcome("Linked SIM " + iccid + " to endpoint " + id, client().linkSim(id, iccid), Map.of("endPointId", id, "iccid", iccid));
            return ExitCodes.OK;
        }
    }

    @Command(name = "swap-sim", description = "Replaces an endpoint's SIM by a Ready To Activate one (SwapSim, simfleet's addition): "
            + "the endpoint keeps its state, plan, add-ons and balances; the replaced SIM goes back to Ready To Activate.",
            footerHeading = "%nExample:%n", footer = "  simfleet endpoints swap-sim 51368592 8932042000000015192")
    static class SwapSim extends BaseCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "ENDPOINT_ID")
        String id;
        @Parameters(index = "1", paramLabel = "ICCID")
        String iccid;

        @Override
        public Integer call() {
            printOutcome("Swapped the SIM of endpoint " + id + " for " + iccid, client().swapSim(id, iccid), Map.of("endPointId", id, "iccid", iccid));
            return ExitCodes.OK;
        }
    }

    @Command(name = "delink", description = "De-links an endpoint's SIM (DeLinkSim): the endpoint goes on Hold, the SIM back to the inventory. While a data session is open the de-link is queued (7021) and done when it closes.",
            footerHeading = "%nExample:%n", footer = "  simfleet endpoints delink 51368592")
    static class Delink extends BaseCommand implements Callable<Integer> {
        @Parameters(paramLabel = "ENDPOINT_ID")
        String id;

        @Override
        public Integer call() {
            Outcome o = client().delinkSim(id);
            printOutcome((o.resultCode().value() == 7021 ? "De-link queued for endpoint " : "De-linked the SIM of endpoint ") + id, o,
                    Map.of("endPointId", id));
            return ExitCodes.OK;
        }
    }

    @Command(name = "events", description = "Shows an endpoint's history, oldest first (GetEndpointEvents).",
            footerHeading = "%nExamples:%n", footer = {"  simfleet endpoints events 51368592",
                    "  simfleet endpoints events 51368592 --after 1234 --output json   # only what came after event 1234"})
    static class Events extends BaseCommand implements Callable<Integer> {
        @Parameters(paramLabel = "ENDPOINT_ID")
        String id;
        @Option(names = "--after", paramLabel = "EVENT_ID", description = "Only the events after this one.")
        String after;
        @Option(names = "--limit", paramLabel = "N", description = "At most N events.")
        Long limit;

        @Override
        public Integer call() {
            Stream<EndpointEvent> rows = after == null ? client().streamEndpointEvents(id)
                    : client().getEndpointEventsAfter(id, after, limit == null ? 2000 : (int) Math.min(2000, limit)).stream();
            if (limit != null) rows = rows.limit(limit);
            Output.list(out(), format(), List.of(col("eventId", EndpointEvent::eventId), col("eventTimestamp", EndpointEvent::eventTimestamp),
                    col("call", EndpointEvent::call), col("fromStatus", EndpointEvent::fromStatus), col("toStatus", EndpointEvent::toStatus),
                    col("actor", EndpointEvent::actor), col("reason", EndpointEvent::reason), col("detail", EndpointEvent::detail)), rows);
            return ExitCodes.OK;
        }
    }

    private static final BigDecimal MB = BigDecimal.valueOf(1024L * 1024L);

    /** Free units for people: data in MB (the wire has bytes), SMS as a count: {@code DATA 4.000/5.000 MB}. */
    static String benefits(List<Benefit> benefits) {
        return benefits.stream().map(b -> {
            boolean bytes = "Mb".equalsIgnoreCase(b.unitType());
            return b.name() + " " + (bytes ? mb(b.balance()) + "/" + mb(b.actualBalance()) + " MB" : b.balance() + "/" + b.actualBalance());
        }).collect(Collectors.joining("; "));
    }

    /** Counters for people: {@code C_Daily_1_… Daily_DATA 0.000/3 MB NOTIFY}. */
    static String counters(List<EndpointCounter> counters) {
        return counters.stream().map(c -> c.counterId() + " " + c.counterName() + " " + c.usage() + "/" + c.thresholdValue() + " "
                + c.thresholdUnit() + " " + c.action()).collect(Collectors.joining("; "));
    }

    private static String mb(String bytes) {
        try {
            return new BigDecimal(bytes).divide(MB, 3, RoundingMode.HALF_UP).toPlainString();
        } catch (RuntimeException notANumber) {
            return bytes;
        }
    }

    @Command(name = "addons", description = "Shows the add-ons an endpoint holds, each with its free units and counters (GetEndpointAddonDetails). "
            + "table and csv: a row per add-on, data in MB; json: the add-ons as the server writes them (benefit balances in bytes). "
            + "The counter ids and uniqueIds are what 'endpoints threshold' takes. No matching add-on prints no rows.",
            footerHeading = "%nExamples:%n", footer = {"  simfleet endpoints addons 51368592",
                    "  simfleet endpoints addons 51368592 --addon 843543 --output json"})
    static class Addons extends BaseCommand implements Callable<Integer> {
        @Parameters(paramLabel = "ENDPOINT_ID")
        String id;
        @Option(names = "--addon", paramLabel = "PLAN_ID", description = "Only the subscriptions of this add-on plan.")
        String addon;
        @Option(names = "--unique-id", paramLabel = "UNIQUE_ID", description = "Only this subscription.")
        String uniqueId;

        @Override
        public Integer call() {
            List<AddonPlan> plans = client().getEndpointAddonDetails(id, addon, uniqueId).plans();
            if (plans.isEmpty()) err().println("endpoint " + id + " holds no " + (addon != null || uniqueId != null ? "such " : "") + "add-on");
            if (plans.isEmpty() && format() == Output.Format.table) return ExitCodes.OK;
            Output.list(out(), format(), List.of(col("planId", AddonPlan::planId), col("planName", AddonPlan::planName),
                    col("uniqueId", AddonPlan::uniqueId), col("planStartDate", AddonPlan::planStartDate),
                    col("planExpiryDate", AddonPlan::planExpiryDate), col("benefit", a -> benefits(a.benefit())),
                    col("counter", a -> counters(a.counter()))), plans.stream());
            return ExitCodes.OK;
        }
    }

    @Command(name = "subscribe-addon", description = "Subscribes an endpoint to one of the account's add-on plans (SubscribeAddon); "
            + "--benefit sets the free units of its first validity period (DATA and NBIOT in MB, SMS a count; at most what the plan gives, "
            + "not below a counter's threshold). Prints the new subscription's uniqueId. Sent with an Idempotency-Key (a new one, or "
            + "--idempotency-key), so a lost answer is retried without subscribing twice; give the same key to run the command again safely.",
            footerHeading = "%nExamples:%n", footer = {"  simfleet endpoints subscribe-addon 51368592 843543",
                    "  simfleet endpoints subscribe-addon 51368592 843543 --benefit DATA=100 --benefit SMS=10"})
    static class SubscribeAddon extends BaseCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "ENDPOINT_ID")
        String id;
        @Parameters(index = "1", paramLabel = "PLAN_ID", description = "An add-on plan of the account (simfleet catalog plans --category ADDON).")
        String plan;
        @Option(names = "--benefit", paramLabel = "TYPE=N", description = "DATA=MB, NBIOT=MB or SMS=COUNT (repeatable).")
        Map<String, Long> benefits;
        @Option(names = "--idempotency-key", paramLabel = "KEY", description = "The request's Idempotency-Key (default: a new one).")
        String key;

        @Override
        public Integer call() {
            List<BenefitAdjustment> adjust = new ArrayList<>();
            if (benefits != null) benefits.forEach((type, n) -> adjust.add(new BenefitAdjustment(type, n)));
            AddonSubscription s = client().subscribeAddon(id, plan, adjust,
                    key == null ? CallOptions.newIdempotencyKey() : CallOptions.idempotencyKey(key));
            Outcome o = s.outcome();
            switch (format()) {
                case json: {
                    ObjectNode n = Json.MAPPER.valueToTree(s);
                    n.remove("outcome");
                    n.put("resultCode", o.resultCode().toString());
                    n.put("resultDescription", o.resultDescription());
                    n.put("responseId", o.responseId());
                    Output.object(out(), format(), n, Map.of());
                    break;
                }
                case csv: {
                    Map<String, String> f = new LinkedHashMap<>();
                    f.put("endPointId", id);
                    f.put("planId", plan);
                    f.put("uniqueId", s.uniqueId());
                    printOutcome("", o, f);
                    break;
                }
                default:
                    printOutcome("Subscribed endpoint " + id + " to add-on " + plan + ", uniqueId " + s.uniqueId()
                            + (o.replayed() ? " (answer replayed)" : ""), o, Map.of());
                    if (!s.benefitInfo().benefit().isEmpty()) out().println("  benefit: " + benefits(s.benefitInfo().benefit()));
                    if (!s.counter().isEmpty()) out().println("  counter: " + counters(s.counter()));
                    out().flush();
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "threshold", description = "Sets an endpoint's own threshold, in MB, of a data counter (UpdateThreshold): of the add-on "
            + "subscription --unique-id, or of the base plan with --unique-id 0 (the default). Counter ids and uniqueIds: "
            + "'endpoints addons' or 'endpoints get'. The new threshold applies from the next usage record on.",
            footerHeading = "%nExamples:%n", footer = {"  simfleet endpoints threshold 51368592 --counter C_Daily_1_CE_USAGE_VOLUME_4_5_108 --unique-id 23770 --mb 3",
                    "  simfleet endpoints threshold 51368592 --counter C_Monthly_1_CE_USAGE_VOLUME_4_5_7 --mb 500"})
    static class Threshold extends BaseCommand implements Callable<Integer> {
        @Parameters(paramLabel = "ENDPOINT_ID")
        String id;
        @Option(names = "--counter", required = true, paramLabel = "COUNTER_ID", description = "The counter's id.")
        String counter;
        @Option(names = "--unique-id", paramLabel = "UNIQUE_ID", defaultValue = "0",
                description = "The add-on subscription; 0 for the base plan's counter (default).")
        String uniqueId;
        @Option(names = "--mb", required = true, paramLabel = "N", description = "The threshold: whole MB, 1 to 104857600.")
        long mb;
        @Option(names = "--plan", paramLabel = "PLAN_ID", description = "The counter's plan (optional; checked by the server).")
        String plan;

        @Override
        public Integer call() {
            Outcome o = client().updateThreshold(id, ThresholdUpdate.of(counter, uniqueId, mb).withPlanId(plan), CallOptions.newIdempotencyKey());
            Map<String, String> f = new LinkedHashMap<>();
            f.put("endPointId", id);
            f.put("counterId", counter);
            f.put("uniqueId", uniqueId);
            f.put("threshold", Long.toString(mb));
            printOutcome("Threshold of counter " + counter + " of endpoint " + id + " set to " + mb + " MB", o, f);
            return ExitCodes.OK;
        }
    }
}
