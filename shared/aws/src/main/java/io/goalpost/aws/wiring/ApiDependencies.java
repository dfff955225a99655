package io.goalpost.aws.wiring;

import io.goalpost.core.access.ApiKeys;
import io.goalpost.core.lead.Leads;
import io.goalpost.core.link.Links;
import io.goalpost.core.product.ProductStatistics;
import io.goalpost.core.stats.ChannelStatistics;
import io.goalpost.core.stats.LinkStatistics;

/**
 * What the api function's handler works with. {@code publicBaseUrl} is empty when tracking links
 * take the host the API was called on. {@code leads} may be null in tests of other routes: the
 * lead routes then answer 404.
 */
public record ApiDependencies(Links links, LinkStatistics linkStatistics, ChannelStatistics channelStatistics,
        ApiKeys apiKeys, String publicBaseUrl, ProductStatistics productStatistics, Leads leads) {

    public ApiDependencies(Links links, LinkStatistics linkStatistics, ChannelStatistics channelStatistics,
            ApiKeys apiKeys, String publicBaseUrl, ProductStatistics productStatistics) {
        this(links, linkStatistics, channelStatistics, apiKeys, publicBaseUrl, productStatistics, null);
    }
}
