package io.goalpost.functions.api;

import static io.goalpost.aws.http.HttpResponses.error;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.goalpost.aws.http.ErrorCode;
import io.goalpost.aws.http.HttpRequests;
import io.goalpost.aws.http.HttpResponses;
import io.goalpost.core.reconciliation.Reconciliation;
import io.goalpost.core.reconciliation.ReconciliationReport;
import io.goalpost.core.reconciliation.ReconciliationResult;
import io.goalpost.core.reconciliation.SaleAnswer;
import java.util.Map;

/**
 * GET /api/products/{productId}/reconciliation: HTTP in, one call to {@link Reconciliation}, the
 * SPEC §4 shape out. The answer names orders and links, never a person.
 */
final class ReconciliationRoute {

    private final Reconciliation reconciliation;
    private final ObjectMapper mapper = new ObjectMapper();

    ReconciliationRoute(Reconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    APIGatewayV2HTTPResponse answer(APIGatewayV2HTTPEvent event) {
        Map<String, String> query = event.getQueryStringParameters() == null ? Map.of()
                : event.getQueryStringParameters();
        ReconciliationResult result = reconciliation.of(HttpRequests.pathParameter(event, "productId").orElse(null),
                query.get("from"), query.get("to"));
        if (result instanceof ReconciliationResult.Found found) {
            return HttpResponses.json(200, write(found.report()));
        }
        return error(ErrorCode.BAD_REQUEST, ((ReconciliationResult.Invalid) result).message());
    }

    private ObjectNode write(ReconciliationReport report) {
        ObjectNode json = mapper.createObjectNode()
                .put("productId", report.productId())
                .put("sales", report.sales())
                .put("attributedSales", report.attributedSales());
        ArrayNode byLink = json.putArray("byLink");
        for (ReconciliationReport.LinkSales link : report.byLink()) {
            ObjectNode revenue = byLink.addObject().put("slug", link.slug()).put("sales", link.sales())
                    .putObject("revenue");
            link.revenue().forEach(revenue::put);
        }
        ObjectNode unattributed = json.putObject("unattributed");
        report.unattributed().forEach((reason, count) -> unattributed.put(reason.wireName(), count));
        ArrayNode conversions = json.putArray("conversions");
        for (SaleAnswer sale : report.conversions()) {
            ObjectNode entry = conversions.addObject()
                    .put("orderId", sale.orderId())
                    .put("occurredAt", sale.occurredAt().toString());
            if (sale.attributed()) {
                entry.put("slug", sale.slug()).put("path", sale.path().wireName());
            } else {
                entry.put("reason", sale.reason().wireName());
            }
        }
        return json;
    }
}
