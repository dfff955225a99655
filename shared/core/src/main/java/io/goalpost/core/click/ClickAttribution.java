package io.goalpost.core.click;

/**
 * What a newly recorded click may change in attribution: the conversions it could be a candidate
 * of are evaluated again, so a click that arrives after its sale still wins the credit.
 */
@FunctionalInterface
public interface ClickAttribution {

  void reconsider(Click click);
}
