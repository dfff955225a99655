package io.goalpost.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves CloudFormation intrinsics ({@code Ref}, {@code Fn::GetAtt}, {@code Fn::Sub},
 * {@code Fn::If} with the template's conditions, {@code Fn::Join}, {@code Fn::Split},
 * {@code Fn::Select}, {@code Fn::Equals}/{@code Not}/{@code And}/{@code Or}) against local values:
 * parameter values, pseudo parameters, and what the local stack says each resource's
 * {@code Ref} and attributes are. An unknown reference is an error, never a silent empty string.
 */
public final class Intrinsics {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");
  private static final JsonNode NO_VALUE = NODES.objectNode().put("__NoValue__", true);

  private final Map<String, JsonNode> refs = new HashMap<>();
  private final Map<String, Map<String, String>> attributes;
  private final JsonNode conditions;

  /**
   * @param template       the template (its parameters and conditions)
   * @param parameterValues a value for each parameter (lists comma-separated)
   * @param resourceRefs   what {@code !Ref LogicalId} means locally (table name, queue URL, ...)
   * @param attributes     what {@code !GetAtt LogicalId.Attr} means locally
   * @param region         the value of {@code AWS::Region}
   */
  public Intrinsics(SamTemplate template, Map<String, String> parameterValues,
      Map<String, String> resourceRefs, Map<String, Map<String, String>> attributes,
      String region) {
    this.attributes = attributes;
    this.conditions = template.root().path("Conditions");
    template.parameters().forEach((name, p) -> {
      String value = parameterValues.containsKey(name) ? parameterValues.get(name) : p.defaultValue();
      if (value == null) {
        throw new IllegalArgumentException("no local value for parameter " + name);
      }
      if (p.isList()) {
        ArrayNode list = NODES.arrayNode();
        for (String item : value.split(",", -1)) {
          list.add(item.trim());
        }
        refs.put(name, list);
      } else {
        refs.put(name, TextNode.valueOf(value));
      }
    });
    resourceRefs.forEach((id, value) -> refs.put(id, TextNode.valueOf(value)));
    refs.put("AWS::Region", TextNode.valueOf(region));
    refs.put("AWS::AccountId", TextNode.valueOf("000000000000"));
    refs.put("AWS::Partition", TextNode.valueOf("aws"));
    refs.put("AWS::URLSuffix", TextNode.valueOf("amazonaws.com"));
    refs.put("AWS::StackName", TextNode.valueOf("goalpost-local"));
    refs.put("AWS::StackId", TextNode.valueOf(
        "arn:aws:cloudformation:" + region + ":000000000000:stack/goalpost-local/local"));
    refs.put("AWS::NoValue", NO_VALUE);
  }

  /** Resolves a value to a string; empty when it resolves to {@code AWS::NoValue}. */
  public Optional<String> resolveToString(JsonNode node) {
    JsonNode resolved = resolve(node);
    if (resolved == NO_VALUE) {
      return Optional.empty();
    }
    if (resolved.isArray()) {
      StringBuilder joined = new StringBuilder();
      resolved.forEach(item -> joined.append(joined.length() == 0 ? "" : ",").append(item.asText()));
      return Optional.of(joined.toString());
    }
    return Optional.of(resolved.asText());
  }

  /** Resolves every intrinsic inside {@code node}. */
  public JsonNode resolve(JsonNode node) {
    if (node.isObject() && node.size() == 1) {
      Map.Entry<String, JsonNode> only = node.fields().next();
      String fn = only.getKey();
      JsonNode arg = only.getValue();
      switch (fn) {
        case "Ref": return ref(arg.asText());
        case "Fn::GetAtt": return TextNode.valueOf(attribute(arg.get(0).asText(), arg.get(1).asText()));
        case "Fn::Sub": return TextNode.valueOf(sub(arg));
        case "Fn::If": return resolve(condition(arg.get(0).asText()) ? arg.get(1) : arg.get(2));
        case "Fn::Join": return join(arg);
        case "Fn::Split": return split(arg);
        case "Fn::Select": return resolve(arg.get(1)).get(resolve(arg.get(0)).asInt());
        case "Fn::Equals": case "Fn::Not": case "Fn::And": case "Fn::Or": case "Condition":
          return NODES.booleanNode(bool(node));
        default:
          if (fn.startsWith("Fn::")) {
            throw new IllegalArgumentException("intrinsic not supported locally: " + fn);
          }
      }
    }
    if (node.isObject()) {
      ObjectNode out = NODES.objectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode value = resolve(e.getValue());
        if (value != NO_VALUE) {
          out.set(e.getKey(), value);
        }
      }
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = NODES.arrayNode();
      node.forEach(item -> {
        JsonNode value = resolve(item);
        if (value != NO_VALUE) {
          out.add(value);
        }
      });
      return out;
    }
    return node;
  }

  /** Evaluates a named condition of the template's {@code Conditions} section. */
  public boolean condition(String name) {
    JsonNode definition = conditions.get(name);
    if (definition == null) {
      throw new IllegalArgumentException("no condition " + name);
    }
    return bool(definition);
  }

  private boolean bool(JsonNode node) {
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    Map.Entry<String, JsonNode> only = node.fields().next();
    JsonNode arg = only.getValue();
    switch (only.getKey()) {
      case "Fn::Equals": return resolve(arg.get(0)).asText().equals(resolve(arg.get(1)).asText());
      case "Fn::Not": return !bool(arg.get(0));
      case "Fn::And": for (JsonNode c : arg) { if (!bool(c)) return false; } return true;
      case "Fn::Or": for (JsonNode c : arg) { if (bool(c)) return true; } return false;
      case "Condition": return condition(arg.asText());
      default: return resolve(node).asBoolean();
    }
  }

  private JsonNode ref(String name) {
    JsonNode value = refs.get(name);
    if (value == null) {
      throw new IllegalArgumentException("!Ref to unknown name " + name);
    }
    return value;
  }

  private String attribute(String logicalId, String attribute) {
    String value = attributes.getOrDefault(logicalId, Map.of()).get(attribute);
    if (value == null) {
      throw new IllegalArgumentException("!GetAtt " + logicalId + "." + attribute + " has no local value");
    }
    return value;
  }

  private String sub(JsonNode arg) {
    String text = arg.isArray() ? arg.get(0).asText() : arg.asText();
    Map<String, String> locals = new HashMap<>();
    if (arg.isArray() && arg.size() > 1) {
      arg.get(1).fields().forEachRemaining(e -> locals.put(e.getKey(), resolve(e.getValue()).asText()));
    }
    Matcher m = SUB_VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String value;
      if (locals.containsKey(name)) {
        value = locals.get(name);
      } else if (name.contains(".") && !name.startsWith("AWS::")) {
        int dot = name.indexOf('.');
        value = attribute(name.substring(0, dot), name.substring(dot + 1));
      } else {
        value = ref(name).asText();
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    // ${!Literal} is CloudFormation's escape for a literal ${Literal}.
    return out.toString().replace("${!", "${");
  }

  private JsonNode join(JsonNode arg) {
    String delimiter = arg.get(0).asText();
    StringBuilder out = new StringBuilder();
    JsonNode items = resolve(arg.get(1));
    for (int i = 0; i < items.size(); i++) {
      out.append(i == 0 ? "" : delimiter).append(items.get(i).asText());
    }
    return TextNode.valueOf(out.toString());
  }

  private JsonNode split(JsonNode arg) {
    ArrayNode out = NODES.arrayNode();
    for (String part : resolve(arg.get(1)).asText().split(Pattern.quote(arg.get(0).asText()), -1)) {
      out.add(part);
    }
    return out;
  }
}
