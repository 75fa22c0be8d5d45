package io.seicheck.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import io.seicheck.api.model.Problem;

/**
 * Whatever the container itself refuses (a request the firewall rejects, an error outside Spring MVC) still
 * comes back as problem+json, never as Boot's own error body.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<Problem> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer ? HttpStatus.resolve((Integer) code) : null;
        if (status == null || !status.isError()) {
            status = HttpStatus.BAD_REQUEST;
        }
        String slug = status.is5xxServerError() ? "internal-error" : status == HttpStatus.NOT_FOUND ? "not-found"
                : "invalid-input";
        String title = status.is5xxServerError() ? "Internal error" : status.getReasonPhrase();
        return ProblemHandler.problem(status, slug, title, status.is5xxServerError()
                ? "The service could not complete the request; it has been logged" : "The request was refused.",
                request, List.of());
    }
}
