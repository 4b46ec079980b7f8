package io.simfleet.sftapi;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers the servlet container's error dispatches (a method Tomcat refuses itself, an error a
 * filter raised) in the envelope instead of Spring Boot's default error JSON. Only reachable as
 * an error dispatch: a request for {@code /error} itself is refused by the security rules.
 */
@RestController
class SftErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<Map<String, Object>> error(HttpServletRequest req) {
        Object status = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int code = status instanceof Integer i ? i : 500;
        return SftResponses.forStatus(code);
    }
}
