package io.simfleet.portal;

import io.simfleet.common.DomainException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A service's refusal placed next to the form field it names. The services' 1000 / 1001 refusals
 * carry the request field's name first in their detail ("planId", "iccid", "isDefaultActivation
 * (activation needs isLinkSIM true)"); the form maps those names to its fields. A refusal that names
 * no field of the form goes to the form as a whole ({@link #FORM}). The message is the API's: result
 * code and description.
 */
final class FieldErrors {
    static final String FORM = "form";

    private FieldErrors() {}

    /** {@code fields}: the API's field name → the form's field. {@code fallback}: where a refusal naming no field goes. */
    static Map<String, String> of(DomainException e, Map<String, String> fields, String fallback) {
        String detail = e.detail() == null ? "" : e.detail();
        String named = detail.split("[\\s(]", 2)[0];
        String field = fields.getOrDefault(named, fallback);
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put(field, message(e));
        return errors;
    }

    static String message(DomainException e) {
        return e.code().code() + " " + e.getMessage();
    }
}
