import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '@portal/config';
import { deviceClass } from '../app/lib/device.server';
import { citationHref } from '../app/lib/citations';
import {
  entryCredits,
  entryProblems,
  judgeProblems,
  parseTeam,
  promotionProblems,
  scoresFromForm,
  teamText,
  winnersFromForm,
} from '../app/lib/contest-form';
import { toGraphError } from '../app/lib/graphql.server';
import { authorizationUrl, newPkce } from '../app/lib/oidc.server';
import { safeReturnPath, viewerFromToken } from '../app/lib/session.server';
import { cityLocalToIso } from '../app/lib/staff';
import { answersFromForm, problemsByQuestion } from '../app/lib/survey-form';
import { portalWebEnvShape } from './env';
import { contentSecurityPolicy } from './security-headers';

describe('the content security policy', () => {
  const production = contentSecurityPolicy('abc123', {
    production: true,
    mediaOrigins: ['https://api.example.vn'],
    formOrigins: ['https://id.example.vn'],
  });

  it('allows scripts by nonce only, never inline, and forbids framing', () => {
    expect(production).toContain("script-src 'self' 'nonce-abc123'");
    expect(production).not.toContain('unsafe-inline');
    expect(production).not.toContain('unsafe-eval');
    expect(production).toContain("frame-ancestors 'none'");
    expect(production).toContain("object-src 'none'");
  });

  it("allows the gateway's media and the identity provider's sign-in form", () => {
    expect(production).toContain("media-src 'self' blob: https://api.example.vn");
    expect(production).toContain("form-action 'self' https://id.example.vn");
  });
});

describe('errors from the graph', () => {
  it('keep the code and the message of each field', () => {
    const error = toGraphError([
      {
        message: 'title: must not be empty',
        extensions: {
          code: 'BAD_USER_INPUT',
          fields: [{ field: 'input.title', message: 'must not be empty' }],
        },
      },
    ]);
    expect(error).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'title: must not be empty',
      fields: { title: 'must not be empty' },
      paths: { 'input.title': 'must not be empty' },
    });
  });

  it('keep whole paths, so answers in a list are told apart', () => {
    const error = toGraphError([
      {
        message: 'invalid answers',
        extensions: {
          code: 'BAD_USER_INPUT',
          fields: [
            { field: 'answers.1.optionIds', message: 'must be at most 3 options' },
            { field: 'answers.2.optionIds', message: 'must be one option' },
          ],
        },
      },
    ]);
    expect(error.paths).toEqual({
      'answers.1.optionIds': 'must be at most 3 options',
      'answers.2.optionIds': 'must be one option',
    });
    expect(error.fields).toEqual({ optionIds: 'must be one option' });
  });

  it('turn HTTP 429 into RATE_LIMITED with the wait, and unknown codes into INTERNAL_SERVER_ERROR', () => {
    expect(toGraphError([], 429, 7)).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 7 });
    expect(toGraphError([{ message: 'x', extensions: { code: 'WHATEVER' } }])).toMatchObject({
      code: 'INTERNAL_SERVER_ERROR',
    });
  });
});

describe('sign-in', () => {
  it('returns only to paths of this site', () => {
    expect(safeReturnPath('/dien-dan/1?x=2')).toBe('/dien-dan/1?x=2');
    for (const bad of ['https://evil.example', '//evil.example', '/\\evil.example', '', null])
      expect(safeReturnPath(bad)).toBe('/');
  });

  it('uses PKCE with S256 and a random state and nonce', () => {
    const pkce = newPkce();
    expect(pkce.challenge).toBe(createHash('sha256').update(pkce.verifier).digest('base64url'));
    expect(pkce.verifier.length).toBeGreaterThanOrEqual(43);
    expect(newPkce().state).not.toBe(pkce.state);
    const url = new URL(
      authorizationUrl(
        'https://id.example.vn/authorize',
        { issuer: 'https://id.example.vn', clientId: 'portal', scopes: 'openid profile' },
        'https://cds.example.vn/dang-nhap/callback',
        pkce,
      ),
    );
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: 'portal',
      code_challenge: pkce.challenge,
      code_challenge_method: 'S256',
      state: pkce.state,
      redirect_uri: 'https://cds.example.vn/dang-nhap/callback',
    });
  });

  it('reads who signed in from the token claims', () => {
    const payload = Buffer.from(
      JSON.stringify({
        sub: 'u1',
        name: 'An',
        roles: ['citizen', 'officer'],
        department: 'STTTT',
        exp: 99,
      }),
    ).toString('base64url');
    expect(viewerFromToken(`h.${payload}.s`)).toEqual({
      viewer: { id: 'u1', name: 'An', roles: ['citizen', 'officer'], department: 'STTTT' },
      expiresAt: 99,
    });
  });
});

