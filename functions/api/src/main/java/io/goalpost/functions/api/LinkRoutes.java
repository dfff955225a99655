package io.goalpost.functions.api;

import static io.goalpost.aws.http.HttpResponses.error;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.goalpost.aws.http.ErrorCode;
import io.goalpost.aws.http.HttpRequests;
import io.goalpost.aws.http.HttpResponses;
import io.goalpost.core.link.CreateLinkResult;
import io.goalpost.core.link.Link;
import io.goalpost.core.link.Links;
import io.goalpost.core.link.NewLink;
import java.util.Map;

/** POST /api/links and GET /api/links/{slug}: HTTP in, one call to {@link Links}, HTTP out. */
final class LinkRoutes {

    static final int MAX_BODY_BYTES = 16 * 1024;

    private final Links links;
    private final TrackingUrls urls;
    private final LinkJson json = new LinkJson();

    LinkRoutes(Links links, TrackingUrls urls) {
        this.links = links;
        this.urls = urls;
    }

    APIGatewayV2HTTPResponse create(APIGatewayV2HTTPEvent event) {
        if (!HttpRequests.hasContentType(event, "application/json")) {
            return error(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "content-type must be application/json");
        }
        byte[] body;
        try {
            body = HttpRequests.body(event);
        } catch (IllegalArgumentException notBase64) {
            return error(ErrorCode.BAD_REQUEST, "body is flagged as base64 but is not");
        }
        if (body.length > MAX_BODY_BYTES) {
            return error(ErrorCode.PAYLOAD_TOO_LARGE, "body must be at most " + MAX_BODY_BYTES + " bytes");
        }
        NewLink request;
        try {
            request = json.read(body);
        } catch (BadRequest unreadable) {
            return error(ErrorCode.BAD_REQUEST, unreadable.getMessage());
        }
        CreateLinkResult result = links.create(request);
        if (result instanceof CreateLinkResult.Created created) {
            Link link = created.link();
            return HttpResponses.json(201, json.write(link, urls.of(link.slug(), event)),
                    Map.of("location", "/api/links/" + link.slug()));
        }
        if (result instanceof CreateLinkResult.Invalid invalid) {
            return error(ErrorCode.BAD_REQUEST, invalid.message());
        }
        return error(ErrorCode.CONFLICT, "slug " + ((CreateLinkResult.SlugTaken) result).slug() + " is taken");
    }

    APIGatewayV2HTTPResponse get(APIGatewayV2HTTPEvent event) {
        return HttpRequests.pathParameter(event, "slug")
                .flatMap(links::find)
                .map(link -> HttpResponses.json(200, json.write(link, urls.of(link.slug(), event))))
                .orElseGet(() -> error(ErrorCode.NOT_FOUND, "no link has this slug"));
    }
}
