package io.seicheck.web;

/** One thing wrong with a request, located by a JSON Pointer into the body (or the parameter's name). */
public record InputError(String pointer, String detail) {
}
