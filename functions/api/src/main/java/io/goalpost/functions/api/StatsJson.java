package io.goalpost.functions.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.goalpost.core.stats.ChannelStats;
import io.goalpost.core.stats.DateRange;
import io.goalpost.core.stats.LinkStats;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The JSON of stats on the API, with the names of SPEC §4. */
final class StatsJson {

    private final ObjectMapper mapper = new ObjectMapper();

    ObjectNode write(LinkStats stats) {
        ObjectNode json = mapper.createObjectNode()
                .put("slug", stats.slug())
                .put("clicks", stats.clicks())
                .put("uniqueClicks", stats.uniqueClicks())
                .put("botClicks", stats.botClicks())
                .put("goals", stats.goals());
        json.set("revenue", money(stats.revenue()));
        json.set("refunded", money(stats.refunded()));
        rate(json, stats.conversionRate());
        ArrayNode daily = json.putArray("daily");
        for (LinkStats.Day day : stats.daily()) {
            ObjectNode entry = daily.addObject()
                    .put("date", day.date().toString())
                    .put("clicks", day.clicks())
                    .put("uniqueClicks", day.uniqueClicks())
                    .put("goals", day.goals());
            entry.set("revenue", money(day.revenue()));
        }
        return json;
    }

    ObjectNode write(DateRange range, List<ChannelStats> channels) {
        ObjectNode json = mapper.createObjectNode()
                .put("from", range.from().toString())
                .put("to", range.to().toString());
        ArrayNode items = json.putArray("channels");
        for (ChannelStats channel : channels) {
            ObjectNode entry = items.addObject()
                    .put("channel", channel.channel())
                    .put("clicks", channel.clicks())
                    .put("uniqueClicks", channel.uniqueClicks())
                    .put("goals", channel.goals());
            entry.set("revenue", money(channel.revenue()));
            rate(entry, channel.conversionRate());
        }
        return json;
    }

    /** A JSON number such as 0.375 (not 0.3750): four places survive a double unchanged; null without clicks. */
    private static void rate(ObjectNode json, BigDecimal conversionRate) {
        if (conversionRate == null) {
            json.putNull("conversionRate");
        } else {
            json.put("conversionRate", conversionRate.doubleValue());
        }
    }

    private ObjectNode money(Map<String, Long> amounts) {
        ObjectNode json = mapper.createObjectNode();
        amounts.forEach(json::put);
        return json;
    }
}
