package io.seicheck.screening;

import java.io.IOException;
import java.io.Reader;

/** Characters from a reader one at a time, through a buffer of its own (the row readers look at every one). */
final class Chars {

    private final Reader in;
    private final char[] buffer = new char[1 << 16];
    private int length;
    private int position;

    Chars(Reader in) {
        this.in = in;
    }

    /** The next character, or -1 at the end. */
    int read() throws IOException {
        if (position == length) {
            length = in.read(buffer);
            position = 0;
            if (length <= 0) {
                length = 0;
                return -1;
            }
        }
        return buffer[position++];
    }
}
