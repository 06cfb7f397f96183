import { describe, expect, it } from 'vitest';
import { InFlightAnswers, type SharedAnswer } from './in-flight-answers';

const answer = (body: string): SharedAnswer => ({
  status: 200,
  headers: [['content-type', 'application/json']],
  body,
  operation: { name: 'HomePage', type: 'query', errorCodes: [] },
});

describe('InFlightAnswers', () => {
  it('lets identical requests join only once the lead is open, and gives them its answer', async () => {
    const answers = new InFlightAnswers();
    const lead = answers.lead('k');
    // Not known to be a query yet: nothing to join.
    expect(answers.join('k')).toBeUndefined();
    lead.open();
    const a = answers.join('k');
    const b = answers.join('k');
    expect(answers.join('other')).toBeUndefined();
    lead.settle(answer('{"data":{}}'));
    expect(await a).toEqual(answer('{"data":{}}'));
    expect(await b).toEqual(answer('{"data":{}}'));
    // Settled: the next identical request runs on its own.
    expect(answers.join('k')).toBeUndefined();
    expect(answers.size).toBe(0);
  });

  it('gives joined requests null when the lead has no answer for them, and settles once', async () => {
    const answers = new InFlightAnswers();
    const lead = answers.lead('k');
    lead.open();
    const joined = answers.join('k');
    lead.settle(null);
    lead.settle(answer('late'));
    expect(await joined).toBeNull();
  });

  it('keeps the first open lead when an identical request opens after it', async () => {
    const answers = new InFlightAnswers();
    const first = answers.lead('k');
    const second = answers.lead('k');
    first.open();
    second.open();
    const joined = answers.join('k');
    second.settle(answer('second'));
    expect(answers.size).toBe(1);
    first.settle(answer('first'));
    expect((await joined)?.body).toBe('first');
  });

  it('aborts the execution only when the lead and every joined request have gone away', async () => {
    const answers = new InFlightAnswers();
    const leadClient = new AbortController();
    const joinClient = new AbortController();
    const lead = answers.lead('k', leadClient.signal);
    lead.open();
    const joined = answers.join('k', joinClient.signal)!;
    leadClient.abort();
    expect(lead.signal.aborted).toBe(false);
    // Still open: a request coming now joins the execution the other one waits for.
    expect(answers.size).toBe(1);
    joinClient.abort();
    await expect(joined).rejects.toThrow();
    expect(lead.signal.aborted).toBe(true);
    // Nobody waits: an aborted execution is never joined.
    expect(answers.join('k')).toBeUndefined();
  });

  it('answers a joined request that stays after its lead went away', async () => {
    const answers = new InFlightAnswers();
    const leadClient = new AbortController();
    const lead = answers.lead('k', leadClient.signal);
    lead.open();
    const joined = answers.join('k', new AbortController().signal);
    leadClient.abort();
    lead.settle(answer('kept'));
    expect((await joined)?.body).toBe('kept');
    expect(lead.signal.aborted).toBe(false);
  });

  it('never opens a lead whose client is already gone, nor after forgetAll', () => {
    const answers = new InFlightAnswers();
    const gone = new AbortController();
    gone.abort();
    const lead = answers.lead('k', gone.signal);
    expect(lead.signal.aborted).toBe(true);
    lead.open();
    expect(answers.join('k')).toBeUndefined();

    const open = answers.lead('j');
    open.open();
    answers.forgetAll();
    expect(answers.join('j')).toBeUndefined();
  });
});
