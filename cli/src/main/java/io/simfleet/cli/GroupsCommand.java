package io.simfleet.cli;

import static io.simfleet.cli.Output.col;

import io.simfleet.client.model.ClaimSimRequest;
import io.simfleet.client.model.ClaimedSim;
import io.simfleet.client.model.EndpointGroup;
import io.simfleet.client.model.EndpointRef;
import io.simfleet.client.model.GroupMembership;
import io.simfleet.client.model.VSlice;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The private network (simfleet's additions, docs/network.md): VSlices, endpoint groups, static addresses, claiming a SIM. */
@Command(name = "groups", description = "The private network: VSlices, endpoint groups and their static addresses, claiming a SIM by its printed code.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {GroupsCommand.Slices.class, GroupsCommand.ListGroups.class, GroupsCommand.Create.class, GroupsCommand.Rename.class,
                GroupsCommand.Delete.class, GroupsCommand.Assign.class, GroupsCommand.Unassign.class, GroupsCommand.Claim.class},
        footerHeading = "%nExamples:%n", footer = {"  simfleet groups create 7100001 'Water tanks'",
                "  simfleet groups assign 51368592 7200001 --ip 10.20.0.17"})
class GroupsCommand extends BaseCommand implements Runnable {
    @Override
    public void run() {
        spec.commandLine().usage(out());
    }

    @Command(name = "slices", description = "The account's VSlices with their addresses used and free (GetVSlices).",
            footerHeading = "%nExample:%n", footer = "  simfleet groups slices --output csv")
    static class Slices extends BaseCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            Output.list(out(), format(), List.of(col("vSliceId", VSlice::vSliceId), col("vSliceName", VSlice::vSliceName),
                    col("subnet", VSlice::subnet), col("usedAddresses", v -> Long.toString(v.usedAddresses())),
                    col("freeAddresses", v -> Long.toString(v.freeAddresses())),
                    col("endpointGroupCount", v -> Long.toString(v.endpointGroupCount()))), client().getVSlices().stream());
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", description = "The account's endpoint groups (GetEndpointGroups).",
            footerHeading = "%nExample:%n", footer = "  simfleet groups list --slice 7100001")
    static class ListGroups extends BaseCommand implements Callable<Integer> {
        @Option(names = "--slice", paramLabel = "VSLICE_ID", description = "Only the groups of this VSlice.")
        String slice;

        @Override
        public Integer call() {
            Output.list(out(), format(), List.of(col("endpointGroupId", EndpointGroup::endpointGroupId),
                    col("endpointGroupName", EndpointGroup::endpointGroupName), col("vSliceId", EndpointGroup::vSliceId),
                    col("subnet", EndpointGroup::subnet), col("endpointCount", g -> Long.toString(g.endpointCount()))),
                    client().getEndpointGroups(slice).stream());
            return ExitCodes.OK;
        }
    }

    @Command(name = "create", description = "Creates an endpoint group in a VSlice (CreateEndpointGroup).",
            footerHeading = "%nExample:%n", footer = "  simfleet groups create 7100001 'Water tanks'")
    static class Create extends BaseCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "VSLICE_ID")
        String slice;
        @Parameters(index = "1", paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            String id = client().createEndpointGroup(slice, name);
            Output.object(out(), format(), Map.of("endpointGroupId", id), Map.of("endpointGroupId", id));
            return ExitCodes.OK;
        }
    }

    @Command(name = "rename", description = "Renames an endpoint group (RenameEndpointGroup).",
            footerHeading = "%nExample:%n", footer = "  simfleet groups rename 7200001 'Noise monitors'")
    static class Rename extends BaseCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "GROUP_ID")
        String id;
        @Parameters(index = "1", paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            printOutcome("Renamed endpoint group " + id, client().renameEndpointGroup(id, name), Map.of("endpointGroupId", id));
            return ExitCodes.OK;
        }
    }

    @Command(name = "delete", description = "Deletes an empty endpoint group (DeleteEndpointGroup).",
            footerHeading = "%nExample:%n", footer = "  simfleet groups delete 7200001")
    static class Delete extends BaseCommand implements Callable<Integer> {
        @Parameters(paramLabel = "GROUP_ID")
        String id;

        @Override
        public Integer call() {
            printOutcome("Deleted endpoint group " + id, client().deleteEndpointGroup(id), Map.of("endpointGroupId", id));
            return ExitCodes.OK;
        }
    }

    @Command(name = "assign", description = "Puts an endpoint into an endpoint group, with a static address of its VSlice (AssignEndpointGroup).",
            footerHeading = "%nExample:%n", footer = "  simfleet groups assign 51368592 7200001 --ip 10.20.0.17")
    static class Assign extends BaseCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "ENDPOINT_ID")
        String endpoint;
        @Parameters(index = "1", paramLabel = "GROUP_ID")
        String group;
        @Option(names = "--ip", paramLabel = "ADDRESS", description = "The address to give it (default: the next free one).")
        String ip;

        @Override
        public Integer call() {
            printMembershipOf(this, client().assignEndpointGroup(EndpointRef.id(endpoint), group, ip));
            return ExitCodes.OK;
        }
    }

    @Command(name = "unassign", description = "Takes an endpoint out of its endpoint group; its address is released (UnassignEndpointGroup).",
            footerHeading = "%nExample:%n", footer = "  simfleet groups unassign 51368592")
    static class Unassign extends BaseCommand implements Callable<Integer> {
        @Parameters(paramLabel = "ENDPOINT_ID")
        String endpoint;

        @Override
        public Integer call() {
            printOutcome("Endpoint " + endpoint + " left its group", client().unassignEndpointGroup(EndpointRef.id(endpoint)),
                    Map.of("endPointId", endpoint));
            return ExitCodes.OK;
        }
    }

    @Command(name = "claim", description = "Creates and activates an endpoint for a SIM, given its ICCID and printed activation code (ClaimSim).",
            footerHeading = "%nExample:%n", footer = "  simfleet groups claim 8932042000000019190 7KQ4M9XD --group 7200001")
    static class Claim extends BaseCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "ICCID")
        String iccid;
        @Parameters(index = "1", paramLabel = "CODE")
        String code;
        @Option(names = "--group", paramLabel = "GROUP_ID", description = "Put the endpoint into this endpoint group.")
        String group;
        @Option(names = "--ip", paramLabel = "ADDRESS", description = "Its address in the group's VSlice (with --group).")
        String ip;

        @Override
        public Integer call() {
            ClaimSimRequest r = ClaimSimRequest.of(iccid, code);
            if (group != null) r = r.inGroup(group, ip);
            ClaimedSim c = client().claimSim(r);
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("endPointId", c.endPointId());
            if (c.membership() != null) {
                fields.put("endpointGroupId", c.membership().endpointGroupId());
                fields.put("staticIP", c.membership().staticIP());
            }
            printOutcome("Claimed SIM " + iccid + " as endpoint " + c.endPointId()
                    + (c.membership() == null ? "" : " at " + c.membership().staticIP()), c.outcome(), fields);
            return ExitCodes.OK;
        }
    }

    private static void printMembershipOf(BaseCommand cmd, GroupMembership m) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("endPointId", m.endPointId());
        f.put("endpointGroupId", m.endpointGroupId());
        f.put("endpointGroupName", m.endpointGroupName());
        f.put("vSliceId", m.vSliceId());
        f.put("staticIP", m.staticIP());
        Output.object(cmd.out(), cmd.format(), m, f);
    }
}
