package io.simfleet.config;

import io.simfleet.common.Input;
import java.beans.PropertyEditorSupport;
import java.util.function.Function;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * How query parameters, path variables and headers bind to Java types, for every controller.
 * Numbers are an optional {@code -} and ASCII digits only: Spring's default goes through
 * {@code Long.decode}, which takes hex ({@code 0x989681}, {@code #989681}) and other scripts'
 * digits ({@code ١٠٠٠٠٠٠١}), so {@code /admin/accounts/0x989681} used to answer account 10000001.
 * Text holds no control character. A refusal is a {@code MethodArgumentTypeMismatchException},
 * which both exception handlers answer with {@code 1001} naming the parameter.
 */
@ControllerAdvice
class RequestBinding {

    @InitBinder
    void strictBinding(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new Text());
        binder.registerCustomEditor(long.class, new Number(Long::valueOf, false));
        binder.registerCustomEditor(Long.class, new Number(Long::valueOf, true));
        binder.registerCustomEditor(int.class, new Number(Integer::valueOf, false));
        binder.registerCustomEditor(Integer.class, new Number(Integer::valueOf, true));
    }

    private static final class Text extends PropertyEditorSupport {
        @Override
        public void setAsText(String text) {
            if (text != null && Input.hasControlCharacter(text)) throw new IllegalArgumentException("control character");
            setValue(text);
        }
    }

    /** A decimal number in ASCII digits; one out of the type's range fails in {@code valueOf} (a NumberFormatException). */
    private static final class Number extends PropertyEditorSupport {
        private final Function<String, Object> valueOf;
        private final boolean emptyIsNull;

        Number(Function<String, Object> valueOf, boolean emptyIsNull) {
            this.valueOf = valueOf;
            this.emptyIsNull = emptyIsNull;
        }

        @Override
        public void setAsText(String text) {
            String v = text == null ? "" : text.trim();
            if (v.isEmpty() && emptyIsNull) {
                setValue(null);
                return;
            }
            if (!Input.asciiDigits(v.startsWith("-") ? v.substring(1) : v)) throw new IllegalArgumentException("not a decimal number");
            setValue(valueOf.apply(v));
        }
    }
}
