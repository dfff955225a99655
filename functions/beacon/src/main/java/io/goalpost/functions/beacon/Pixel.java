package io.goalpost.functions.beacon;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Base64;
import java.util.Map;

/** The answer to {@code GET /e.gif}: a 1×1 transparent GIF that no cache may keep (each load is an event). */
final class Pixel {

    /** A 1×1 transparent GIF89a (42 bytes), the one trackers have served for decades. */
    static final String GIF_BASE64 = "R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7";
    static final byte[] GIF = Base64.getDecoder().decode(GIF_BASE64);

    private Pixel() {
    }

    static APIGatewayV2HTTPResponse response() {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(200)
                .withHeaders(Map.of(
                        "content-type", "image/gif",
                        "cache-control", "no-store",
                        "x-content-type-options", "nosniff"))
                .withBody(GIF_BASE64)
                .withIsBase64Encoded(true)
                .build();
    }
}
