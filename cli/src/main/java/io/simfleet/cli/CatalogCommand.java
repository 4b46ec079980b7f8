package io.simfleet.cli;

import static io.simfleet.cli.Output.col;

import io.simfleet.client.model.ApnGroup;
import io.simfleet.client.model.Plan;
import io.simfleet.client.model.RoamingProfile;
import io.simfleet.client.model.Tag;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "catalog", description = "What endpoints can be given: plans, APN groups, roaming profiles, tags.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {CatalogCommand.Plans.class, CatalogCommand.Apn.class, CatalogCommand.Roaming.class, CatalogCommand.Tags.class},
        footerHeading = "%nExample:%n", footer = "  simfleet catalog plans --category NORMAL")
class CatalogCommand extends BaseCommand implements Runnable {
    @Override
    public void run() {
        spec.commandLine().usage(out());
    }

    @Command(name = "plans", description = "The account's plans (GetPlans), or with --endpoint the plans an endpoint holds, add-ons with the uniqueId that removes them.",
            footerHeading = "%nExamples:%n", footer = {"  simfleet catalog plans --category NORMAL --type 1",
                    "  simfleet catalog plans --endpoint 51368592"})
    static class Plans extends BaseCommand implements Callable<Integer> {
        @Option(names = "--category", paramLabel = "CATEGORY", description = "NORMAL (or BASE), ADDON, TEST, INVENTORY.")
        String category;
        @Option(names = "--type", paramLabel = "0|1", description = "0 prepaid, 1 postpaid.")
        String type;
        @Option(names = "--endpoint", paramLabel = "ENDPOINT_ID", description = "The plans this endpoint holds.")
        String endpoint;

        @Override
        public Integer call() {
            String cat = category == null ? null : category.toUpperCase(Locale.ROOT).equals("BASE") ? "NORMAL" : category.toUpperCase(Locale.ROOT);
            Stream<Plan> rows = (endpoint == null ? client().getPlans() : client().getPlans(endpoint)).stream()
                    .filter(p -> cat == null || cat.equals(p.planCategory()))
                    .filter(p -> type == null || type.equals(p.planType()));
            Output.list(out(), format(), List.of(col("planId", Plan::planId), col("planName", Plan::planName),
                    col("planCategory", Plan::planCategory), col("planTypeName", Plan::planTypeName), col("validity", Plan::validity),
                    col("planAmount", Plan::planAmount), col("roamingProfileId", Plan::roamingProfileId), col("status", Plan::status),
                    col("uniqueId", Plan::uniqueId)), rows);
            return ExitCodes.OK;
        }
    }

    @Command(name = "apn", description = "The account's APN groups (fetchApnGroup).",
            footerHeading = "%nExample:%n", footer = "  simfleet catalog apn --output json")
    static class Apn extends BaseCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            Output.list(out(), format(), List.of(col("apnGroupId", ApnGroup::apnGroupId), col("apnGroupName", ApnGroup::apnGroupName),
                    col("defaultApn", ApnGroup::defaultApn), col("apnList", ApnGroup::apnList)), client().fetchApnGroup().stream());
            return ExitCodes.OK;
        }
    }

    @Command(name = "roaming", description = "The account's roaming profiles (GetRoamingProfiles); --output json lists their networks.",
            footerHeading = "%nExample:%n", footer = "  simfleet catalog roaming --id 358 --output json")
    static class Roaming extends BaseCommand implements Callable<Integer> {
        @Option(names = "--id", paramLabel = "ROAMING_PROFILE_ID", description = "Only this roaming profile.")
        String id;

        @Override
        public Integer call() {
            Output.list(out(), format(), List.of(col("roamingProfileId", RoamingProfile::roamingProfileId),
                    col("roamingProfileName", RoamingProfile::roamingProfileName),
                    col("networks", r -> r.tadigList() == null ? "0" : Integer.toString(r.tadigList().size()))),
                    client().getRoamingProfiles(id).stream());
            return ExitCodes.OK;
        }
    }

    @Command(name = "tags", description = "The account's tags (GetTags).",
            footerHeading = "%nExample:%n", footer = "  simfleet catalog tags --output csv")
    static class Tags extends BaseCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            Output.list(out(), format(), List.of(col("tagId", Tag::tagId), col("tagName", Tag::tagName),
                    col("tagDescription", Tag::tagDescription)), client().getTags().stream());
            return ExitCodes.OK;
        }
    }
}
