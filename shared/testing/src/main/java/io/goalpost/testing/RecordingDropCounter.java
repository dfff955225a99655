package io.goalpost.testing;

import io.goalpost.core.beacon.DropCounter;
import io.goalpost.core.beacon.DropReason;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers every drop the beacon counted, in order. */
public final class RecordingDropCounter implements DropCounter {

    private final List<DropReason> counted = new CopyOnWriteArrayList<>();

    @Override
    public void count(DropReason reason) {
        counted.add(reason);
    }

    public List<DropReason> counted() {
        return List.copyOf(counted);
    }
}
