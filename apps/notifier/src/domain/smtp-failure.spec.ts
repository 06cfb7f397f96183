import { describe, expect, it } from 'vitest';
import { redactAddresses, urlHost } from './redact';
import { classifySmtpFailure } from './smtp-failure';

describe('classifySmtpFailure', () => {
  it('fails a delivery for good when the relay refuses the recipient or the message with 5xx', () => {
    const rcpt = classifySmtpFailure(
      Object.assign(new Error("Can't send mail - all recipients were rejected"), {
        code: 'EENVELOPE',
        responseCode: 550,
        response: '550 5.1.1 <khong.ton.tai@example.vn>: Recipient address rejected',
        command: 'RCPT TO',
      }),
    );
    expect(rcpt.kind).toBe('permanent');
    expect(rcpt.reason).toMatch(/^recipient rejected: 550 5\.1\.1/);
    expect(rcpt.reason).not.toContain('khong.ton.tai');

    const content = classifySmtpFailure({
      code: 'EMESSAGE',
      command: 'DATA',
      responseCode: 554,
      response: '554 5.7.1 Message rejected as spam',
    });
    const tooBig = classifySmtpFailure({
      code: 'EMESSAGE',
      command: 'MAIL FROM',
      message: 'Message size larger than allowed 1000',
    });
    expect(tooBig.kind).toBe('permanent');
    expect(content).toEqual({
      kind: 'permanent',
      reason: 'message rejected: 554 5.7.1 Message rejected as spam',
    });
  });

  it('retries deferrals, outages, timeouts and relay configuration problems', () => {
    const cases = [
      { code: 'EENVELOPE', responseCode: 451, response: '451 4.7.1 Try again', command: 'RCPT TO' },
      {
        code: 'EENVELOPE',
        responseCode: 452,
        response: '452 too many recipients',
        command: 'RCPT TO',
      },
      { code: 'EMESSAGE', responseCode: 451, response: '451 local error', command: 'DATA' },
      { code: 'ECONNECTION', message: 'connect ECONNREFUSED 127.0.0.1:1025' },
      { code: 'ETIMEDOUT', message: 'Timeout' },
      { code: 'EAUTH', responseCode: 535, response: '535 Authentication failed' },
      // The sender refused: our configuration, not this recipient.
      {
        code: 'EENVELOPE',
        responseCode: 553,
        response: '553 sender rejected',
        command: 'MAIL FROM',
      },
      new Error('socket hang up'),
      'weird',
    ];
    for (const c of cases) expect(classifySmtpFailure(c).kind, JSON.stringify(c)).toBe('transient');
  });

  it('labels transient failures by SMTP code or error code', () => {
    expect(classifySmtpFailure({ code: 'ECONNECTION', message: 'refused' }).reason).toBe(
      'ECONNECTION: refused',
    );
    expect(classifySmtpFailure({ responseCode: 421, response: '421 busy' }).reason).toBe(
      'SMTP 421: 421 busy',
    );
  });
});

describe('redaction', () => {
  it('removes addresses from text and keeps the rest', () => {
    expect(redactAddresses('550 <an.nguyen+cds@so-tttt.hochiminhcity.gov.vn> unknown user')).toBe(
      '550 <[address]> unknown user',
    );
    expect(redactAddresses('no address here')).toBe('no address here');
  });

  it('reduces a URL to its host', () => {
    expect(urlHost('https://partner.example.vn:8443/hooks/cds?token=s3cret')).toBe(
      'partner.example.vn:8443',
    );
    expect(urlHost('not a url')).toBe('[invalid url]');
  });
});
