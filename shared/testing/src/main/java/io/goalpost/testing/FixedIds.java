package io.goalpost.testing;

import io.goalpost.core.id.Ids;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Ids a test can predict: the ones it queued first, then a numbered sequence in the right shape
 * ({@code click000000000000000001}, {@code slug001}).
 */
public final class FixedIds implements Ids {

    private final Deque<String> clickIds = new ArrayDeque<>();
    private final Deque<String> slugs = new ArrayDeque<>();
    private int clicks;
    private int generatedSlugs;

    public FixedIds withClickIds(String... ids) {
        clickIds.addAll(Arrays.asList(ids));
        return this;
    }

    public FixedIds withSlugs(String... ids) {
        slugs.addAll(Arrays.asList(ids));
        return this;
    }

    @Override
    public synchronized String clickId() {
        String queued = clickIds.poll();
        return queued != null ? queued : String.format("click%017d", ++clicks);
    }

    @Override
    public synchronized String slug() {
        String queued = slugs.poll();
        return queued != null ? queued : String.format("slug%03d", ++generatedSlugs);
    }
}
