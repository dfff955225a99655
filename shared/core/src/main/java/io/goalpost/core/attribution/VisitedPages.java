package io.goalpost.core.attribution;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a page view is of a page-visit goal's page (SPEC §1 goal): compared on scheme-less host
 * and path, ignoring query, fragment and a trailing slash; the host in any case, the path exactly
 * (servers tell {@code /Thanks} from {@code /thanks}). Escapes are decoded before comparing, so
 * {@code /caf%C3%A9} is {@code /café}. A port other than 80 and 443 is part of the host: a test
 * server on {@code :8080} is another site.
 */
public final class VisitedPages {

  private VisitedPages() {
  }

  public static boolean same(String goalPageUrl, String visitedUrl) {
    Optional<String> goal = pageOf(goalPageUrl);
    return goal.isPresent() && goal.equals(pageOf(visitedUrl));
  }

  /** {@code host[:port]/path} without a trailing slash, or empty when it is no web URL. */
  static Optional<String> pageOf(String url) {
    if (url == null) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException notAUrl) {
      return Optional.empty();
    }
    if (uri.getHost() == null || uri.isOpaque()) {
      return Optional.empty();
    }
    StringBuilder page = new StringBuilder(uri.getHost().toLowerCase(Locale.ROOT));
    if (uri.getPort() != -1 && uri.getPort() != 80 && uri.getPort() != 443) {
      page.append(':').append(uri.getPort());
    }
    String path = Objects.requireNonNullElse(uri.getPath(), "");
    if (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return Optional.of(page.append(path).toString());
  }
}
