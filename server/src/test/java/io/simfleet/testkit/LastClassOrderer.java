package io.simfleet.testkit;

import java.util.Comparator;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * The suite's class order (junit-platform.properties): as JUnit discovers them, except that the
 * classes marked {@link RunsLast} go after all others. A stable sort: nothing else moves.
 */
public class LastClassOrderer implements ClassOrderer {
    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparing(d -> d.isAnnotated(RunsLast.class)));
    }
}
