package io.seicheck.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/** problem+json written straight to the response, for filters that answer before Spring MVC does. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, JsonMapper json, HttpStatus status,
            String slug, String title, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(ProblemHandler.PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(
                ProblemHandler.body(status, slug, title, detail, request, List.of())));
    }
}
