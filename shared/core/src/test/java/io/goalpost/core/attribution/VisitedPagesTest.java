package io.goalpost.core.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VisitedPagesTest {

  @ParameterizedTest(name = "{0} is the page of {1}")
  @CsvSource({
      "https://shop.example.com/thanks, https://shop.example.com/thanks",
      "https://shop.example.com/thanks, http://shop.example.com/thanks",
      "https://shop.example.com/thanks/, https://shop.example.com/thanks",
      "https://shop.example.com/thanks, https://shop.example.com/thanks/",
      "https://Shop.EXAMPLE.com/thanks, https://shop.example.com/thanks",
      "https://shop.example.com/thanks?step=2#top, https://shop.example.com/thanks?utm_source=fb",
      "https://shop.example.com, https://shop.example.com/",
      "https://shop.example.com:443/thanks, http://shop.example.com:80/thanks",
      "https://shop.example.com/caf%C3%A9, https://shop.example.com/caf%c3%a9",
      "https://shop.example.com:8080/thanks, http://shop.example.com:8080/thanks/",
  })
  void matchesTheSamePage(String goalPage, String visited) {
    assertThat(VisitedPages.same(goalPage, visited)).isTrue();
  }

  @ParameterizedTest(name = "{0} is not the page of {1}")
  @CsvSource({
      "https://shop.example.com/thanks, https://shop.example.com/Thanks",
      "https://shop.example.com/thanks, https://shop.example.com/thanks/more",
      "https://shop.example.com/thanks, https://www.shop.example.com/thanks",
      "https://shop.example.com/thanks, https://shop.example.com:8080/thanks",
      "https://shop.example.com/thanks, https://shop.example.com/thank",
      "https://shop.example.com/thanks, not a url",
      "https://shop.example.com/thanks, mailto:someone@example.com",
  })
  void doesNotMatchAnotherPage(String goalPage, String visited) {
    assertThat(VisitedPages.same(goalPage, visited)).isFalse();
  }
}
