package io.goalpost.aws.beacon;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.goalpost.core.beacon.DropCounter;
import io.goalpost.core.beacon.DropReason;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * One log line per drop, in CloudWatch's embedded metric format, so CloudWatch counts
 * {@code Goalpost/BeaconDrops} by {@code reason} from the logs alone: no API call, no extra
 * permission, nothing added to the request's latency. The line holds the reason and nothing a
 * visitor sent.
 */
public final class LoggedDropCounter implements DropCounter {

    static final String NAMESPACE = "Goalpost";
    static final String METRIC = "BeaconDrops";

    private final ObjectMapper mapper = new ObjectMapper();
    private final Clock clock;
    private final Consumer<String> log;

    public LoggedDropCounter(Clock clock, Consumer<String> log) {
        this.clock = clock;
        this.log = log;
    }

    @Override
    public void count(DropReason reason) {
        ObjectNode line = mapper.createObjectNode();
        ObjectNode metric = line.putObject("_aws").put("Timestamp", clock.millis())
                .putArray("CloudWatchMetrics").addObject().put("Namespace", NAMESPACE);
        metric.putArray("Dimensions").addArray().add("reason");
        metric.putArray("Metrics").addObject().put("Name", METRIC).put("Unit", "Count");
        line.put("level", "INFO").put("message", "beacon_drop").put("reason", reason.wireName()).put(METRIC, 1);
        try {
            log.accept(line.toString());
        } catch (RuntimeException logFailure) {
            // A count is never worth failing the request for.
        }
    }
}
