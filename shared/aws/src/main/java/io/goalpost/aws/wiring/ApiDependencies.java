package io.goalpost.aws.wiring;

import io.goalpost.core.access.ApiKeys;
import io.goalpost.core.lead.Leads;
import io.goalpost.core.link.Links;
import io.goalpost.core.product.ProductStatistics;
import io.goalpost.core.reconciliation.Reconciliation;
import io.goalpost.core.stats.ChannelStatistics;
import io.goalpost.core.stats.LinkStatistics;

/**
 * What the api function's handler works with. {@code publicBaseUrl} is empty when tracking links
 * take the host the API was called on. {@code leads} and {@code reconciliation} may be null in
 * tests of other routes: their routes then answer 404.
 */
public record ApiDependencies(Links links, LinkStatistics linkStatistics, ChannelStatistics channelStatistics,
        ApiKeys apiKeys, String publicBaseUrl, ProductStatistics productStatistics, Leads leads,
        Reconciliation reconciliation) {

    public ApiDependencies(Links links, LinkStatistics linkStatistics, ChannelStatistics channelStatistics,
            ApiKeys apiKeys, String publicBaseUrl, ProductStatistics productStatistics, Leads leads) {
        this(links, linkStatistics, channelStatistics, apiKeys, publicBaseUrl, productStatistics, leads, null);
    }

    public ApiDependencies(Links links, LinkStatistics linkStatistics, ChannelStatistics channelStatistics,
            ApiKeys apiKeys, String publicBaseUrl, ProductStatistics productStatistics) {
        this(links, linkStatistics, channelStatistics, apiKeys, publicBaseUrl, productStatistics, null, null);
    }
}
