package io.goalpost.local.template;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Values for the template's parameters when it runs on a laptop. Secrets ({@code NoEcho}) get
 * fixed, printed, obviously-local values, so that a developer can call the API and sign test
 * webhooks; everything else takes its default unless overridden.
 */
public final class LocalParameters {

  /** The API key the dev server accepts; {@code ApiKeyHashes} is set to its SHA-256. */
  public static final String LOCAL_API_KEY = "gp_local_dev_key";

  private LocalParameters() {}

  /**
   * @param overrides values that win over defaults (e.g. {@code PublicBaseUrl} of the dev server)
   */
  public static Map<String, String> forTemplate(SamTemplate template, Map<String, String> overrides) {
    Map<String, String> values = new LinkedHashMap<>();
    template.parameters().forEach((name, p) -> {
      String value;
      if (overrides.containsKey(name)) {
        value = overrides.get(name);
      } else if (name.equals("ApiKeyHashes")) {
        value = sha256Hex(LOCAL_API_KEY);
      } else if (p.noEcho()) {
        value = localSecret(name);
      } else if (p.defaultValue() != null) {
        value = p.defaultValue();
      } else {
        throw new IllegalArgumentException("parameter " + name + " has no default and no local value");
      }
      values.put(name, value);
    });
    return values;
  }

  /** A deterministic, clearly-not-production secret, long enough for any MinLength we declare. */
  public static String localSecret(String parameterName) {
    if (parameterName.endsWith("WebhookSecret")) {
      // Standard Webhooks secrets are "whsec_" + base64 of the key bytes.
      return "whsec_" + java.util.Base64.getEncoder().encodeToString(
          ("local-" + parameterName + "-0123456789").getBytes(StandardCharsets.UTF_8));
    }
    return "local-" + parameterName + "-not-secret-0123456789abcdef";
  }

  public static String sha256Hex(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
