package io.simfleet.cli;

import io.simfleet.client.SimfleetClient;
import io.simfleet.client.model.JobStatus;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Follows bulk jobs until they end, showing their progress, and makes Ctrl-C harmless: the wait
 * stops, the jobs go on on the server, and a shutdown hook says how to follow them
 * ({@code simfleet bulk status <id> --wait}).
 */
final class JobWatch implements AutoCloseable {
    /** auto: a bar on a terminal, else a line per change; bar; lines; none. */
    enum Progress { auto, bar, lines, none }

    private final Env env;
    private final SimfleetClient client;
    private final String profileArg;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final Thread hook;
    private final ProgressBar bar;
    private final Progress mode;
    private String lastLine;

    JobWatch(Env env, SimfleetClient client, String profileArg, Progress progress, long total, String task, List<String> jobIds) {
        this.env = env;
        this.client = client;
        this.profileArg = profileArg;
        this.mode = progress == Progress.auto ? (env.interactive() ? Progress.bar : Progress.lines) : progress;
        this.pending.addAll(jobIds);
        this.bar = mode == Progress.bar ? new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setStyle(env.interactive() ? ProgressBarStyle.COLORFUL_UNICODE_BLOCK : ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250).showSpeed()
                .setConsumer(env.interactive() ? new ConsoleProgressBarConsumer(env.err()) : new ConsoleProgressBarConsumer(env.err(), 100))
                .build() : null;
        this.hook = new Thread(this::interrupted, "simfleet-ctrl-c");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Waits for every job in order, one bar over all of them. */
    Map<String, JobStatus> await(List<String> jobIds) throws InterruptedException {
        Map<String, JobStatus> result = new LinkedHashMap<>();
        long before = 0;
        for (String id : jobIds) {
            long offset = before;
            JobStatus s = client.awaitJob(id, st -> show(st, offset));
            pending.remove(id);
            result.put(id, s);
            before += s.totalCount();
        }
        return result;
    }

    private void show(JobStatus s, long offset) {
        if (bar != null) {
            bar.stepTo(offset + s.processedCount());
            bar.setExtraMessage(" job " + s.jobId() + " " + s.status());
        } else if (mode == Progress.lines) {
            String line = "job " + s.jobId() + ": " + s.status() + " " + s.processedCount() + "/" + s.totalCount();
            if (!line.equals(lastLine)) env.err().println(line);
            lastLine = line;
        }
    }

    private void interrupted() {
        if (pending.isEmpty()) return;
        if (bar != null) bar.close();
        PrintStream err = env.err();
        err.println();
        err.println("Interrupted: the server goes on with job " + String.join(", ", pending) + ".");
        for (String id : pending) err.println("Follow it with: simfleet bulk status " + id + " --wait" + profileArg);
        err.flush();
    }

    @Override
    public void close() {
        if (bar != null) bar.close();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs or ran
        }
    }
}
