import { describe, expect, it } from 'vitest';
import { reportCsv, reportHtml, reportRows } from './report-render';

describe('report rendering', () => {
  it('flattens parts into rows, naming list items by their key field', () => {
    expect(
      reportRows({
        referrals: { received: 2, byAgency: [{ agency: 'SO-YT', slaMetShare: 2 / 3 }] },
        forum: null,
      }),
    ).toEqual([
      { part: 'forum', metric: '(not available)', value: '' },
      { part: 'referrals', metric: 'received', value: '2' },
      { part: 'referrals', metric: 'byAgency[SO-YT].agency', value: 'SO-YT' },
      { part: 'referrals', metric: 'byAgency[SO-YT].slaMetShare', value: '0.6667' },
    ]);
  });

  it('quotes CSV cells and keeps spreadsheet formulas from running', () => {
    const csv = reportCsv('2025-11', [
      { part: 'p', metric: 'say "hi"', value: '=HYPERLINK("x")' },
      { part: 'p', metric: 'n', value: '-3' },
    ]);
    expect(csv).toBe(
      '\uFEFF"month","part","metric","value"\r\n' +
        '"2025-11","p","say ""hi""","\'=HYPERLINK(""x"")"\r\n' +
        '"2025-11","p","n","-3"\r\n',
    );
  });

  it('escapes every value in the printable page', () => {
    const html = reportHtml('2025-11', new Date('2025-12-01T00:00:00Z'), [
      { part: '<b>', metric: '<script>', value: '&' },
    ]);
    expect(html).toContain('tháng 11/2025');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script>');
  });
});
