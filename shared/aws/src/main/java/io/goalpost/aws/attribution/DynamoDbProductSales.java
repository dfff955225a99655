package io.goalpost.aws.attribution;

import static io.goalpost.aws.attribution.Attributes.s;
import static io.goalpost.aws.attribution.Attributes.sortable;
import static io.goalpost.aws.attribution.Attributes.text;

import io.goalpost.core.attribution.Conversion;
import io.goalpost.core.reconciliation.ProductSales;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A product's sales by time in the Goalpost table (docs/decisions/009): pk {@code SALES#<productId>},
 * sk {@code <sortable time>#<conversionId>}, holding the conversion id. One plain put per sale (the
 * same item every time), one consistent {@code Query} with {@code BETWEEN} per report.
 */
public final class DynamoDbProductSales implements ProductSales {

  private final DynamoDbClient dynamoDb;
  private final String tableName;

  public DynamoDbProductSales(DynamoDbClient dynamoDb, String tableName) {
    this.dynamoDb = dynamoDb;
    this.tableName = tableName;
  }

  private static String pk(String productId) {
    return "SALES#" + productId;
  }

  @Override
  public void note(Conversion sale) {
    if (sale.kind() != Conversion.Kind.SALE) {
      throw new IllegalArgumentException("only sales are noted by product: " + sale.id());
    }
    dynamoDb.putItem(put -> put.tableName(tableName).item(Map.of(
        "pk", s(pk(sale.productId())), "sk", s(sortable(sale.at()) + "#" + sale.id()),
        "kind", s("product-sale"), "conversionId", s(sale.id()))));
  }

  @Override
  public List<String> between(String productId, LocalDate from, LocalDate to) {
    // Sort keys start with the day: every key of day d is above "d" and below "d~" ('T' < '~').
    return dynamoDb.queryPaginator(query -> query.tableName(tableName)
            .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
            .expressionAttributeValues(Map.of(":pk", s(pk(productId)), ":from", s(from.toString()),
                ":to", s(to + "~")))
            .consistentRead(true))
        .items().stream()
        .map(item -> text(item, "conversionId"))
        .toList();
  }
}
