package io.simfleet.sftapi;

import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Records the result code of the operator API's own answers ({@code {"resultCode",
 * "resultDescription"}}, written by the admin package, which does not know the wire layer) for the
 * access log and the metrics. The envelope's code is recorded where the envelope is built ({@link Sft}).
 */
@ControllerAdvice
class ResultCodeAdvice implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (body instanceof Map<?, ?> map && map.get("resultCode") instanceof String code
                && request instanceof ServletServerHttpRequest servlet) {
            RequestContext.resultCode(servlet.getServletRequest(), code);
        }
        return body;
    }
}
