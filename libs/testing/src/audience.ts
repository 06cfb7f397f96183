// What the specs expect of the audience breakdowns every portal statistic answers (the
// shared hot counter's views by device, region and referrer), in the schema's order.

const DEVICES = ['DESKTOP', 'MOBILE', 'TABLET'] as const;
const REGIONS = ['HCMC', 'OTHER_PROVINCE', 'ABROAD', 'UNKNOWN'] as const;
const REFERRERS = ['SEARCH', 'SOCIAL', 'DIRECT', 'BULLETIN', 'PARTNER', 'OTHER'] as const;

/** `byDevice` as a statistic answers it: every device, zero views where `views` names none. */
export function viewsByDevice(views: Partial<Record<(typeof DEVICES)[number], number>>) {
  return DEVICES.map((device) => ({ device, views: views[device] ?? 0 }));
}

/** `byRegion` as a statistic answers it: every region, zero views where `views` names none. */
export function viewsByRegion(views: Partial<Record<(typeof REGIONS)[number], number>>) {
  return REGIONS.map((region) => ({ region, views: views[region] ?? 0 }));
}

/** `byReferrer` as a statistic answers it: every referrer, zero views where `views` names none. */
export function viewsByReferrer(views: Partial<Record<(typeof REFERRERS)[number], number>>) {
  return REFERRERS.map((referrer) => ({ referrer, views: views[referrer] ?? 0 }));
}
