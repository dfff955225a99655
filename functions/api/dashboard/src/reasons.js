// Why a sale is not credited to any link: one plain sentence of what happened and one of what the
// user could change (SPEC §3, Reconciliation).
export const REASONS = {
  no_identity: {
    title: 'No identity',
    means: 'The sale arrived with no visitor id, click id or email, so nothing ties it to anyone who clicked.',
    change: 'Pass gp_cid (or the gp_vid visitor id) to the checkout, and send the buyer\u2019s email with the sale.',
  },
  outside_window: {
    title: 'Outside the window',
    means: 'The buyer clicked a link with this goal, but bought after that link\u2019s attribution window had closed.',
    change: 'If late purchases should count, create a link with a longer attribution window and use it from now on.',
  },
  other_device_or_cookie: {
    title: 'Other device or browser',
    means: 'The same person clicked on another device or browser that Goalpost may not join to them, because they had not agreed to the data-privacy terms.',
    change: 'Ask for consent (gdprConsent) at opt-in, or send leads personalised links (gp_lt) so their clicks are theirs on any device.',
  },
  link_without_goal: {
    title: 'Link without this goal',
    means: 'The buyer clicked a tracking link, but that link has no goal this purchase matches.',
    change: 'Create a link with a purchase goal for this product (goals cannot change on a link) and use it instead.',
  },
  no_tracked_click: {
    title: 'No tracked click',
    means: 'None of the buyer\u2019s identities clicked a link we may connect to this sale: they came another way, or their browser shared no ids (essential cookies only).',
    change: 'Send buyers through the tracking link, and pass gp_cid to the checkout so the click travels without cookies.',
  },
};

export function reason(code) {
  return REASONS[code] || { title: code, means: 'A reason this dashboard does not know yet.', change: 'Update the dashboard.' };
}

/** How a credited sale reached its link (SPEC §3 path precedence). */
export const PATHS = {
  click_id: 'by the click id it carried',
  cookie: 'by the buyer\u2019s visitor id',
  lead: 'through the lead\u2019s joined browsers',
};
