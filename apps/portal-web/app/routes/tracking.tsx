import { TrackReferralDocument } from '../__generated__/graphql';
import { DateText, FormError, Section } from '../components/ui';
import { runOperation } from '../lib/graphql.server';
import { sectionMeta } from '../lib/meta';
import { usePortal } from '../lib/portal-data';
import type { Route } from './+types/tracking';

export async function loader({ request, context }: Route.LoaderArgs) {
  const code = new URL(request.url).searchParams.get('ma')?.trim().slice(0, 64) || '';
  if (!code) return { code, referral: null, error: null };
  const result = await runOperation(context, TrackReferralDocument, { code });
  return result.ok
    ? { code, referral: result.data.referralByTrackingCode, error: null }
    : { code, referral: null, error: result.error };
}

export const meta = sectionMeta({
  path: '/tra-cuu-phan-anh',
  title: { vi: 'Tra cứu phản ánh', en: 'Track a referral' },
  noindex: true,
});

export default function Tracking({ loaderData }: Route.ComponentProps) {
  const { code, referral, error } = loaderData;
  const { t } = usePortal();
  return (
    <div className="narrow">
      <h1>{t('tracking')}</h1>
      <p>{t('trackingIntro')}</p>
      <form method="get" className="inline" role="search">
        <label htmlFor="ma">{t('trackingCode')}</label>
        <input id="ma" name="ma" defaultValue={code} required autoComplete="off" />
        <button type="submit">{t('search')}</button>
      </form>
      <FormError error={error} />
      {code && !referral && !error && <p role="status">{t('trackingNotFound')}</p>}
      {referral && (
        <Section headingId="h-referral" title={referral.trackingCode} className="panel">
          <p>
            {t('status')}: <strong data-testid="referral-status">{referral.status}</strong>
          </p>
          {referral.publicResponse && (
            <>
              <h3>{t('response')}</h3>
              <p lang="vi">{referral.publicResponse}</p>
            </>
          )}
          <h3>{t('history')}</h3>
          <ol className="history">
            {referral.history.map((h, i) => (
              <li key={i}>
                <DateText iso={h.at} /> — {h.status}
                {h.note ? `: ${h.note}` : ''}
              </li>
            ))}
          </ol>
        </Section>
      )}
    </div>
  );
}
