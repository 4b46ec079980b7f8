package io.simfleet.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sees every exchange of the test kit's HTTP client ({@link Api#send}) and checks it against the
 * OpenAPI descriptions the server serves ({@link OpenApiContract}): a request or an answer the
 * description does not allow fails the test that made it, naming the call and the field, and is
 * kept for {@code OpenApiConformanceTest}'s summary. On unless {@code -Dsimfleet.openapi.validate=false}.
 * {@code -Dsimfleet.openapi.record=FILE} also appends every exchange to FILE as a JSON line (to
 * see what the suite sends when writing the description).
 */
public final class ExchangeLog {
    private static final boolean VALIDATE = !"false".equalsIgnoreCase(System.getProperty("simfleet.openapi.validate"));
    private static final String RECORD = System.getProperty("simfleet.openapi.record");
    private static final AtomicLong CHECKED = new AtomicLong();
    private static final List<String> FAILURES = Collections.synchronizedList(new ArrayList<>());
    /** Operation id → how many of its exchanges were checked, and how many of them succeeded. */
    private static final Map<String, long[]> BY_OPERATION = new ConcurrentHashMap<>();

    private ExchangeLog() {}

    static void observe(Exchange e) {
        if (RECORD != null) record(e);
        if (!VALIDATE) return;
        OpenApiContract.Result result = OpenApiContract.shared().check(e);
        CHECKED.incrementAndGet();
        if (result.operationId() != null) {
            long[] n = BY_OPERATION.computeIfAbsent(result.operationId(), k -> new long[2]);
            synchronized (n) {
                n[0]++;
                if (result.succeeded()) n[1]++;
            }
        }
        if (!result.violations().isEmpty()) {
            String message = result.describe(e);
            FAILURES.add(message);
            throw new AssertionError(message);
        }
    }

    public static boolean validating() {
        return VALIDATE;
    }

    /** Exchanges checked so far in this JVM. */
    public static long checked() {
        return CHECKED.get();
    }

    public static List<String> failures() {
        synchronized (FAILURES) {
            return List.copyOf(FAILURES);
        }
    }

    /** Operation id → {exchanges checked, of which succeeded}. */
    public static Map<String, long[]> byOperation() {
        return Map.copyOf(BY_OPERATION);
    }

    private static synchronized void record(Exchange e) {
        try {
            Files.writeString(Path.of(RECORD), Api.JSON.writeValueAsString(e) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The test frame that sent a request: "CreateEndpointTest.lowBalance:42". */
    static String sender() {
        return StackWalker.getInstance().walk(frames -> frames
                .filter(f -> f.getClassName().startsWith("io.simfleet.") && !f.getClassName().startsWith("io.simfleet.testkit."))
                .findFirst()
                .map(f -> f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1) + "." + f.getMethodName() + ":" + f.getLineNumber())
                .orElse("?"));
    }
}
