package io.simfleet.testkit;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Remembers which test classes the running test plan holds (registered through
 * {@code META-INF/services}), so that a summary can tell a whole run from a run of a few classes.
 */
public class TestPlanClasses implements TestExecutionListener {
    private static final Set<String> CLASSES = ConcurrentHashMap.newKeySet();

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        plan.getRoots().forEach(root -> collect(plan, root));
    }

    private static void collect(TestPlan plan, TestIdentifier id) {
        id.getSource().ifPresent(source -> {
            if (source instanceof ClassSource c) CLASSES.add(c.getClassName());
        });
        plan.getChildren(id).forEach(child -> collect(plan, child));
    }

    public static Set<String> inPlan() {
        return Set.copyOf(CLASSES);
    }
}
