package io.seicheck.security;

/** What a caller may do. */
public enum Role {
    /** A firm checking itself: assesses, and reads its own tenant's decisions. */
    FIRM,
    /** A bank screening applications: assesses, and reads its own tenant's decisions. */
    BANK,
    /** Reads, replays and verifies the decisions of the tenants in its scope; never assesses. */
    AUDITOR,
    /** Manages keys and may use every endpoint. */
    ADMIN
}