describe('configuration', () => {
  it('signs in with development tokens in development', () => {
    const result = parseEnv(portalWebEnvShape, { NODE_ENV: 'development' });
    expect(result.ok && result.env.AUTH_MODE).toBe('dev');
  });

  it('is production when NODE_ENV is unset: no development sign-in without the production settings', () => {
    expect(parseEnv(portalWebEnvShape, {}).ok).toBe(false);
  });

  it('needs a session secret in production and uses OIDC there', () => {
    const result = parseEnv(portalWebEnvShape, { NODE_ENV: 'production' });
    expect(result.ok).toBe(false);
    const ok = parseEnv(portalWebEnvShape, {
      NODE_ENV: 'production',
      SESSION_SECRET: 'x'.repeat(32),
      OIDC_ISSUER: 'https://id.example.vn',
      OIDC_CLIENT_ID: 'portal',
    });
    expect(ok.ok && ok.env.AUTH_MODE).toBe('oidc');
  });
});

describe('small rules', () => {
  it('reads a city-local date and time as an instant (UTC+7)', () => {
    expect(cityLocalToIso('2026-12-02T09:30')).toBe('2026-12-02T02:30:00.000Z');
    expect(cityLocalToIso('tomorrow')).toBeNull();
  });

  it('tells phones, tablets and desktops apart', () => {
    expect(
      deviceClass('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148'),
    ).toBe('MOBILE');
    expect(deviceClass('Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X)')).toBe('TABLET');
    expect(deviceClass('Mozilla/5.0 (Linux; Android 14; SM-X710) Safari/537.36')).toBe('TABLET');
    expect(deviceClass('Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/130')).toBe('DESKTOP');
  });
});

describe('a survey as a plain form', () => {
  const survey = {
    sections: [
      {
        questions: [
          { id: 'q1', type: 'SINGLE_CHOICE' as const, options: [{ id: 'q1-o1' }, { id: 'q1-o2' }] },
          {
            id: 'q2',
            type: 'MULTIPLE_CHOICE' as const,
            options: [{ id: 'q2-o1' }, { id: 'q2-o2' }, { id: 'q2-o3' }],
          },
          { id: 'q3', type: 'RATING' as const, options: [] },
        ],
      },
      {
        questions: [
          {
            id: 'q4',
            type: 'RANKING' as const,
            options: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
          },
          { id: 'q5', type: 'LONG_TEXT' as const, options: [] },
        ],
      },
    ],
  };
  const form = (entries: [string, string][]) => {
    const data = new FormData();
    for (const [k, v] of entries) data.append(k, v);
    return data;
  };

  it('holds one answer per question, in order, empty ones included', () => {
    const { answers, problems } = answersFromForm(
      survey,
      form([
        ['q.q1', 'q1-o2'],
        ['q.q2', 'q2-o1'],
        ['q.q2', 'q2-o3'],
        ['q.q3', '4'],
        ['r.q4.a', '2'],
        ['r.q4.b', '3'],
        ['r.q4.c', '1'],
        ['q.q5', 'Góp ý'],
      ]),
    );
    expect(problems).toEqual({});
    expect(answers).toEqual([
      { questionId: 'q1', optionIds: ['q1-o2'] },
      { questionId: 'q2', optionIds: ['q2-o1', 'q2-o3'] },
      { questionId: 'q3', rating: 4 },
      { questionId: 'q4', ranking: ['c', 'a', 'b'] },
      { questionId: 'q5', text: 'Góp ý' },
    ]);
    const empty = answersFromForm(survey, form([]));
    expect(empty.answers.map((a) => a.questionId)).toEqual(['q1', 'q2', 'q3', 'q4', 'q5']);
    expect(empty.answers[2]).toEqual({ questionId: 'q3' });
    expect(empty.answers[3]).toEqual({ questionId: 'q4', ranking: [] });
  });

  it('refuses a rank given twice or an option left unranked', () => {
    const twice = [
      ['r.q4.a', '1'],
      ['r.q4.b', '1'],
      ['r.q4.c', '2'],
    ] as [string, string][];
    expect(answersFromForm(survey, form(twice)).problems).toEqual({ q4: 'rankDuplicate' });
    const partly = [
      ['r.q4.a', '1'],
      ['r.q4.b', '2'],
    ] as [string, string][];
    expect(answersFromForm(survey, form(partly)).problems).toEqual({ q4: 'rankIncomplete' });
  });

  it("puts the graph's problems on the questions their answer index names", () => {
    const { answers } = answersFromForm(survey, form([]));
    expect(
      problemsByQuestion(answers, {
        'answers.1.optionIds': 'must be at most 2 options',
        'answers.4': 'question q5 is required',
        answers: 'something about all of them',
        'answers.9.text': 'no such answer',
      }),
    ).toEqual({ q2: 'must be at most 2 options', q5: 'question q5 is required' });
  });
});

