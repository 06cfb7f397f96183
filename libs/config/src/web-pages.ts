/**
 * Pages of the portal's web front end that the services link to from mail, feeds and
 * webhooks. Kept in one place so every link to the same page agrees; `base` is
 * PUBLIC_BASE_URL.
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
    survey: (surveyId: string) => `${root}/khao-sat/${encodeURIComponent(surveyId)}`,
  };
}
