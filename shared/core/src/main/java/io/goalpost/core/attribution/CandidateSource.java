package io.goalpost.core.attribution;

import io.goalpost.core.click.Click;
import java.util.List;

/**
 * One way a conversion reaches clicks (SPEC §3 Attribution): the click its click id names, the
 * clicks in its visitor's lineage, those of its lead. Each source answers both directions, so a
 * conversion finds its candidates and a late click finds the conversions it may change; later
 * issues add sources, not branches.
 */
public interface CandidateSource {

  /** The clicks this source offers for the conversion, before goals and windows are checked. */
  List<Candidate> candidatesOf(Conversion conversion);

  /** The ids of the conversions that may have this click as a candidate through this source. */
  List<String> conversionsReachedBy(Click click);
}