describe('the contest forms', () => {
  const refused = (paths: Record<string, string>) =>
    toGraphError([
      {
        message: 'Invalid input',
        extensions: {
          code: 'BAD_USER_INPUT',
          fields: Object.entries(paths).map(([field, message]) => ({ field, message })),
        },
      },
    ]);

  it('read a team one member a line, the role after the first comma, and write it back', () => {
    const team = parseTeam(' Nguyễn Văn A, trưởng nhóm, lập trình \r\n\nTrần Thị B\nLê C,  ');
    expect(team).toEqual([
      { name: 'Nguyễn Văn A', role: 'trưởng nhóm, lập trình' },
      { name: 'Trần Thị B' },
      { name: 'Lê C' },
    ]);
    expect(parseTeam(teamText(team))).toEqual(team);
    expect(parseTeam('  \n ')).toEqual([]);
  });

  it('credit an entry to its owner (unless in the team) and each member with their role', () => {
    const team = [{ name: 'Trần Thị B', role: 'thiết kế' }, { name: 'Lê C' }];
    expect(entryCredits({ ownerName: 'Nguyễn Văn A', team })).toBe(
      'Nguyễn Văn A, Trần Thị B (thiết kế), Lê C',
    );
    expect(entryCredits({ ownerName: 'Lê C', team })).toBe('Trần Thị B (thiết kế), Lê C');
    expect(entryCredits({ ownerName: null, team: [] })).toBe('');
  });

  it("put a team member's problem on the team field", () => {
    const error = entryProblems(refused({ 'team.1.name': 'must not be empty' }));
    expect(error.fields.team).toBe('must not be empty');
    expect(entryProblems(refused({ description: 'too short' })).fields).toEqual({
      description: 'too short',
    });
  });

  it("read one entry's scores, empty criteria aside, and put the graph's problems on them", () => {
    const scores = scoresFromForm(
      [
        ['intent', 'score'],
        ['score-e1-c1', '8'],
        ['score-e1-c2', ''],
        ['score-e1-c3', '12'],
        ['score-e2-c1', '5'],
        ['comment-e1', 'Tốt'],
      ],
      'e1',
    );
    expect(scores).toEqual([
      { criterionId: 'c1', score: 8 },
      { criterionId: 'c3', score: 12 },
    ]);
    const error = judgeProblems(
      refused({ 'scores.1.score': 'must be at most 10', comment: 'too long' }),
      'e1',
      scores,
    );
    expect(error.fields['score-e1-c3']).toBe('must be at most 10');
    expect(error.fields['comment-e1']).toBe('too long');
    expect(error.fields['score-e1-c1']).toBeUndefined();
    expect(
      judgeProblems(refused({ scores: 'at least one' }), 'e1', scores).fields['score-e1-c1'],
    ).toBe('at least one');
  });

  it('read the winners by prize rank and name promotion problems after the winner', () => {
    expect(
      winnersFromForm([
        ['intent', 'publish'],
        ['rank-1', 'a'],
        ['rank-2', ''],
        ['rank-3', 'b'],
      ]),
    ).toEqual([
      { rank: 1, entryId: 'a' },
      { rank: 3, entryId: 'b' },
    ]);
    expect(promotionProblems(refused({ tryItUrl: 'must be an http(s) URL' }), 'e9').fields).toEqual(
      {
        'tryItUrl-e9': 'must be an http(s) URL',
      },
    );
  });
});

describe('citation links', () => {
  it("open the portal's own pages here, datasets on their page here, files where they are", () => {
    expect(citationHref('ARTICLE', 'http://localhost:4000/bai-viet/cong-dvc?x=1')).toBe(
      '/bai-viet/cong-dvc?x=1',
    );
    expect(citationHref('OFFICIAL_ANSWER', 'https://cds.example.vn/dien-dan/abc')).toBe(
      '/dien-dan/abc',
    );
    expect(citationHref('DATASET', 'https://data.example.vn/dataset/diem-wifi-cong-cong')).toBe(
      '/du-lieu-mo/diem-wifi-cong-cong',
    );
    const file = 'https://data.example.vn/dataset/d/resource/r/download/d.csv';
    expect(citationHref('RESOURCE', file)).toBe(file);
  });
});
