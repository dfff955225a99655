package io.goalpost.core.link;

/**
 * What to change on a stored link, already checked: a null value leaves that field as it is;
 * {@code removeCampaign} takes the campaign away. Only these four may change (SPEC §3
 * Attribution: goal, window and countRebills never do, and the slug is the link).
 */
public record LinkUpdate(String name, String destination, String channel, String campaign, boolean removeCampaign) {

  public LinkUpdate {
    if (campaign != null && removeCampaign) {
      throw new IllegalArgumentException("a campaign cannot be both set and removed");
    }
  }

  /** Whether it changes nothing. */
  public boolean isEmpty() {
    return name == null && destination == null && channel == null && campaign == null && !removeCampaign;
  }

  /** The link with these changes made, as a store applies them. */
  public Link applyTo(Link link) {
    return new Link(link.slug(), name != null ? name : link.name(),
        destination != null ? destination : link.destination(), channel != null ? channel : link.channel(),
        removeCampaign ? null : campaign != null ? campaign : link.campaign(), link.goal(),
        link.attributionWindowDays(), link.countRebills(), link.createdAt(), link.archived());
  }
}
