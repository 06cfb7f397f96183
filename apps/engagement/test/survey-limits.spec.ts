import { describe, expect, it } from 'vitest';
import { errorCodes } from '@portal/testing';
import { dataOf, useEngagement } from './support/harness';
import { createSurvey, fullAnswers, fullSurveyInput, SUBMIT } from './support/surveys';

const e = useEngagement('eng_survey_limits', { answersPerHour: 2 });

describe('answers per client address', () => {
  it('are rate-limited across surveys, with a Retry-After', async () => {
    const surveys = [];
    for (let i = 0; i < 3; i++)
      surveys.push(await createSurvey(e, fullSurveyInput({ audience: 'ANYONE', anonymous: true })));
    for (const s of surveys.slice(0, 2))
      dataOf(
        await e.call(
          null,
          SUBMIT,
          { id: s.id, answers: fullAnswers(1, 3) },
          { clientKey: 'busy-address' },
        ),
        'submitSurveyResponse',
      );
    const third = await e.call(
      null,
      SUBMIT,
      { id: surveys[2]!.id, answers: fullAnswers(1, 3) },
      { clientKey: 'busy-address' },
    );
    expect(errorCodes(third)).toEqual(['RATE_LIMITED']);
    expect(third.errors![0]!.extensions!.retryAfter).toBeGreaterThan(0);
    // Another address is not affected, and nothing was stored for the refused answer.
    dataOf(
      await e.call(
        null,
        SUBMIT,
        { id: surveys[2]!.id, answers: fullAnswers(1, 3) },
        { clientKey: 'other-address' },
      ),
      'submitSurveyResponse',
    );
    expect(await e.models.SurveyResponse.countDocuments({ surveyId: surveys[2]!.id })).toBe(1);
  });
});
