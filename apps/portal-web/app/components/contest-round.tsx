import type { ContestRoundKind } from '../__generated__/graphql';
import { usePortal } from '../lib/portal-data';
import { SubpageHeading } from './ui';

/** What a contest round is for, in the page's language. */
export function RoundKind({ kind }: { kind: ContestRoundKind }) {
  const { l } = usePortal();
  return (
    <>
      {kind === 'SUBMISSION'
        ? l('Nhận bài dự thi', 'Submissions')
        : kind === 'JUDGING'
          ? l('Chấm thi', 'Judging')
          : l('Bình chọn công khai', 'Public vote')}
    </>
  );
}

/** The top of a contest's own pages (results, judging): the way back, and `label: title`. */
export function ContestPageHeading(props: {
  contest: { id: string; title: string };
  label: string;
}) {
  const { t } = usePortal();
  const { contest, label } = props;
  return (
    <SubpageHeading
      back={{ to: '/cuoc-thi', label: t('contests') }}
      item={{ to: `/cuoc-thi/${contest.id}`, title: contest.title }}
      label={label}
    />
  );
}
