/**
 * Pages of the portal's web front end that the services link to from mail, feeds and
 * webhooks. Kept in one place so every link to the same page agrees; `base` is
 * WEB_BASE_URL (the web front end's public address), never the gateway's PUBLIC_BASE_URL.
 */
export function webPages(base: string) {
  const root = base.replace(/\/+$/, '');
  return {
    article: (slug: string) => `${root}/bai-viet/${encodeURIComponent(slug)}`,
    bulletinIssue: (year: number, month: number) =>
      `${root}/ban-tin/${year}/${String(month).padStart(2, '0')}`,
    thread: (threadId: string) => `${root}/dien-dan/${encodeURIComponent(threadId)}`,
    libraryItem: (slug: string) => `${root}/thu-vien/${encodeURIComponent(slug)}`,
    referralTracking: (trackingCode: string) =>
      `${root}/tra-cuu-phan-anh?ma=${encodeURIComponent(trackingCode)}`,
    staffReferral: (referralId: string) =>
      `${root}/quan-tri/phan-anh/${encodeURIComponent(referralId)}`,
    event: (eventId: string) => `${root}/su-kien/${encodeURIComponent(eventId)}`,
    /** The feedback form (routes to the forum or the 1022 hotline). */
    feedback: () => `${root}/gop-y`,
    survey: (surveyId: string) => `${root}/khao-sat/${encodeURIComponent(surveyId)}`,
    /** The staff console's monthly report (`YYYY-MM`), and its CSV beside it. */
    monthlyReport: (month: string) => `${root}/quan-tri/bao-cao/${encodeURIComponent(month)}`,
    monthlyReportCsv: (month: string) =>
      `${root}/quan-tri/bao-cao/${encodeURIComponent(month)}/csv`,
  };
}
