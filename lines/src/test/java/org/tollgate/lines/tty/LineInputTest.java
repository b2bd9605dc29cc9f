package org.tollgate.lines.tty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LineInputTest {

    private final ManualLineScheduler time = new ManualLineScheduler();
    private final LineInput in = new LineInput(time);

    @Test
    @DisplayName("buffered bytes are read in order; an empty buffer times out in scheduler time")
    void readAndTimeout() throws Exception {
        in.offer(new byte[] {'a', 'b'});
        assertEquals('a', in.read(Duration.ofSeconds(1)));
        assertEquals('b', in.read(Duration.ofSeconds(1)));
        CompletableFuture<Integer> r = CompletableFuture.supplyAsync(() -> {
            try {
                return in.read(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        while (time.pendingTasks() == 0) {
            Thread.onSpinWait();
        }
        time.advance(Duration.ofSeconds(30));
        assertEquals(LineInput.TIMEOUT, r.get());
    }

    @Test
    @DisplayName("diverting hands buffered and later input to the consumer; close gives EOF")
    void divertAndClose() throws Exception {
        List<String> got = new ArrayList<>();
        in.offer("xy".getBytes());
        in.divert(b -> got.add(new String(b)));
        in.offer("z".getBytes());
        in.undivert();
        in.offer("w".getBytes());
        assertEquals(List.of("xy", "z"), got);
        assertEquals('w', in.read(null));
        in.close();
        assertEquals(LineInput.EOF, in.read(null));
    }
}
