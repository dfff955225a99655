package io.goalpost.core.click;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Bots by a maintained list of user-agent patterns (crawler-user-agents), plus the link-preview
 * fetchers and prefetchers that list lacks. A request without a user agent is a bot: every
 * browser sends one (docs/decisions/002-bots-and-unique-clicks.md).
 *
 * <p>Patterns are case-sensitive, as the list is written (JavaScript regular expressions, used as
 * {@code new RegExp(pattern)}), and found anywhere in the user agent. Built once per container:
 * one alternation of ~1,500 patterns costs ~2 ms per user agent in Java's backtracking engine,
 * because every alternative is tried at every position. Nearly all of them are plain text, so
 * those go into an index by their first two characters (a position costs one lookup); each of
 * the few real regular expressions (~40) runs only when a piece of text it cannot match without
 * is in the user agent.
 */
public final class BotUserAgents implements UserAgents {

  /**
   * Fetchers that open a link to show or check it, not because a person clicked, and that the
   * list does not name (each is tested with a user agent it sends).
   */
  static final List<String> ADDITIONS = List.of(
      "Google-PageRenderer",
      // Bluesky's link cards.
      "Cardyb",
      // Word, Excel and Outlook check a link before they hand it to the browser.
      "Microsoft Office Existence Discovery",
      "Microsoft Office (?:Word|Excel|PowerPoint)",
      "ms-office; MSOffice");

  private static final Pattern ESCAPED_PUNCTUATION = Pattern.compile("\\\\([^A-Za-z0-9])");
  private static final Pattern METACHARACTER = Pattern.compile("[.^$*+?()\\[\\]{}|\\\\]");
  private static final int KEY_LENGTH = 2;

  /** A real regular expression, and text every match contains (empty when none is known). */
  private record Expression(Pattern pattern, String requiredText) {

    boolean findIn(String userAgent) {
      return userAgent.contains(requiredText) && pattern.matcher(userAgent).find();
    }
  }

  private final Map<Integer, List<String>> literalsByStart;
  private final List<Expression> expressions;

  private BotUserAgents(Map<Integer, List<String>> literalsByStart, List<Expression> expressions) {
    this.literalsByStart = literalsByStart;
    this.expressions = expressions;
  }

  /**
   * The list's patterns and {@link #ADDITIONS}.
   *
   * @throws IllegalArgumentException naming a pattern Java cannot compile, so a list update that
   *     brings one fails the build's tests rather than a redirect
   */
  public static BotUserAgents matching(Collection<String> listPatterns) {
    List<String> all = new ArrayList<>(listPatterns);
    all.addAll(ADDITIONS);
    Map<Integer, List<String>> literals = new HashMap<>();
    List<Expression> expressions = new ArrayList<>();
    for (String pattern : all) {
      Pattern compiled;
      try {
        compiled = Pattern.compile(pattern);
      } catch (PatternSyntaxException notJava) {
        throw new IllegalArgumentException("bot pattern does not compile in Java: " + pattern, notJava);
      }
      Optional<String> literal = literalOf(pattern);
      if (literal.isPresent()) {
        literals.computeIfAbsent(key(literal.get(), 0), k -> new ArrayList<>()).add(literal.get());
      } else {
        expressions.add(new Expression(compiled, requiredTextOf(pattern)));
      }
    }
    return new BotUserAgents(literals, List.copyOf(expressions));
  }

  @Override
  public boolean isBot(String userAgent) {
    if (userAgent == null || userAgent.isBlank()) {
      return true;
    }
    for (int start = 0; start + KEY_LENGTH <= userAgent.length(); start++) {
      List<String> candidates = literalsByStart.get(key(userAgent, start));
      if (candidates != null) {
        for (String literal : candidates) {
          if (userAgent.startsWith(literal, start)) {
            return true;
          }
        }
      }
    }
    for (Expression expression : expressions) {
      if (expression.findIn(userAgent)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The text a pattern matches when it is plain text (escaped punctuation such as {@code \/}
   * allowed) of at least {@value #KEY_LENGTH} characters; empty when it is a real expression.
   */
  static Optional<String> literalOf(String pattern) {
    String withoutEscapes = ESCAPED_PUNCTUATION.matcher(pattern).replaceAll("");
    if (METACHARACTER.matcher(withoutEscapes).find()) {
      return Optional.empty();
    }
    String literal = ESCAPED_PUNCTUATION.matcher(pattern).replaceAll("$1");
    return literal.length() < KEY_LENGTH ? Optional.empty() : Optional.of(literal);
  }

  /**
   * The longest run of plain characters every match of the pattern contains: outside groups and
   * classes, not made optional by a quantifier, in a pattern without a top-level {@code |}. Empty
   * when there is none, and then the expression always runs; a wrong answer here could only let
   * a bot through, so anything unclear gives up.
   */
  static String requiredTextOf(String pattern) {
    String best = "";
    StringBuilder run = new StringBuilder();
    int depth = 0;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      boolean quantified = i + 1 < pattern.length() && "?*{+".indexOf(pattern.charAt(i + 1)) >= 0;
      if (c == '\\' && i + 1 < pattern.length()) {
        char escaped = pattern.charAt(++i);
        quantified = i + 1 < pattern.length() && "?*{+".indexOf(pattern.charAt(i + 1)) >= 0;
        if (depth == 0 && !Character.isLetterOrDigit(escaped) && !quantified) {
          run.append(escaped);
          continue;
        }
      } else if (c == '|' && depth == 0) {
        return "";
      } else if (c == '(' || c == '[') {
        depth++;
      } else if (c == ')' || c == ']') {
        depth--;
      } else if (depth == 0 && !quantified && ".^$*+?{}".indexOf(c) < 0) {
        run.append(c);
        continue;
      }
      best = run.length() > best.length() ? run.toString() : best;
      run.setLength(0);
    }
    return run.length() > best.length() ? run.toString() : best;
  }

  private static int key(String text, int start) {
    return text.charAt(start) << 16 | text.charAt(start + 1);
  }
}
