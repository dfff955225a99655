package io.goalpost.aws.config;

import io.goalpost.core.attribution.AttributionModel;
import java.util.Map;

/**
 * The attribution worker's configuration, read once from its environment (template.yaml sets
 * each variable): the table, the events queue the outbox is re-driven to, and the model.
 */
/** {@code emailHashKey}: the worker hashes payment emails to find their leads (docs/decisions/007). */
public record WorkerConfig(String tableName, String eventsQueueUrl, AttributionModel attributionModel,
    String emailHashKey) {

  public static final String ATTRIBUTION_MODEL = "ATTRIBUTION_MODEL";

  public static WorkerConfig from(Map<String, String> env) {
    return new WorkerConfig(required(env, GoalpostConfig.TABLE_NAME), required(env, GoalpostConfig.EVENTS_QUEUE_URL),
        model(env.get(ATTRIBUTION_MODEL)), required(env, GoalpostConfig.EMAIL_HASH_KEY));
  }

  private static AttributionModel model(String value) {
    if (value == null || value.isBlank()) {
      return AttributionModel.LAST_TOUCH;
    }
    try {
      return AttributionModel.fromWireName(value.trim());
    } catch (IllegalArgumentException unknown) {
      throw new IllegalStateException(ATTRIBUTION_MODEL + " must be last_touch or first_touch", unknown);
    }
  }

  private static String required(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("environment variable " + name + " is not set");
    }
    return value.trim();
  }
}
