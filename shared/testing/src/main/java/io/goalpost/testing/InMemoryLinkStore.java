package io.goalpost.testing;

import io.goalpost.core.link.Link;
import io.goalpost.core.link.LinkPosition;
import io.goalpost.core.link.LinkStore;
import io.goalpost.core.link.LinkUpdate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A LinkStore in a map; {@link LinkStoreContract} keeps it honest against the DynamoDB one. */
public final class InMemoryLinkStore implements LinkStore {

    private final Map<String, Link> links = new ConcurrentHashMap<>();

    @Override
    public boolean create(Link link) {
        return links.putIfAbsent(link.slug(), link) == null;
    }

    @Override
    public Optional<Link> find(String slug) {
        return Optional.ofNullable(links.get(slug));
    }

    @Override
    public List<Link> newestFirst(int count, LinkPosition after) {
        return links.values().stream()
                .filter(link -> after == null || LinkPosition.NEWEST_FIRST.compare(LinkPosition.of(link), after) > 0)
                .sorted((a, b) -> LinkPosition.NEWEST_FIRST.compare(LinkPosition.of(a), LinkPosition.of(b)))
                .limit(count)
                .toList();
    }

    @Override
    public Optional<Link> update(String slug, LinkUpdate update) {
        return Optional.ofNullable(links.computeIfPresent(slug, (key, link) -> update.applyTo(link)));
    }

    @Override
    public boolean archive(String slug) {
        return links.computeIfPresent(slug, (key, link) -> new Link(link.slug(), link.name(), link.destination(),
                link.channel(), link.campaign(), link.goal(), link.attributionWindowDays(), link.countRebills(),
                link.createdAt(), true)) != null;
    }

    /** How many links are stored: lets a test show a refused request left nothing behind. */
    public int size() {
        return links.size();
    }
}
