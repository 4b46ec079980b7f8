package io.simfleet.sftapi;

import static io.simfleet.testkit.Refusals.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simfleet.common.ResultCode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a request's fields are read: the 1000/1001 answers of every shape, without a server. */
class ParamsTest {
    private static Params p(String requestParamJson) {
        return Params.request("{\"Request\":{\"requestParam\":" + requestParamJson + "}}", null, Map.of());
    }

    @Test
    void bodiesThatAreNotAJsonObjectAreMalformed() {
        for (String bad : List.of("[]", "\"x\"", "{", "1", "null")) {
            assertThrows(MalformedRequestException.class, () -> Params.parse(bad), bad);
        }
        assertTrue(Params.parse("").isObject(), "no body reads as {}");
    }

    @Test
    void theRequestObject() {
        refused(ResultCode.MANDATORY_PARAMETER_MISSING, "Request", () -> Params.request("{}", null, Map.of()));
        refused(ResultCode.WRONG_INPUT_PARAMETER, "Request", () -> Params.request("{\"Request\":\"x\"}", null, Map.of()));
        refused(ResultCode.MANDATORY_PARAMETER_MISSING, "requestParam", () -> Params.request("{\"Request\":{}}", null, Map.of()));
        refused(ResultCode.WRONG_INPUT_PARAMETER, "requestParam", () -> Params.request("{\"Request\":{\"requestParam\":[]}}", null, Map.of()));
        Params variant = Params.request("{\"endpointInfo\":{\"endpointName\":\"tracker 01\"}}", "endpointInfo",
                Map.of("endpointName", "name"));
        assertEquals("tracker 01", variant.text("name"), "the summary's spelling read as the reference's");
        refused(ResultCode.WRONG_INPUT_PARAMETER, "endpointInfo", () -> Params.request("{\"endpointInfo\":1}", "endpointInfo", Map.of()));
    }

    @Test
    void scalarsAsStringsNumbersOrBooleansTrimmed() {
        Params p = p("{\"a\":\" x \",\"n\":12,\"b\":true,\"o\":{},\"z\":null}");
        assertEquals("x", p.text("a"));
        assertEquals("12", p.text("n"));
        assertEquals("true", p.text("b"));
        assertNull(p.text("z"), "null is absent");
        assertNull(p.text("missing"));
        refused(ResultCode.WRONG_INPUT_PARAMETER, "o", () -> p.text("o"));
        refused(ResultCode.WRONG_INPUT_PARAMETER, "c", () -> p("{\"c\":\"a\\u0000\"}").text("c"));
        refused(ResultCode.WRONG_INPUT_PARAMETER, "c", () -> p("{\"c\":\"a\\n\"}").text("c"));
        refused(ResultCode.MANDATORY_PARAMETER_MISSING, "e", () -> p("{\"e\":\"  \"}").requiredText("e"));
    }

    @Test
    void booleansAndLockStatus() {
        Params p = p("{\"t\":\"TRUE\",\"f\":false,\"e\":\"\",\"x\":\"yes\",\"l\":\"lock\",\"u\":\"UNLOCK\"}");
        assertEquals(Boolean.TRUE, p.bool("t"));
        assertEquals(Boolean.FALSE, p.bool("f"));
        assertNull(p.bool("e"));
        refused(ResultCode.WRONG_INPUT_PARAMETER, "x", () -> p.bool("x"));
        refused(ResultCode.MANDATORY_PARAMETER_MISSING, "e", () -> p.requiredBool("e"));
        assertEquals(Boolean.TRUE, p.lockStatus("l"));
        assertEquals(Boolean.FALSE, p.lockStatus("u"));
        assertNull(p.lockStatus("e"));
        refused(ResultCode.WRONG_INPUT_PARAMETER, "x", () -> p.lockStatus("x"));
    }

    @Test
    void idsAreOneTo18AsciiDigits() {
        Params p = p("{\"id\":\"51368592\",\"n\":51368592,\"big\":\"1234567890123456789\",\"ar\":\"٥١٣\",\"hex\":\"0x1f\",\"neg\":-1}");
        assertEquals(51368592L, p.longValue("id"));
        assertEquals(51368592L, p.longValue("n"));
        for (String bad : List.of("big", "ar", "hex", "neg")) refused(ResultCode.WRONG_INPUT_PARAMETER, bad, () -> p.longValue(bad));
        assertEquals("12345", Params.digits("12345", "msisdn", 5, 15));
        refused(ResultCode.WRONG_INPUT_PARAMETER, "msisdn", () -> Params.digits("1234", "msisdn", 5, 15));
    }

    @Test
    void amounts() {
        Params p = p("{\"m\":\"10.5\",\"n\":10.25,\"x\":\"ten\",\"c\":\"0.001\"}");
        assertEquals(new BigDecimal("10.5"), p.decimal("m"));
        assertEquals(new BigDecimal("10.25"), p.decimal("n"));
        refused(ResultCode.WRONG_INPUT_PARAMETER, "x", () -> p.decimal("x"));
        refused(ResultCode.WRONG_INPUT_PARAMETER, "c", () -> p.decimal("c"));
    }

    @Test
    void listsAsArraysOrSeparatedStrings() {
        Params p = p("{\"a\":[\"1\",2],\"s\":\"1|2, 3\",\"e\":\"\",\"hole\":\"1||2\",\"obj\":[{}],\"blank\":[\" \"]}");
        assertEquals(List.of("1", "2"), p.list("a", "[|,]"));
        assertEquals(List.of(1L, 2L, 3L), p.longList("s", "[|,]"));
        assertEquals(List.of(), p.list("e", "[|,]"));
        assertEquals(List.of(), p.list("missing", "[|,]"));
        refused(ResultCode.WRONG_INPUT_PARAMETER, "hole", () -> p.list("hole", "[|,]"));
        refused(ResultCode.WRONG_INPUT_PARAMETER, "obj", () -> p.list("obj", "[|,]"));
        refused(ResultCode.WRONG_INPUT_PARAMETER, "blank", () -> p.list("blank", "[|,]"));
    }

    @Test
    void requestLevelAndItsRequestParam() {
        Params level = Params.requestLevel("{\"Request\":{\"endPointId\":\"1\",\"requestParam\":{\"x\":\"y\"}}}", null, Map.of());
        assertEquals(1L, level.longValue("endPointId"));
        assertEquals("y", level.requestParam(true).text("x"));
        Params bare = Params.requestLevel("{\"Request\":{\"endPointId\":\"1\"}}", null, Map.of());
        refused(ResultCode.MANDATORY_PARAMETER_MISSING, "requestParam", () -> bare.requestParam(true));
        assertEquals(List.of(), bare.requestParam(false).fieldNames());
        Params variant = Params.requestLevel("{\"modifyInfo\":{\"endPointId\":\"1\",\"x\":\"y\"}}", "modifyInfo", Map.of());
        assertEquals("y", variant.requestParam(true).text("x"), "the summary variant keeps requestParam's fields on the same object");
    }
}
