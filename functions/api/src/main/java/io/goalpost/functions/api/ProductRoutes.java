package io.goalpost.functions.api;

import static io.goalpost.aws.http.HttpResponses.error;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.goalpost.aws.http.ErrorCode;
import io.goalpost.aws.http.HttpRequests;
import io.goalpost.aws.http.HttpResponses;
import io.goalpost.core.product.ProductListResult;
import io.goalpost.core.product.ProductStatistics;
import io.goalpost.core.product.ProductStatsResult;
import java.util.Map;

/** GET /api/products and GET /api/products/{productId}/stats: HTTP in, one call to {@link ProductStatistics}, HTTP out. */
final class ProductRoutes {

    private final ProductStatistics statistics;
    private final ProductJson json = new ProductJson();

    ProductRoutes(ProductStatistics statistics) {
        this.statistics = statistics;
    }

    APIGatewayV2HTTPResponse list(APIGatewayV2HTTPEvent event) {
        Map<String, String> query = query(event);
        ProductListResult result = statistics.list(query.get("limit"), query.get("cursor"));
        if (result instanceof ProductListResult.Page page) {
            return HttpResponses.json(200, json.write(page));
        }
        return error(ErrorCode.BAD_REQUEST, ((ProductListResult.Invalid) result).message());
    }

    APIGatewayV2HTTPResponse stats(APIGatewayV2HTTPEvent event) {
        Map<String, String> query = query(event);
        ProductStatsResult result = statistics.forProduct(
                HttpRequests.pathParameter(event, "productId").orElse(null), query.get("from"), query.get("to"));
        if (result instanceof ProductStatsResult.Found found) {
            return HttpResponses.json(200, json.write(found.stats()));
        }
        return error(ErrorCode.BAD_REQUEST, ((ProductStatsResult.Invalid) result).message());
    }

    private static Map<String, String> query(APIGatewayV2HTTPEvent event) {
        return event.getQueryStringParameters() == null ? Map.of() : event.getQueryStringParameters();
    }
}
