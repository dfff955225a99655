package io.goalpost.core.product;

import io.goalpost.core.link.GoalType;
import io.goalpost.core.link.Link;
import io.goalpost.core.link.LinkPosition;
import io.goalpost.core.link.LinkStore;
import io.goalpost.core.link.LinkUpdate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A link store that puts the product of a link's purchase goal into the catalog as the link is
 * stored, so the product is listed from the moment a link aims at it. The product goes in first:
 * a failure in between then leaves a listed product without its link (a row of zeros), never a
 * link whose product cannot be found; a refused slug may leave the same harmless row.
 */
public final class CataloguingLinkStore implements LinkStore {

    private final LinkStore links;
    private final ProductCatalog catalog;

    public CataloguingLinkStore(LinkStore links, ProductCatalog catalog) {
        this.links = Objects.requireNonNull(links);
        this.catalog = Objects.requireNonNull(catalog);
    }

    @Override
    public boolean create(Link link) {
        if (link.goal() != null && link.goal().type() == GoalType.PURCHASE && link.goal().productId() != null) {
            catalog.register(link.goal().productId(), link.createdAt());
        }
        return links.create(link);
    }

    @Override
    public Optional<Link> find(String slug) {
        return links.find(slug);
    }

    @Override
    public List<Link> newestFirst(int count, LinkPosition after) {
        return links.newestFirst(count, after);
    }

    /** A goal never changes (SPEC §3), so an update has no product to catalogue. */
    @Override
    public Optional<Link> update(String slug, LinkUpdate update) {
        return links.update(slug, update);
    }

    @Override
    public boolean archive(String slug) {
        return links.archive(slug);
    }
}
