import { describe, expect, it } from 'vitest';
import { errorCodes } from '@portal/testing';
import { dataOf, useEngagement } from './support/harness';
import { createSurvey, fullAnswers, fullSurveyInput, submitAnonymously } from './support/surveys';

const e = useEngagement('eng_survey_limits', { answersPerHour: 2 });

describe('answers per client address', () => {
  it('are rate-limited across surveys, with a Retry-After', async () => {
    const surveys = [];
    for (let i = 0; i < 3; i++)
      surveys.push(await createSurvey(e, fullSurveyInput({ audience: 'ANYONE', anonymous: true })));
    for (const s of surveys.slice(0, 2))
      dataOf(
        await submitAnonymously(e, 'busy-address', s.id, fullAnswers(1, 3)),
        'submitSurveyResponse',
      );
    const third = await submitAnonymously(e, 'busy-address', surveys[2]!.id, fullAnswers(1, 3));
    expect(errorCodes(third)).toEqual(['RATE_LIMITED']);
    expect(third.errors![0]!.extensions!.retryAfter).toBeGreaterThan(0);
    // Another address is not affected, and nothing was stored for the refused answer.
    dataOf(
      await submitAnonymously(e, 'other-address', surveys[2]!.id, fullAnswers(1, 3)),
      'submitSurveyResponse',
    );
    expect(await e.models.SurveyResponse.countDocuments({ surveyId: surveys[2]!.id })).toBe(1);
  });
});
