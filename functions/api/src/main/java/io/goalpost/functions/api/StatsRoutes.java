package io.goalpost.functions.api;

import static io.goalpost.aws.http.HttpResponses.error;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.goalpost.aws.http.ErrorCode;
import io.goalpost.aws.http.HttpRequests;
import io.goalpost.aws.http.HttpResponses;
import io.goalpost.core.stats.ChannelStatistics;
import io.goalpost.core.stats.ChannelStatsResult;
import io.goalpost.core.stats.LinkStatistics;
import io.goalpost.core.stats.LinkStatsResult;
import java.util.Map;

/** GET /api/links/{slug}/stats and GET /api/channels: HTTP in, one call to the statistics, HTTP out. */
final class StatsRoutes {

    private final LinkStatistics statistics;
    private final ChannelStatistics channels;
    private final StatsJson json = new StatsJson();

    StatsRoutes(LinkStatistics statistics, ChannelStatistics channels) {
        this.statistics = statistics;
        this.channels = channels;
    }

    /** GET /api/channels?from&to: the channel comparison, best first. */
    APIGatewayV2HTTPResponse channels(APIGatewayV2HTTPEvent event) {
        Map<String, String> query = query(event);
        ChannelStatsResult result = channels.compare(query.get("from"), query.get("to"));
        if (result instanceof ChannelStatsResult.Found found) {
            return HttpResponses.json(200, json.write(found.range(), found.channels()));
        }
        return error(ErrorCode.BAD_REQUEST, ((ChannelStatsResult.InvalidRange) result).message());
    }

    private static Map<String, String> query(APIGatewayV2HTTPEvent event) {
        return event.getQueryStringParameters() == null ? Map.of() : event.getQueryStringParameters();
    }

    APIGatewayV2HTTPResponse link(APIGatewayV2HTTPEvent event) {
        Map<String, String> query = query(event);
        LinkStatsResult result = statistics.forLink(
                HttpRequests.pathParameter(event, "slug").orElse(null), query.get("from"), query.get("to"));
        if (result instanceof LinkStatsResult.Found found) {
            return HttpResponses.json(200, json.write(found.stats()));
        }
        if (result instanceof LinkStatsResult.InvalidRange invalid) {
            return error(ErrorCode.BAD_REQUEST, invalid.message());
        }
        return error(ErrorCode.NOT_FOUND, "no link has this slug");
    }
}
