package io.simfleet.config;

import com.fasterxml.jackson.annotation.Nulls;
import io.simfleet.common.Input;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Typed JSON request bodies (the operator API binds its requests to records) are read strictly,
 * so that a bad value is refused with its JSON path named ({@code features[0]},
 * {@code networks[2].operatorName}) instead of being stored or failing further on:
 * <ul>
 *   <li>the JSON type must be the field's: no number or boolean for a string, no string for a
 *       number or a boolean (which also keeps out {@code "١٠"}, Unicode digits that Jackson
 *       would otherwise read as 10), no fraction for an integer;</li>
 *   <li>no {@code null} element in a list;</li>
 *   <li>no control character in a string, and no string longer than {@link Input#MAX_TEXT}.</li>
 * </ul>
 * The SFT API reads its bodies itself ({@code Params}) and is not concerned.
 */
@Configuration(proxyBeanMethods = false)
class JsonInputConfig {

    @Bean
    JsonMapperBuilderCustomizer strictJsonInput() {
        return builder -> builder
                .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .changeDefaultNullHandling(n -> n.withContentNulls(Nulls.FAIL))
                .addModule(new SimpleModule("simfleet-text").addDeserializer(String.class, new CheckedText()));
    }

    /** A JSON string as Jackson reads it, refused when {@link Input#textProblem} finds one. */
    static final class CheckedText extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String s = super.deserialize(p, ctxt);
            String problem = Input.textProblem(s, Input.MAX_TEXT);
            return problem == null ? s : (String) ctxt.handleWeirdStringValue(String.class, s, problem);
        }
    }
}
