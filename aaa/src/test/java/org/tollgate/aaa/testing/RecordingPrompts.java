package org.tollgate.aaa.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.tollgate.callcontrol.auth.PromptPlayer;

/**
 * A prompt player that records what was played. Prompts whose URL is in {@code blocking} play
 * "forever" (until the thread is interrupted), to test a hang-up mid-prompt.
 */
public final class RecordingPrompts implements PromptPlayer {

    private final List<String> played = new CopyOnWriteArrayList<>();
    private final List<String> interrupted = new CopyOnWriteArrayList<>();
    private final String blocking;
    private final CountDownLatch blockingStarted = new CountDownLatch(1);

    public RecordingPrompts() {
        this(null);
    }

    public RecordingPrompts(String blocking) {
        this.blocking = blocking;
    }

    @Override
    public void play(String promptUrl) throws InterruptedException {
        played.add(promptUrl);
        if (promptUrl.equals(blocking)) {
            blockingStarted.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.add(promptUrl);
                throw e;
            }
        }
    }

    public List<String> played() {
        return List.copyOf(played);
    }

    public List<String> interrupted() {
        return List.copyOf(interrupted);
    }

    public void awaitBlockingPromptStarted() throws InterruptedException {
        if (!blockingStarted.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new AssertionError("blocking prompt never started");
        }
    }
}
