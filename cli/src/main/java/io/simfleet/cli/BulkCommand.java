package io.simfleet.cli;

import static io.simfleet.cli.Output.col;

import io.simfleet.client.SimfleetClient;
import io.simfleet.client.model.BulkModifyRequest;
import io.simfleet.client.model.BulkModifyRequest.ResourceType;
import io.simfleet.client.model.BulkProvisioningRequest;
import io.simfleet.client.model.BulkSubmission;
import io.simfleet.client.model.EndpointQuery;
import io.simfleet.client.model.EndpointSummary;
import io.simfleet.client.model.JobItem;
import io.simfleet.client.model.JobState;
import io.simfleet.client.model.JobStatus;
import io.simfleet.client.model.LockStatus;
import io.simfleet.client.model.ModifyEndpointRequest;
import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "bulk", description = "Bulk jobs: provision endpoints for many SIMs, modify many endpoints, follow a job.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {BulkCommand.Provision.class, BulkCommand.Modify.class, BulkCommand.Status.class},
        footerHeading = "%nExample:%n", footer = "  simfleet bulk provision --range 8932042000100000000-8932042000100000999 --name travel")
class BulkCommand extends BaseCommand implements Runnable {
    private static final Pattern DIGITS = Pattern.compile("\\d{18,22}");

    @Override
    public void run() {
        spec.commandLine().usage(out());
    }

    static final List<Output.Column<JobStatus>> SUMMARY = List.of(col("jobId", JobStatus::jobId), col("jobType", JobStatus::jobType),
            col("status", JobStatus::status), col("totalCount", s -> Long.toString(s.totalCount())),
            col("successCount", s -> Long.toString(s.successCount())), col("failureCount", s -> Long.toString(s.failureCount())),
            col("reason", JobStatus::reason));

    /** Options every bulk command shares. */
    abstract static class JobCommand extends BaseCommand {
        @Option(names = "--results", paramLabel = "FILE", description = "Write each item's result to FILE (CSV).")
        Path results;
        @Option(names = "--no-wait", description = "Submit and print the job ids; do not wait.")
        boolean noWait;
        @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
                description = "auto (a bar on a terminal, else a line per change), bar, lines or none.")
        JobWatch.Progress progress;

