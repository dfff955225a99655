package io.goalpost.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

/**
 * The public URL of a tracking link: under PUBLIC_BASE_URL when set, else under the domain the
 * API was called on (what API Gateway reports as requestContext.domainName).
 */
final class TrackingUrls {

    private final String publicBaseUrl;

    TrackingUrls(String publicBaseUrl) {
        this.publicBaseUrl = publicBaseUrl;
    }

    String of(String slug, APIGatewayV2HTTPEvent event) {
        return base(event) + "/l/" + slug;
    }

    private String base(APIGatewayV2HTTPEvent event) {
        if (!publicBaseUrl.isEmpty()) {
            return publicBaseUrl;
        }
        String domain = event.getRequestContext() == null ? null : event.getRequestContext().getDomainName();
        return domain == null || domain.isBlank() ? "" : "https://" + domain;
    }
}
