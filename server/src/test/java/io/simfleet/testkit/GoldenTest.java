package io.simfleet.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The comparison itself, against the GetEndpoints example (elements with and without imei/tagIdList). */
class GoldenTest {
    private static final String OK = """
            {"Response":{"responseId":"1","responseTimestamp":"x","resultCode":"0",
             "resultParam":{"resultCode":"6742","resultDescription":"whatever"},
             "responseParam":{"endpoints":[
               {"status":"A","id":"1","name":"n","iccid":"1","msisdn":"1","imsi":"1","type":"1","imeiLockStatus":"LOCK"},
               {"status":"A","id":"2","name":"n","iccid":"1","imei":"1","msisdn":"1","imsi":"1","type":"1","imeiLockStatus":"LOCK",
                "tagIdList":[{"tagName":"t","tagId":"1","tagDescription":""}]}]},
             "totalNoOfRecords":"2","totalNoOfPages":"1"}}""";

    private static Resp resp(String json) {
        return new Resp(200, Api.JSON.readTree(json), json);
    }

    private static String failure(String json) {
        return assertThrows(AssertionFailedError.class, () -> Golden.of("GetEndpoints-success.json").assertMatches(resp(json))).getMessage();
    }

    @Test
    void valuesOtherThanCodesAreNotCompared() {
        Golden.of("GetEndpoints-success.json").assertMatches(resp(OK));
    }

    @Test
    void anotherCodeFails() {
        assertTrue(failure(OK.replace("\"6742\"", "\"6745\"")).contains("resultCode"));
        assertTrue(failure(OK.replace("\"resultCode\":\"0\"", "\"resultCode\":\"1\"")).contains("resultCode"));
    }

    @Test
    void aMissingKeyAnExtraKeyAndAnotherTypeFail() {
        assertTrue(failure(OK.replace("\"totalNoOfPages\":\"1\"", "\"x\":\"1\"")).contains("/Response/totalNoOfPages: missing"));
        assertTrue(failure(OK.replace("\"totalNoOfPages\":\"1\"", "\"totalNoOfPages\":\"1\",\"x\":1")).contains("/Response/x: not in the example"));
        assertTrue(failure(OK.replace("\"totalNoOfRecords\":\"2\"", "\"totalNoOfRecords\":2")).contains("number where the example has string"));
        assertTrue(failure(OK.replace("\"imsi\":\"1\",\"type\":\"1\",\"imeiLockStatus\":\"LOCK\"}", "\"type\":\"1\",\"imeiLockStatus\":\"LOCK\"}"))
                .contains("/Response/responseParam/endpoints[]/imsi: missing"), "a key every example element has is required");
        assertTrue(failure(OK.replace("\"tagId\":\"1\",", "")).contains("endpoints[]/tagIdList[]/tagId: missing"));
    }

    @Test
    void aDeclaredDifferenceMustExist() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> Golden.of("GetEndpoints-success.json")
                .except("/Response/responseParam/endpoints[]/eid", "not sent here").assertMatches(resp(OK)));
        assertTrue(e.getMessage().contains("declared as a difference, but there is none"), e.getMessage());
        Golden.of("GetEndpoints-success.json").except("/Response/responseParam/endpoints[]/eid", "sent")
                .assertMatches(resp(OK.replace("\"type\":\"1\",", "\"type\":\"1\",\"eid\":\"-\",")));
    }
}
