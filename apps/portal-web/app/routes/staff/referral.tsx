import { Form } from 'react-router';
import {
  StaffReferralDocument,
  UpdateReferralStatusDocument,
  type ReferralStatus,
} from '../../__generated__/graphql';
import { SelectField } from '../../components/list-filters';
import { DateText, Fact, Field, FormAnswer, FormOutcome } from '../../components/ui';
import { loadOrThrow, orNotFound, runOperation } from '../../lib/graphql.server';
import { usePortal } from '../../lib/portal-data';
import { requireViewer } from '../../lib/session.server';
import { CASEWORK_ROLES } from '../../lib/staff';
import type { Route } from './+types/referral';

const NEXT: ReferralStatus[] = ['ACKNOWLEDGED', 'IN_PROGRESS', 'RESOLVED', 'REJECTED'];

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const { token } = await requireViewer(request, context, CASEWORK_ROLES);
  const data = await loadOrThrow(context, StaffReferralDocument, { id: params.id }, token);
  return { referral: orNotFound(data.referral) };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const { token } = await requireViewer(request, context, CASEWORK_ROLES);
  const form = await request.formData();
  const status = NEXT.find((s) => s === form.get('status'));
  if (!status) throw new Response('unknown status', { status: 400 });
  const note = String(form.get('note') ?? '').trim();
  const publicResponse = String(form.get('publicResponse') ?? '').trim();
  const r = await runOperation(
    context,
    UpdateReferralStatusDocument,
    {
      id: params.id,
      status,
      ...(note ? { note } : {}),
      ...(publicResponse ? { publicResponse } : {}),
    },
    token,
  );
  return r.ok ? { done: true, error: null } : { done: false, error: r.error };
}

export default function Referral({ loaderData, actionData: result }: Route.ComponentProps) {
  const { referral } = loaderData;
  const { l } = usePortal();
  return (
    <div>
      <h1>
        {l('Phản ánh', 'Referral')} {referral.trackingCode}
      </h1>
      <FormOutcome done={result?.done && l('Đã cập nhật.', 'Updated.')} error={result?.error} />
      <dl className="facts">
        <dt>{l('Trạng thái', 'Status')}</dt>
        <dd>
          {referral.status}
          {referral.overdue ? l(' (quá hạn)', ' (overdue)') : ''}
        </dd>
        <dt>{l('Nhóm', 'Category')}</dt>
        <dd>{referral.categoryName}</dd>
        <dt>{l('Cơ quan', 'Agency')}</dt>
        <dd>{referral.targetAgencyName ?? referral.targetAgency}</dd>
        <dt>{l('Hạn xử lý', 'Due')}</dt>
        <dd>
          <DateText iso={referral.slaDueAt} />
        </dd>
        <Fact term={l('Chủ đề', 'Subject')} lang="vi">
          {referral.subject}
        </Fact>
        <Fact term={l('Lỗi chuyển', 'Dispatch error')}>{referral.dispatchError}</Fact>
      </dl>
      <h2>{l('Quá trình xử lý', 'History')}</h2>
      <ol className="history">
        {referral.history.map((h, i) => (
          <li key={i}>
            <DateText iso={h.at} /> — {h.status}
            {h.note ? `: ${h.note}` : ''} {h.by ? `(${h.by})` : ''}
          </li>
        ))}
      </ol>
      <Form method="post" className="stack panel">
        <FormAnswer error={result?.error}>
          <SelectField name="status" label={l('Trạng thái mới', 'New status')} options={NEXT} />
          <Field name="note" label={l('Ghi chú nội bộ', 'Internal note')} />
          <Field
            name="publicResponse"
            label={l('Trả lời công khai', 'Public response')}
            multiline
            rows={3}
          />
        </FormAnswer>
        <button type="submit">{l('Cập nhật', 'Update')}</button>
      </Form>
    </div>
  );
}
