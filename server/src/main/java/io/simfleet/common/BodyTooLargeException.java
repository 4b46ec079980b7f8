package io.simfleet.common;

import java.io.IOException;

/**
 * A request body read past {@link #MAX_BYTES}, whatever its transfer encoding: raised by the
 * stream the body is read from, answered 413 by every API's error handling.
 */
public class BodyTooLargeException extends IOException {
    public static final long MAX_BYTES = 2 * 1024 * 1024;

    public BodyTooLargeException() {
        super("request body larger than " + MAX_BYTES + " bytes");
    }

    /** Whether a failure comes from a body read past the limit (converters wrap the IOException). */
    public static boolean causedBy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException) return true;
        }
        return false;
    }
}
