package io.seicheck.screening;

/** An upload that cannot be screened as a whole (unknown column, wrong encoding, unclosed quote). */
final class UploadException extends RuntimeException {

    UploadException(String message) {
        super(message);
    }
}
