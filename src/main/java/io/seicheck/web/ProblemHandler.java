package io.seicheck.web;

import io.seicheck.api.model.Problem;
import io.seicheck.api.model.ProblemError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import io.seicheck.decisionlog.LogUnavailableException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;

/**
 * Every error leaves as RFC 9457 problem+json with a stable {@code type} ({@code /problems/<slug>}) and, for
 * input errors, the JSON Pointer of each bad field. Never a stack trace, never an internal class name.
 */
@RestControllerAdvice
public class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Problem> invalidInput(InvalidInputException e, HttpServletRequest request) {
        return invalid(request, e.errors());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Problem> beanValidation(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<InputError> errors = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            errors.add(new InputError(Pointers.fromPropertyPath(error.getField()), error.getDefaultMessage()));
        }
        e.getBindingResult().getGlobalErrors().forEach(g -> errors.add(new InputError("", g.getDefaultMessage())));
        errors.sort(Comparator.comparing(InputError::pointer).thenComparing(InputError::detail));
        return invalid(request, errors);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<Problem> parameterValidation(HandlerMethodValidationException e, HttpServletRequest request) {
        List<InputError> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err -> errors.add(
                new InputError(parameterName(r.getMethodParameter()), err.getDefaultMessage()))));
        return invalid(request, errors);
    }

    /** The name a client knows a parameter by: the header, query or path name, not the Java one. */
    private static String parameterName(org.springframework.core.MethodParameter p) {
        org.springframework.web.bind.annotation.RequestHeader header =
                annotation(p, org.springframework.web.bind.annotation.RequestHeader.class);
        if (header != null && !header.value().isEmpty()) {
            return header.value();
        }
        org.springframework.web.bind.annotation.RequestParam param =
                annotation(p, org.springframework.web.bind.annotation.RequestParam.class);
        if (param != null && !param.value().isEmpty()) {
            return param.value();
        }
        org.springframework.web.bind.annotation.PathVariable path =
                annotation(p, org.springframework.web.bind.annotation.PathVariable.class);
        if (path != null && !path.value().isEmpty()) {
            return path.value();
        }
        return p.getParameterName();
    }

    /** For a violation on a controller parameter: the header, query or path name the client used. */
    private static java.util.Optional<String> clientName(ConstraintViolation<?> v) {
        String method = null;
        int index = -1;
        for (jakarta.validation.Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == jakarta.validation.ElementKind.METHOD) {
                method = node.getName();
            } else if (node.getKind() == jakarta.validation.ElementKind.PARAMETER) {
                index = node.as(jakarta.validation.Path.ParameterNode.class).getParameterIndex();
            }
        }
        if (method == null || index < 0 || v.getRootBeanClass() == null) {
            return java.util.Optional.empty();
        }
        for (java.lang.reflect.Method m : v.getRootBeanClass().getMethods()) {
            if (m.getName().equals(method) && m.getParameterCount() > index) {
                String name = parameterName(new org.springframework.core.MethodParameter(m, index));
                if (!name.equals(m.getParameters()[index].getName())) {
                    return java.util.Optional.of(name);
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** A parameter's annotation, also where it sits on the generated interface the controller implements. */
    private static <A extends java.lang.annotation.Annotation> A annotation(org.springframework.core.MethodParameter p,
            Class<A> type) {
        A direct = p.getParameterAnnotation(type);
        if (direct != null || p.getMethod() == null) {
            return direct;
        }
        for (Class<?> api : org.springframework.util.ClassUtils.getAllInterfacesForClass(p.getDeclaringClass())) {
            try {
                java.lang.reflect.Method declared = api.getMethod(p.getMethod().getName(), p.getMethod().getParameterTypes());
                A found = new org.springframework.core.MethodParameter(declared, p.getParameterIndex()).getParameterAnnotation(type);
                if (found != null) {
                    return found;
                }
            } catch (NoSuchMethodException notThere) {
                // not from this interface
            }
        }
        return null;
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Problem> constraintViolation(ConstraintViolationException e, HttpServletRequest request) {
        List<InputError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            String path = v.getPropertyPath().toString();
            int dot = path.indexOf('.');
            String name = clientName(v).orElse(dot >= 0 ? path.substring(dot + 1) : path);
            errors.add(new InputError(name, v.getMessage()));
        }
        errors.sort(Comparator.comparing(InputError::pointer).thenComparing(InputError::detail));
        return invalid(request, errors);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Problem> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        Throwable cause = e.getCause();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodySizeLimitFilter.BodyTooLargeException tooLarge) {
                return problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
                        tooLarge.getMessage(), request, List.of());
            }
        }
        if (cause instanceof StreamConstraintsException limit) {
            return problem(HttpStatus.BAD_REQUEST, "body-limits", "Request body exceeds a limit",
                    Pointers.limitDetail(limit), request, List.of());
        }
        if (cause instanceof JacksonException json) {
            InputError error = Pointers.error(json);
            String pointer = error.pointer();
            String detail = error.detail();
            if (pointer.isEmpty() && !(json instanceof tools.jackson.databind.DatabindException)) {
                return problem(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON", detail, request,
                        List.of(new InputError("", detail)));
            }
            return invalid(request, List.of(new InputError(pointer, detail)));
        }
        return problem(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON",
                "The request body is missing or is not JSON", request, List.of());
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Problem> problem(ProblemException e, HttpServletRequest request) {
        return problem(e.status(), e.slug(), e.title(), e.getMessage(), request, List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Problem> unsupportedMediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
                "Send the body as application/json", request, List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Problem> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable",
                "This resource is available as application/json", request, List.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Problem> methodNotAllowed(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed",
                e.getMethod() + " is not supported here", request, List.of());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Problem> notFound(NoResourceFoundException e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", "No such resource", request, List.of());
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MissingRequestHeaderException.class,
            MethodArgumentTypeMismatchException.class})
    ResponseEntity<Problem> badParameter(Exception e, HttpServletRequest request) {
        String name = "";
        if (e instanceof MissingServletRequestParameterException m) {
            name = m.getParameterName();
        } else if (e instanceof MissingRequestHeaderException h) {
            name = h.getHeaderName();
        } else if (e instanceof MethodArgumentTypeMismatchException t) {
            name = t.getName();
        }
        String detail = e instanceof MethodArgumentTypeMismatchException ? "has the wrong type" : "is required";
        return invalid(request, List.of(new InputError(name, detail)));
    }

    /** No verdict without its log entry: the caller may retry (with the same Idempotency-Key) later. */
    @ExceptionHandler(LogUnavailableException.class)
    ResponseEntity<Problem> logUnavailable(LogUnavailableException e, HttpServletRequest request) {
        log.warn("Decision log unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(body(HttpStatus.SERVICE_UNAVAILABLE, "decision-log-unavailable", "Decision log unavailable",
                        "The decision log could not be reached in time, so no verdict is returned. Retry later.",
                        request, List.of()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Problem> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The service could not complete the request; it has been logged", request, List.of());
    }

    private static ResponseEntity<Problem> invalid(HttpServletRequest request, List<InputError> errors) {
        String detail = errors.size() == 1 ? errors.get(0).pointer() + ": " + errors.get(0).detail()
                : errors.size() + " fields are invalid";
        return problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", detail, request, errors);
    }

    static ResponseEntity<Problem> problem(HttpStatus status, String slug, String title, String detail,
            HttpServletRequest request, List<InputError> errors) {
        return ResponseEntity.status(status).contentType(PROBLEM_JSON)
                .body(body(status, slug, title, detail, request, errors));
    }

    /** The problem+json body; also written by filters that answer before Spring MVC does. */
    static Problem body(HttpStatus status, String slug, String title, String detail, HttpServletRequest request,
            List<InputError> errors) {
        Problem body = new Problem("/problems/" + slug, title, status.value()).detail(detail)
                .instance(request.getRequestURI());
        if (!errors.isEmpty()) {
            body.setErrors(errors.stream().map(e -> new ProblemError(e.pointer(), e.detail())).toList());
        }
        return body;
    }
}
