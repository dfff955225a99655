package io.goalpost.local.stack;

import io.goalpost.local.template.SamTemplate.TableDef;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** dynalite, a client for it, and the template's tables in it. */
final class LocalDynamoDb implements AutoCloseable {

  private final Dynalite dynalite;
  private final DynamoDbClient client;
  private final Map<String, DynamoDbTables.Created> tables = new LinkedHashMap<>();

  private LocalDynamoDb(Dynalite dynalite) {
    this.dynalite = dynalite;
    this.client = DynamoDbClient.builder()
        .endpointOverride(dynalite.endpoint())
        .region(LocalStack.region())
        .credentialsProvider(LocalStack.credentials())
        .httpClientBuilder(LocalStack.httpClient())
        .build();
  }

  static LocalDynamoDb start(List<TableDef> tables) {
    LocalDynamoDb local = new LocalDynamoDb(Dynalite.start());
    try {
      DynamoDbTables creator = new DynamoDbTables(local.client);
      tables.forEach(t -> local.tables.put(t.logicalId(), creator.create(t)));
      return local;
    } catch (RuntimeException e) {
      local.close();
      throw e;
    }
  }

  URI endpoint() {
    return dynalite.endpoint();
  }

  DynamoDbClient client() {
    return client;
  }

  Map<String, DynamoDbTables.Created> tables() {
    return tables;
  }

  DynamoDbTables.Created table(String logicalId) {
    DynamoDbTables.Created table = tables.get(logicalId);
    if (table == null) {
      throw new IllegalArgumentException("no table " + logicalId + " in the template; tables: "
          + tables.keySet());
    }
    return table;
  }

  void reset() {
    DynamoDbTables emptier = new DynamoDbTables(client);
    tables.values().forEach(emptier::empty);
  }

  @Override
  public void close() {
    try {
      client.close();
    } finally {
      dynalite.close();
    }
  }
}
