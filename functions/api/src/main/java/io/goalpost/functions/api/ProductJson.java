package io.goalpost.functions.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.goalpost.core.product.ProductListResult;
import io.goalpost.core.product.ProductStats;
import java.util.Map;

/** The JSON of products on the API, with the names of SPEC §4. */
final class ProductJson {

    private final ObjectMapper mapper = new ObjectMapper();

    ObjectNode write(ProductListResult.Page page) {
        ObjectNode json = mapper.createObjectNode();
        ArrayNode items = json.putArray("items");
        for (ProductListResult.Entry entry : page.items()) {
            ObjectNode item = items.addObject()
                    .put("productId", entry.product().productId())
                    .put("firstSeen", entry.product().firstSeen().toString());
            totals(item, entry.totals());
        }
        return page.nextCursor() == null ? json.putNull("nextCursor") : json.put("nextCursor", page.nextCursor());
    }

    ObjectNode write(ProductStats stats) {
        ObjectNode json = mapper.createObjectNode().put("productId", stats.productId());
        totals(json, stats);
        ArrayNode daily = json.putArray("daily");
        for (ProductStats.Day day : stats.daily()) {
            ObjectNode entry = daily.addObject()
                    .put("date", day.date().toString())
                    .put("checkoutViews", day.checkoutViews())
                    .put("checkoutVisitors", day.checkoutVisitors())
                    .put("sales", day.sales())
                    .put("rebills", day.rebills())
                    .put("refunds", day.refunds());
            entry.set("revenue", money(day.revenue()));
            entry.set("refunded", money(day.refunded()));
        }
        return json;
    }

    private void totals(ObjectNode json, ProductStats stats) {
        json.put("checkoutViews", stats.checkoutViews())
                .put("checkoutVisitors", stats.checkoutVisitors())
                .put("sales", stats.sales())
                .put("rebills", stats.rebills())
                .put("refunds", stats.refunds());
        json.set("revenue", money(stats.revenue()));
        json.set("refunded", money(stats.refunded()));
    }

    private ObjectNode money(Map<String, Long> amounts) {
        ObjectNode json = mapper.createObjectNode();
        amounts.forEach(json::put);
        return json;
    }
}
