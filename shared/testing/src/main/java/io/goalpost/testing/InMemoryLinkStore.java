package io.goalpost.testing;

import io.goalpost.core.link.Link;
import io.goalpost.core.link.LinkStore;
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

    /** How many links are stored: lets a test show a refused request left nothing behind. */
    public int size() {
        return links.size();
    }
}
