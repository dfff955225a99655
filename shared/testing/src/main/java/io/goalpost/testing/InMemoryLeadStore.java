package io.goalpost.testing;

import io.goalpost.core.lead.ConsentChange;
import io.goalpost.core.lead.ConsentHistory;
import io.goalpost.core.lead.Join;
import io.goalpost.core.lead.Lead;
import io.goalpost.core.lead.LeadStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/** Leads in memory; {@link LeadStoreContract} keeps it honest against the DynamoDB one. */
public final class InMemoryLeadStore implements LeadStore {

  private final Map<String, Lead> leads = new HashMap<>();
  private final Map<String, String> byEmailHash = new HashMap<>();
  private final Map<String, Map<String, ConsentChange>> consent = new HashMap<>();
  private final Map<String, TreeMap<String, Join>> joins = new HashMap<>();
  private final Map<String, TreeSet<String>> leadsByVisitor = new HashMap<>();
  private final Map<String, TreeSet<String>> diagnostic = new HashMap<>();

  @Override
  public synchronized String createOrFind(String email, String emailHash, String newLeadId, Instant at) {
    String leadId = byEmailHash.computeIfAbsent(emailHash, hash -> newLeadId);
    leads.putIfAbsent(leadId, Lead.of(leadId, email, emailHash, at));
    return leadId;
  }

  @Override
  public synchronized Optional<String> findByEmailHash(String emailHash) {
    return Optional.ofNullable(byEmailHash.get(emailHash));
  }

  @Override
  public synchronized Optional<Lead> find(String leadId) {
    return Optional.ofNullable(leads.get(leadId));
  }

  @Override
  public synchronized void addConsent(String leadId, ConsentChange change) {
    consent.computeIfAbsent(leadId, id -> new HashMap<>()).putIfAbsent(change.changeId(), change);
  }

  @Override
  public synchronized ConsentHistory consentOf(String leadId) {
    return new ConsentHistory(new ArrayList<>(consent.getOrDefault(leadId, Map.of()).values()));
  }

  @Override
  public synchronized void join(String leadId, Join join) {
    leadsByVisitor.computeIfAbsent(join.visitorId(), v -> new TreeSet<>()).add(leadId);
    joins.computeIfAbsent(leadId, id -> new TreeMap<>()).putIfAbsent(join.visitorId(), join);
  }

  @Override
  public synchronized List<Join> joinsOf(String leadId) {
    return List.copyOf(joins.getOrDefault(leadId, new TreeMap<>()).values());
  }

  @Override
  public synchronized List<String> leadsOfVisitor(String visitorId) {
    return List.copyOf(leadsByVisitor.getOrDefault(visitorId, new TreeSet<>()));
  }

  @Override
  public synchronized boolean tombstone(String leadId, List<String> visitorIds, Instant at) {
    Lead lead = leads.get(leadId);
    if (lead == null) {
      return false;
    }
    if (!lead.erased()) {
      byEmailHash.remove(lead.emailHash());
      leads.put(leadId, new Lead(leadId, null, lead.emailHash(), lead.createdAt(), true, visitorIds));
    }
    return true;
  }

  @Override
  public synchronized void eraseHistory(String leadId) {
    Lead lead = leads.get(leadId);
    if (lead == null || !lead.erased()) {
      return;
    }
    consent.remove(leadId);
    joins.getOrDefault(leadId, new TreeMap<>()).keySet().forEach(visitor -> {
      TreeSet<String> ofVisitor = leadsByVisitor.get(visitor);
      if (ofVisitor != null) {
        ofVisitor.remove(leadId);
      }
    });
    joins.remove(leadId);
    if (lead.emailHash() != null) {
      diagnostic.remove(lead.emailHash());
    }
    leads.put(leadId, new Lead(leadId, null, null, lead.createdAt(), true, lead.erasedVisitorIds()));
  }

  @Override
  public synchronized void addDiagnosticJoin(String emailHash, String visitorId, Instant at) {
    diagnostic.computeIfAbsent(emailHash, hash -> new TreeSet<>()).add(visitorId);
  }

  @Override
  public synchronized List<String> mayNotJoin(String emailHash) {
    return List.copyOf(diagnostic.getOrDefault(emailHash, new TreeSet<>()));
  }

  /** Every email held anywhere in this store (for tests that erasure leaves none). */
  public synchronized List<String> emails() {
    return leads.values().stream().map(Lead::email).filter(java.util.Objects::nonNull).toList();
  }
}
