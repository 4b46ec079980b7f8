package io.simfleet.sftapi;

import io.simfleet.common.AccountType;
import io.simfleet.common.Actor;
import io.simfleet.common.DomainException;
import io.simfleet.common.ResultCode;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Supplies the authenticated {@link Actor}; Endpoint API calls are for Enterprise accounts only. */
class ActorResolver implements HandlerMethodArgumentResolver {
    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Actor.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binderFactory) {
        Actor actor = RequestContext.actor();
        if (actor == null) {
            throw new DomainException(ResultCode.UNAUTHORIZED, "missing access token");
        }
        boolean anyType = parameter.hasMethodAnnotation(AnyAccountType.class);
        if (!anyType && actor.accountType() != AccountType.ENTERPRISE) {
            throw new DomainException(ResultCode.INSUFFICIENT_PRIVILEGE);
        }
        return actor;
    }
}
