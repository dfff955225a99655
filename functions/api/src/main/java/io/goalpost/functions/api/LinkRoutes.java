package io.goalpost.functions.api;

import static io.goalpost.aws.http.HttpResponses.error;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.goalpost.aws.http.ErrorCode;
import io.goalpost.aws.http.HttpRequests;
import io.goalpost.aws.http.HttpResponses;
import io.goalpost.core.link.ChangeLinkResult;
import io.goalpost.core.link.CreateLinkResult;
import io.goalpost.core.link.Link;
import io.goalpost.core.link.LinkChange;
import io.goalpost.core.link.Links;
import io.goalpost.core.link.ListLinksResult;
import io.goalpost.core.link.NewLink;
import java.util.Map;

/** /api/links and /api/links/{slug}: HTTP in, one call to {@link Links}, HTTP out. */
final class LinkRoutes {

    private static final String NO_SUCH_LINK = "no link has this slug";

    private final Links links;
    private final TrackingUrls urls;
    private final LinkJson json = new LinkJson();

    LinkRoutes(Links links, TrackingUrls urls) {
        this.links = links;
        this.urls = urls;
    }

    APIGatewayV2HTTPResponse create(APIGatewayV2HTTPEvent event) {
        NewLink request;
        try {
            request = json.read(JsonBodies.of(event));
        } catch (BadRequest unreadable) {
            return unreadable.response();
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

    APIGatewayV2HTTPResponse list(APIGatewayV2HTTPEvent event) {
        Map<String, String> query = event.getQueryStringParameters() == null ? Map.of() : event.getQueryStringParameters();
        ListLinksResult result = links.list(query.get("limit"), query.get("cursor"));
        if (result instanceof ListLinksResult.Page page) {
            return HttpResponses.json(200, json.writePage(page.items(), page.nextCursor(),
                    link -> urls.of(link.slug(), event)));
        }
        return error(ErrorCode.BAD_REQUEST, ((ListLinksResult.Invalid) result).message());
    }

    APIGatewayV2HTTPResponse get(APIGatewayV2HTTPEvent event) {
        return HttpRequests.pathParameter(event, "slug")
                .flatMap(links::find)
                .map(link -> HttpResponses.json(200, json.write(link, urls.of(link.slug(), event))))
                .orElseGet(() -> error(ErrorCode.NOT_FOUND, NO_SUCH_LINK));
    }

    APIGatewayV2HTTPResponse change(APIGatewayV2HTTPEvent event) {
        LinkChange change;
        try {
            change = json.readChange(JsonBodies.of(event));
        } catch (BadRequest unreadable) {
            return unreadable.response();
        }
        ChangeLinkResult result = links.change(HttpRequests.pathParameter(event, "slug").orElse(null), change);
        if (result instanceof ChangeLinkResult.Changed changed) {
            return HttpResponses.json(200, json.write(changed.link(), urls.of(changed.link().slug(), event)));
        }
        if (result instanceof CreateLinkResult.Invalid invalid) {
            return error(ErrorCode.BAD_REQUEST, invalid.message());
        }
        return error(ErrorCode.NOT_FOUND, NO_SUCH_LINK);
    }

    /** Archiving is idempotent: an archived link archived again answers 204 too. */
    APIGatewayV2HTTPResponse archive(APIGatewayV2HTTPEvent event) {
        if (!links.archive(HttpRequests.pathParameter(event, "slug").orElse(null))) {
            return error(ErrorCode.NOT_FOUND, NO_SUCH_LINK);
        }
        return HttpResponses.withHeaders(204, Map.of("cache-control", "no-store"), "");
    }
}
