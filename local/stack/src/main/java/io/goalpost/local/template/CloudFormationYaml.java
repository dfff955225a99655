package io.goalpost.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads CloudFormation YAML into a Jackson tree, turning the short-form intrinsic tags
 * ({@code !Ref}, {@code !GetAtt}, {@code !Sub}, {@code !If}, ...) into their long JSON forms
 * ({@code {"Ref": ...}}, {@code {"Fn::GetAtt": [...]}}), so the rest of the code sees one shape.
 */
final class CloudFormationYaml {

  private static final List<String> FUNCTIONS = List.of(
      "Base64", "Cidr", "FindInMap", "GetAtt", "GetAZs", "ImportValue", "Join", "Select",
      "Split", "Sub", "Transform", "And", "Equals", "If", "Not", "Or", "Condition", "ToJsonString",
      "Length");

  private CloudFormationYaml() {}

  static JsonNode read(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Object tree = new Yaml(new IntrinsicConstructor()).load(reader);
      return new ObjectMapper().valueToTree(tree);
    }
  }

  static JsonNode read(String yaml) {
    Object tree = new Yaml(new IntrinsicConstructor()).load(yaml);
    return new ObjectMapper().valueToTree(tree);
  }

  private static final class IntrinsicConstructor extends SafeConstructor {
    IntrinsicConstructor() {
      super(new LoaderOptions());
      yamlConstructors.put(new Tag("!Ref"), new Intrinsic("Ref"));
      for (String name : FUNCTIONS) {
        String longForm = name.equals("Condition") ? "Condition" : "Fn::" + name;
        yamlConstructors.put(new Tag("!" + name), new Intrinsic(longForm));
      }
    }

    private final class Intrinsic extends AbstractConstruct {
      private final String key;

      Intrinsic(String key) {
        this.key = key;
      }

      @Override
      public Object construct(Node node) {
        Object value;
        if (node instanceof ScalarNode scalar) {
          value = scalar.getValue();
          // !GetAtt Resource.Attribute is the scalar spelling of ["Resource", "Attribute"].
          if (key.equals("Fn::GetAtt")) {
            String text = (String) value;
            int dot = text.indexOf('.');
            value = List.of(text.substring(0, dot), text.substring(dot + 1));
          }
        } else if (node instanceof SequenceNode sequence) {
          value = constructSequence(sequence);
        } else {
          value = constructMapping((MappingNode) node);
        }
        Map<String, Object> wrapped = new LinkedHashMap<>();
        wrapped.put(key, value);
        return wrapped;
      }
    }
  }
}
