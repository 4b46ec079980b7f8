package io.simfleet.cli;

import static io.simfleet.cli.Output.col;

import io.simfleet.client.model.IccidRange;
import io.simfleet.client.model.Sim;
import io.simfleet.client.model.SimQuery;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sims", description = "The account's SIM inventory.", synopsisSubcommandLabel = "COMMAND",
        subcommands = {SimsCommand.ListSims.class, SimsCommand.Ranges.class},
        footerHeading = "%nExample:%n", footer = "  simfleet sims list --status 5")
class SimsCommand extends BaseCommand implements Runnable {
    @Override
    public void run() {
        spec.commandLine().usage(out());
    }

    @Command(name = "list", description = "Lists the SIMs, every page of fetchSIM. --status: 5 Ready To Activate, 12 Pre-Active, 6 Active, 7 Suspended, 13 Active-Test, 14 Active-Inventory.",
            footerHeading = "%nExamples:%n", footer = {"  simfleet sims list --status 5 --output csv > ready.csv",
                    "  simfleet sims list --iccid 8932042000000015190"})
    static class ListSims extends BaseCommand implements Callable<Integer> {
        @Option(names = "--status", paramLabel = "SIM_STATUS_ID", description = "Only SIMs in this state.")
        String status;
        @Option(names = "--iccid", description = "Only this SIM.")
        String iccid;

        static class Attach {
            @Option(names = "--attached", description = "Only SIMs linked to an endpoint.")
            boolean attached;
            @Option(names = "--unattached", description = "Only SIMs not linked.")
            boolean unattached;
        }

        @ArgGroup(exclusive = true)
        Attach attach;

        @Option(names = "--limit", paramLabel = "N", description = "At most N SIMs.")
        Long limit;

        @Override
        public Integer call() {
            SimQuery q = SimQuery.all().withIccid(iccid).withStatus(status).withAttached(attach == null ? null : attach.attached);
            Stream<Sim> rows = client().streamSims(q);
            if (limit != null) rows = rows.limit(limit);
            Output.list(out(), format(), List.of(col("iccid", Sim::iccid), col("simStatus", Sim::simStatus),
                    col("simStatusId", Sim::simStatusId), col("msisdn", Sim::msisdn), col("masterIMSI", Sim::masterImsi),
                    col("endPointId", Sim::endPointId), col("endPointName", Sim::endPointName), col("simProduct", Sim::simProduct)), rows);
            return ExitCodes.OK;
        }
    }

    @Command(name = "ranges", description = "The Ready To Activate SIMs as contiguous ICCID ranges (fetchICCIDForProvisioning), for bulk provision --range.",
            footerHeading = "%nExample:%n", footer = "  simfleet sims ranges")
    static class Ranges extends BaseCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            Output.list(out(), format(), List.of(col("iccidRange", IccidRange::iccidRange), col("quantity", r -> Long.toString(r.quantity())),
                    col("simStatus", IccidRange::simStatus)), client().fetchIccidForProvisioning().stream());
            return ExitCodes.OK;
        }
    }
}
