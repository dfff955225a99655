package io.goalpost.aws.wiring;

import io.goalpost.core.access.ApiKeys;
import io.goalpost.core.link.Links;

/**
 * What the api function's handler works with. {@code publicBaseUrl} is empty when tracking links
 * take the host the API was called on.
 */
public record ApiDependencies(Links links, ApiKeys apiKeys, String publicBaseUrl) {
}
