package io.seicheck.rules.facts;

import java.time.LocalDate;

/**
 * The firm's HNTE certificate as of the assessment date.
 *
 * @param status     VALID (valid on asOf), EXPIRED, NOT_HELD (certifications listed, none HNTE), UNDATED (an HNTE
 *                   certificate without its validUntil) or NOT_STATED (no certifications given)
 * @param validUntil the latest validUntil of the HNTE certificates listed, or null
 */
public record HnteCertificate(String status, LocalDate validUntil) {

    /** True if valid on the assessment date, false if only expired ones are held, null otherwise. */
    public Boolean valid() {
        return "VALID".equals(status) ? Boolean.TRUE : "EXPIRED".equals(status) ? Boolean.FALSE : null;
    }
}
