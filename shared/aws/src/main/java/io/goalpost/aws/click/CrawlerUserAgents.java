package io.goalpost.aws.click;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.goalpost.core.click.BotUserAgents;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The bot list the redirect uses: the npm package crawler-user-agents, pinned by
 * shared/aws/package-lock.json and copied into this jar by the build (shared/aws/pom.xml). To
 * take a newer list, change the version in package.json, run {@code npm install
 * --package-lock-only}, and let the tests say whether every pattern still compiles in Java.
 */
public final class CrawlerUserAgents {

  static final String RESOURCE = "crawler-user-agents.json";

  private CrawlerUserAgents() {
  }

  /** The list's patterns (plus Goalpost's additions), compiled; read once per container. */
  public static BotUserAgents load() {
    return BotUserAgents.matching(patterns());
  }

  static List<String> patterns() {
    try (InputStream in = CrawlerUserAgents.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath: build shared/aws with Maven");
      }
      List<String> patterns = new ArrayList<>();
      for (JsonNode entry : new ObjectMapper().readTree(in)) {
        JsonNode pattern = entry.get("pattern");
        if (pattern == null || !pattern.isTextual()) {
          throw new IllegalStateException(RESOURCE + " has an entry without a text pattern");
        }
        patterns.add(pattern.textValue());
      }
      return patterns;
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }
}