        /** Waits for the jobs (Ctrl-C leaves them running), prints the summary, answers the exit code. */
        int follow(List<BulkSubmission> jobs, long total, String task, ResultsWriter writer) throws Exception {
            List<String> ids = jobs.stream().map(BulkSubmission::jobId).toList();
            if (noWait) {
                Output.list(out(), format(), List.of(col("jobId", (String id) -> id)), ids.stream());
                for (String id : ids) err().println("follow with: simfleet bulk status " + id + " --wait" + session().profileArg());
                return ExitCodes.OK;
            }
            long started = System.nanoTime();
            Map<String, JobStatus> done;
            try (JobWatch watch = new JobWatch(env, client(), session().profileArg(), progress, total, task, ids)) {
                done = watch.await(ids);
            }
            Output.list(out(), format(), SUMMARY, done.values().stream());
            long ok = done.values().stream().mapToLong(JobStatus::successCount).sum();
            long failed = done.values().stream().mapToLong(s -> s.state() == JobState.FAIL && s.successCount() == 0 && s.failureCount() == 0
                    ? s.totalCount() : s.failureCount()).sum();
            err().println(ok + " done, " + failed + " failed, in " + seconds(System.nanoTime() - started) + " s");
            if (results != null) {
                writer.write(results, done);
                err().println("results: " + results);
            }
            boolean allGood = done.values().stream().allMatch(s -> s.state() == JobState.SUCCESS);
            return allGood ? ExitCodes.OK : ExitCodes.JOB_FAILED;
        }
    }

    interface ResultsWriter {
        void write(Path file, Map<String, JobStatus> jobs) throws IOException;
    }

    static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", Duration.ofNanos(nanos).toMillis() / 1000.0);
    }

    @Command(name = "provision", description = "Creates an endpoint for each SIM of an ICCID range or a CSV file (bulkProvisioning), named <name>_<first-id + i>, and waits for the job(s) with a progress bar. More than 4000 SIMs are sent as several jobs. Endpoints stay Pre-Active unless --activate. APN group, plan and roaming profile default to the account's first APN group and base plan. Ctrl-C stops waiting; the jobs go on.",
            footerHeading = "%nExamples:%n",
            footer = {"  simfleet bulk provision --range 8932042000100000000-8932042000100000999 --name travel --first-id 1",
                    "  simfleet bulk provision --csv iccids.csv --name fleet --results results.csv   # iccids.csv: a column 'iccid'"})
    static class Provision extends JobCommand implements Callable<Integer> {
        @Option(names = "--range", paramLabel = "FIRST-LAST", description = "Consecutive ICCIDs, e.g. from simfleet sims ranges.")
        String range;
        @Option(names = "--start", paramLabel = "ICCID", description = "The first ICCID (with --quantity).")
        String start;
        @Option(names = "--quantity", paramLabel = "N", description = "How many consecutive ICCIDs from --start.")
        Integer quantity;
        @Option(names = "--csv", paramLabel = "FILE", description = "ICCIDs one per line, or a CSV file with a column named iccid.")
        Path csv;
        @Option(names = "--name", defaultValue = "endpoint", description = "Name prefix (default: ${DEFAULT-VALUE}).")
        String name;
        @Option(names = "--first-id", defaultValue = "1", paramLabel = "N", description = "Number of the first name (default: ${DEFAULT-VALUE}).")
        long firstId;
        @Option(names = "--activate", description = "Activate the endpoints (default: leave them Pre-Active, SIM linked).")
        boolean activate;
        @Option(names = "--plan", paramLabel = "PLAN_ID", description = "Base plan (default: the account's first of its subscriber type).")
        String plan;
        @Option(names = "--apn-group", paramLabel = "APN_GROUP_ID", description = "APN group (default: the account's first).")
        String apnGroup;
        @Option(names = "--roaming-profile", paramLabel = "ID", split = ",", description = "Roaming profile ids (default: the plan's).")
        List<String> roaming;
        @Option(names = "--tag", paramLabel = "TAG_ID", split = ",", description = "Tag every endpoint (comma-separated ids).")
        List<String> tags;

        @Override
        public Integer call() throws Exception {
            List<String> iccids = iccids();
            SimfleetClient c = client();
            CatalogDefaults d = CatalogDefaults.resolve(c, apnGroup, plan, roaming, err());
            List<BulkSubmission> jobs = new ArrayList<>();
            Map<String, List<String>> iccidsOfJob = new LinkedHashMap<>();
            for (int from = 0; from < iccids.size(); from += BulkProvisioningRequest.MAX_ICCIDS) {
                List<String> chunk = iccids.subList(from, Math.min(iccids.size(), from + BulkProvisioningRequest.MAX_ICCIDS));
                BulkProvisioningRequest.Builder b = BulkProvisioningRequest.builder().endPointName(name, firstId + from)
                        .apnGroupId(d.apnGroupId()).planId(d.planId()).roamingProfileIds(d.roamingProfileIds()).activate(activate);
                if (range != null || start != null) b.range(chunk.get(0), chunk.size());
                else b.iccidList(chunk);
                if (tags != null) b.tagIds(tags);
                BulkSubmission s = c.bulkProvisioning(b.build());
                err().println("submitted job " + s.jobId() + ": " + chunk.size() + " SIMs, " + chunk.get(0) + (chunk.size() > 1 ? " … " + chunk.get(chunk.size() - 1) : ""));
                jobs.add(s);
                iccidsOfJob.put(s.jobId(), chunk);
            }
            return follow(jobs, iccids.size(), "provision", (file, done) -> writeResults(c, file, done, iccidsOfJob));
        }

        private List<String> iccids() throws IOException {
            int given = (range != null ? 1 : 0) + (csv != null ? 1 : 0) + (start != null ? 1 : 0);
            if (given != 1) throw new CliException(ExitCodes.USAGE, "give exactly one of --range FIRST-LAST, --start ICCID --quantity N, --csv FILE");
            if (csv != null) return BulkCommand.readColumn(csv, "iccid", true);
            String first;
            long n;
            if (range != null) {
                String[] parts = range.split("-");
                if (parts.length != 2 || !DIGITS.matcher(parts[0].trim()).matches() || !DIGITS.matcher(parts[1].trim()).matches()) {
                    throw new CliException(ExitCodes.USAGE, "--range must be FIRST-LAST, two ICCIDs: " + range);
                }
                first = parts[0].trim();
                BigInteger count = new BigInteger(parts[1].trim()).subtract(new BigInteger(first)).add(BigInteger.ONE);
                if (count.signum() <= 0 || count.compareTo(BigInteger.valueOf(1_000_000)) > 0) {
                    throw new CliException(ExitCodes.USAGE, "--range must go up, by at most 1000000 SIMs: " + range);
                }
                n = count.longValue();
            } else {
                if (quantity == null || quantity < 1) throw new CliException(ExitCodes.USAGE, "--start needs --quantity N (N >= 1)");
                if (!DIGITS.matcher(start).matches()) throw new CliException(ExitCodes.USAGE, "--start must be an ICCID: " + start);
                first = start;
                n = quantity;
            }
            List<String> out = new ArrayList<>();
            BigInteger i = new BigInteger(first);
            for (long k = 0; k < n; k++, i = i.add(BigInteger.ONE)) out.add(i.toString());
            return out;
        }

        private void writeResults(SimfleetClient c, Path file, Map<String, JobStatus> done, Map<String, List<String>> iccidsOfJob) throws IOException {
            Map<String, String> jobOf = new HashMap<>();
            iccidsOfJob.forEach((job, list) -> list.forEach(i -> jobOf.put(i, job)));
            Map<String, EndpointSummary> byIccid = new HashMap<>();
            c.streamEndpoints(EndpointQuery.all()).filter(e -> e.iccid() != null && jobOf.containsKey(e.iccid()))
                    .forEach(e -> byIccid.put(e.iccid(), e));
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                w.write(Output.csvLine(List.of("iccid", "endPointId", "endPointName", "status", "jobId", "jobStatus", "reason")));
                w.newLine();
                for (Map.Entry<String, List<String>> job : iccidsOfJob.entrySet()) {
                    JobStatus s = done.get(job.getKey());
                    for (String iccid : job.getValue()) {
                        EndpointSummary e = s.state() == JobState.SUCCESS ? byIccid.get(iccid) : null;
                        w.write(Output.csvLine(java.util.Arrays.asList(iccid, e == null ? "" : e.id(), e == null ? "" : e.name(),
                                e == null ? "" : e.status(), s.jobId(), s.status(), s.reason() == null ? "" : s.reason())));
                        w.newLine();
                    }
                }
            }
        }
    }

    @Command(name = "modify", description = "Applies one Modify to many endpoints (endpointbulk), named by endpoint id, IMSI, MSISDN or ICCID, and waits for the job(s); each endpoint gets its own result (--results). Fields: the options below, or any Modify field with --set FIELD=VALUE (e.g. --set bar_DATA=true).",
            footerHeading = "%nExamples:%n",
            footer = {"  simfleet bulk modify --values 51368592,51368593 --add-tag 12",
                    "  simfleet bulk modify --type iccid --file iccids.csv --plan DEFAULTPOST41078552 --results out.csv"})
    static class Modify extends JobCommand implements Callable<Integer> {
        @Option(names = "--type", paramLabel = "TYPE", defaultValue = "endpointId",
                description = "What the values are: endpointId (default), imsi, msisdn or iccid.")
        String type;
        @Option(names = "--values", paramLabel = "V1,V2", split = ",", description = "The endpoints, comma-separated.")
        List<String> values;
        @Option(names = "--file", paramLabel = "FILE", description = "Values one per line, or a CSV file with a column named like --type.")
        Path file;
        @Option(names = "--plan", paramLabel = "PLAN_ID", description = "Change the base plan.")
        String plan;
        @Option(names = "--apn-group", paramLabel = "APN_GROUP_ID", description = "Change the APN group.")
        String apnGroup;
        @Option(names = "--add-tag", paramLabel = "TAG_ID", split = ",", description = "Add tags (comma-separated ids).")
        List<String> addTags;
        @Option(names = "--remove-tag", paramLabel = "TAG_ID", split = ",", description = "Remove tags.")
        List<String> removeTags;
        @Option(names = "--imei-lock", paramLabel = "LOCK|UNLOCK", description = "Lock to or unlock from the IMEI.")
        LockStatus imeiLock;
        @Option(names = "--bar", paramLabel = "SERVICE", description = "Bar a service: 2G, 2G/3G, 4G, 5G, SMS_MT, SMS_MO, DATA, NB_IOT, All_Services.")
        List<String> bar;
        @Option(names = "--unbar", paramLabel = "SERVICE", description = "Lift the bar of a service.")
        List<String> unbar;
        @Option(names = "--set", paramLabel = "FIELD=VALUE", description = "Any other field of Modify's requestParam.")
        Map<String, String> set;

        @Override
        public Integer call() throws Exception {
            ResourceType kind;
            try {
                kind = ResourceType.of(type);
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCodes.USAGE, e.getMessage());
            }
            if ((values == null) == (file == null)) throw new CliException(ExitCodes.USAGE, "give --values V1,V2,… or --file FILE");
            List<String> all = values != null ? values.stream().map(String::trim).filter(v -> !v.isEmpty()).toList()
                    : BulkCommand.readColumn(file, kind.wire(), false);
            if (all.isEmpty()) throw new CliException(ExitCodes.USAGE, "no values");
            ModifyEndpointRequest.Builder m = ModifyEndpointRequest.builder();
            if (plan != null) m.planId(plan);
            if (apnGroup != null) m.apnGroupId(apnGroup);
            if (addTags != null) m.addtagIds(addTags);
            if (removeTags != null) m.removetagIds(removeTags);
            if (imeiLock != null) m.imeiLockStatus(imeiLock);
            if (bar != null) bar.forEach(s -> m.bar(s, true));
            if (unbar != null) unbar.forEach(s -> m.bar(s, false));
            if (set != null) set.forEach(m::field);
            ModifyEndpointRequest modify = m.build();
            if (modify.isEmpty()) throw new CliException(ExitCodes.USAGE, "nothing to modify: give a field (--plan, --add-tag, --set FIELD=VALUE …)");
            SimfleetClient c = client();
            List<BulkSubmission> jobs = new ArrayList<>();
            for (int from = 0; from < all.size(); from += BulkModifyRequest.MAX_VALUES) {
                List<String> chunk = all.subList(from, Math.min(all.size(), from + BulkModifyRequest.MAX_VALUES));
                BulkSubmission s = c.bulkModify(new BulkModifyRequest(kind, chunk, modify));
                err().println("submitted job " + s.jobId() + ": " + chunk.size() + " endpoints");
                jobs.add(s);
            }
            return follow(jobs, all.size(), "modify", BulkCommand::writeItems);
        }
    }

    @Command(name = "status", description = "Shows a bulk job (getJobStatus); --wait follows it to its end. --output json lists each item.",
            footerHeading = "%nExample:%n", footer = "  simfleet bulk status 123 --wait --results items.csv")
    static class Status extends BaseCommand implements Callable<Integer> {
        @Parameters(paramLabel = "JOB_ID")
        String jobId;
        @Option(names = "--wait", description = "Wait until the job has ended.")
        boolean await;
        @Option(names = "--results", paramLabel = "FILE", description = "Write each item's result to FILE (CSV; bulk modify).")
        Path results;
        @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto", description = "auto, bar, lines or none.")
        JobWatch.Progress progress;

        @Override
        public Integer call() throws Exception {
            JobStatus s = client().getJobStatus(jobId);
            if (await && !s.finished()) {
                try (JobWatch watch = new JobWatch(env, client(), session().profileArg(), progress, s.totalCount(), "job " + jobId, List.of(jobId))) {
                    s = watch.await(List.of(jobId)).get(jobId);
                }
            }
            if (format() == Output.Format.json) {
                Output.object(out(), format(), s, Map.of());
            } else {
                Output.list(out(), format(), SUMMARY, java.util.stream.Stream.of(s));
            }
            if (results != null) {
                writeItems(results, Map.of(jobId, s));
                err().println("results: " + results);
            }
            return s.state() == JobState.PARTIAL || s.state() == JobState.FAIL ? ExitCodes.JOB_FAILED : ExitCodes.OK;
        }
    }

    static void writeItems(Path file, Map<String, JobStatus> jobs) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(Output.csvLine(List.of("value", "resultCode", "resultDescription", "jobId")));
            w.newLine();
            for (JobStatus s : jobs.values()) {
                if (s.items() == null) continue;
                for (JobItem i : s.items()) {
                    w.write(Output.csvLine(java.util.Arrays.asList(i.value(), i.resultCode() == null ? "" : i.resultCode(),
                            i.resultDescription() == null ? "" : i.resultDescription(), s.jobId())));
                    w.newLine();
                }
            }
        }
    }

    /**
     * The values of a file: one per line, or the column named {@code column} (any letter case) of a
     * CSV file with a header. Blank lines are skipped; a value given twice is refused, as the
     * server would refuse the whole job.
     */
    static List<String> readColumn(Path file, String column, boolean iccids) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliException(ExitCodes.USAGE, "cannot read " + file + ": " + e.getMessage());
        }
        List<String> out = new ArrayList<>();
        int index = 0;
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) first++;
        if (first < lines.size()) {
            List<String> head = Output.parseCsvLine(lines.get(first).replace("\uFEFF", ""));
            boolean header = head.stream().anyMatch(h -> !h.isEmpty() && !h.chars().allMatch(Character::isDigit));
            if (header) {
                index = -1;
                for (int i = 0; i < head.size(); i++) if (head.get(i).equalsIgnoreCase(column)) index = i;
                if (index < 0) {
                    if (head.size() == 1) index = 0;
                    else throw new CliException(ExitCodes.USAGE, file + ": no column named " + column + " in the header " + head);
                }
                first++;
            }
        }
        Set<String> seen = new HashSet<>();
        for (int n = first; n < lines.size(); n++) {
            if (lines.get(n).isBlank()) continue;
            List<String> cells = Output.parseCsvLine(lines.get(n));
            String v = index < cells.size() ? cells.get(index).trim() : "";
            if (v.isEmpty()) throw new CliException(ExitCodes.USAGE, file + " line " + (n + 1) + ": no " + column);
            if (iccids && !DIGITS.matcher(v).matches()) throw new CliException(ExitCodes.USAGE, file + " line " + (n + 1) + ": not an ICCID: " + v);
            if (!seen.add(v)) throw new CliException(ExitCodes.USAGE, file + " line " + (n + 1) + ": " + v + " given twice");
            out.add(v);
        }
        if (out.isEmpty()) throw new CliException(ExitCodes.USAGE, file + ": no " + column + " values");
        return out;
    }
}
