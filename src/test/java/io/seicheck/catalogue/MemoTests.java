package io.seicheck.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MemoTests {

    @Test
    void aNameIsMatchedOnceAndTheMemoryStaysBounded() {
        AtomicInteger calls = new AtomicInteger();
        Memo<String> memo = new Memo<>(name -> {
            calls.incrementAndGet();
            return List.of(name.toUpperCase());
        });
        assertThat(memo.get("igbt")).containsExactly("IGBT");
        assertThat(memo.get("igbt")).containsExactly("IGBT");
        assertThat(calls).hasValue(1);
        for (int i = 0; i < Memo.MAX_NAMES + 10; i++) {
            memo.get("name " + i);
        }
        // full, it started again: the first name is matched anew, with the same answer
        assertThat(memo.get("igbt")).containsExactly("IGBT");
        assertThat(calls).hasValue(Memo.MAX_NAMES + 12);
    }
}
