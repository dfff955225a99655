package io.goalpost.testing;

import io.goalpost.core.lead.LeadLineages;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Lead lineages in memory; {@link LeadLineagesContract} keeps it honest against the DynamoDB one. */
public final class InMemoryLeadLineages implements LeadLineages {

  private final Map<String, TreeSet<String>> clicksByLead = new HashMap<>();
  private final Map<String, TreeSet<String>> leadsByClick = new HashMap<>();
  private final Map<String, TreeSet<String>> personalisedLeadsByClick = new HashMap<>();
  private final Map<String, TreeSet<String>> conversionsByLead = new HashMap<>();
  private final Map<String, String> erased = new HashMap<>();

  @Override
  public synchronized void addClick(String leadId, String clickId) {
    leadsByClick.computeIfAbsent(clickId, c -> new TreeSet<>()).add(leadId);
    clicksByLead.computeIfAbsent(leadId, l -> new TreeSet<>()).add(clickId);
  }

  @Override
  public synchronized List<String> clicksOf(String leadId) {
    return List.copyOf(clicksByLead.getOrDefault(leadId, new TreeSet<>()));
  }

  @Override
  public synchronized List<String> leadsOfClick(String clickId) {
    return List.copyOf(leadsByClick.getOrDefault(clickId, new TreeSet<>()));
  }

  @Override
  public synchronized void addPersonalisedClick(String leadId, String clickId) {
    addClick(leadId, clickId);
    personalisedLeadsByClick.computeIfAbsent(clickId, c -> new TreeSet<>()).add(leadId);
  }

  @Override
  public synchronized List<String> leadsOfPersonalisedClick(String clickId) {
    return List.copyOf(personalisedLeadsByClick.getOrDefault(clickId, new TreeSet<>()));
  }

  @Override
  public synchronized void referConversion(String leadId, String conversionId) {
    conversionsByLead.computeIfAbsent(leadId, l -> new TreeSet<>()).add(conversionId);
  }

  @Override
  public synchronized List<String> conversionsOf(String leadId) {
    return List.copyOf(conversionsByLead.getOrDefault(leadId, new TreeSet<>()));
  }

  @Override
  public synchronized void markErased(String visitorId, String leadId) {
    erased.put(visitorId, leadId);
  }

  @Override
  public synchronized boolean isErased(String visitorId) {
    return erased.containsKey(visitorId);
  }

  @Override
  public synchronized void erase(String leadId) {
    clicksByLead.getOrDefault(leadId, new TreeSet<>()).forEach(click -> {
      TreeSet<String> leads = leadsByClick.get(click);
      if (leads != null) {
        leads.remove(leadId);
      }
      TreeSet<String> personalised = personalisedLeadsByClick.get(click);
      if (personalised != null) {
        personalised.remove(leadId);
      }
    });
    clicksByLead.remove(leadId);
    conversionsByLead.remove(leadId);
  }
}
