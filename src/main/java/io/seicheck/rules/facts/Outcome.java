package io.seicheck.rules.facts;

/** The outcome of one criterion: UNKNOWN means the profile lacks the data to decide it. */
public enum Outcome {
    PASS, FAIL, UNKNOWN, WARN
}
