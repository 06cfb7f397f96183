import type { ContestRoundKind } from '../__generated__/graphql';
import { useL } from '../lib/portal-data';

/** What a contest round is for, in the page's language. */
export function RoundKind({ kind }: { kind: ContestRoundKind }) {
  const l = useL();
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
