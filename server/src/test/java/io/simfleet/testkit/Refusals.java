package io.simfleet.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.simfleet.common.DomainException;
import io.simfleet.common.ResultCode;
import org.junit.jupiter.api.function.Executable;

/** Assertions on a domain refusal, for the unit tests of the rules. */
public final class Refusals {
    private Refusals() {}

    /** Asserts that {@code call} is refused with {@code code} and, unless null, {@code detail} (the field named); answers the refusal. */
    public static DomainException refused(ResultCode code, String detail, Executable call) {
        DomainException e = assertThrows(DomainException.class, call);
        assertEquals(code, e.code(), e.getMessage());
        if (detail != null) assertEquals(detail, e.detail(), e.getMessage());
        return e;
    }
}
