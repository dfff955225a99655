package io.goalpost.functions.redirect;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.goalpost.aws.http.HttpResponses;
import io.goalpost.core.click.ClickRequest;
import java.util.Map;

/**
 * The page for an unknown or archived link. It is a constant: nothing from the request appears
 * in it, so a crafted slug cannot put markup on our domain.
 */
final class NotFoundPage {

    static final String HTML = """
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="robots" content="noindex"><title>Link not found</title></head>
            <body><h1>Link not found</h1><p>This link does not exist or is no longer active.</p></body>
            </html>
            """;

    private static final Map<String, String> HEADERS = Map.of(
            "content-type", "text/html; charset=utf-8",
            "cache-control", "no-store",
            "x-content-type-options", "nosniff",
            "content-security-policy", "default-src 'none'");

    private NotFoundPage() {
    }

    static APIGatewayV2HTTPResponse response(ClickRequest.Method method) {
        return HttpResponses.withHeaders(404, HEADERS, method == ClickRequest.Method.HEAD ? "" : HTML);
    }
}
