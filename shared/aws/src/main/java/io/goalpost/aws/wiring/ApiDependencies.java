package io.goalpost.aws.wiring;

import io.goalpost.core.access.ApiKeys;
import io.goalpost.core.link.Links;
import io.goalpost.core.product.ProductStatistics;
import io.goalpost.core.stats.ChannelStatistics;
import io.goalpost.core.stats.LinkStatistics;

/**
 * What the api function's handler works with. {@code publicBaseUrl} is empty when tracking links
 * take the host the API was called on.
 */
public record ApiDependencies(Links links, LinkStatistics linkStatistics, ChannelStatistics channelStatistics,
        ApiKeys apiKeys, String publicBaseUrl, ProductStatistics productStatistics) {
}
