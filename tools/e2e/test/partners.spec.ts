// A partner agency pulls published articles with an API key and is pushed new ones by a
// signed webhook.
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { attempt, cli, person, run, waitUntil } from './support/portal';

describe('partner agencies', () => {
  it('pull published content with a read-only key that cannot write', async () => {
    const key = (
      await cli('apikey', ['create', '--name', 'Báo Người Lao Động', '--scopes', 'content:read'])
    )
      .split('\n')
      .pop()!;
    const since = new Date(Date.now() - 365 * 24 * 3600_000).toISOString();
    const { articles } = await run('PartnerArticlesSince', { since }, { apiKey: key });
    expect(articles.nodes.length).toBeGreaterThan(0);
    expect(articles.nodes.every((a: { publishedAt: string }) => a.publishedAt >= since)).toBe(true);

    const write = await attempt(
      'CreateArticle',
      { input: { title: 'x', body: 'y', kind: 'NEWS' } },
      { apiKey: key },
    );
    expect(write.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const unknown = await attempt('PartnerArticlesSince', { since }, { apiKey: 'not-a-key' });
    expect(unknown.status).toBe(401);
  });

  it('receive a signed article.published webhook when an editor publishes', async () => {
    const received: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
    try {
      const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/cds`;
      const secret = (
        await cli('webhook', [
          'add',
          '--partner',
          'Báo Sài Gòn Giải Phóng',
          '--url',
          url,
          '--events',
          'article.published',
        ])
      )
        .split('\n')
        .pop()!
        .trim();
      const editor = await person('editor');
      const { createArticle } = await run(
        'CreateArticle',
        {
          input: {
            title: 'Ra mắt bản đồ số các điểm wifi công cộng',
            body: '<p>Người dân tra cứu điểm wifi miễn phí.</p>',
            kind: 'NEWS',
          },
        },
        editor,
      );
      await run('PublishArticle', { id: createArticle.id }, editor);

      const delivery = await waitUntil(
        () => received.find((r) => r.body.includes(createArticle.id)),
        {
          what: 'the webhook delivery',
          timeoutMs: 60_000,
        },
      );
      const timestamp = String(delivery.headers['x-portal-timestamp']);
      const expected = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${delivery.body}`).digest('hex')}`;
      expect(delivery.headers['x-portal-signature']).toBe(expected);
      expect(JSON.parse(delivery.body)).toMatchObject({
        type: 'article.published',
        data: { id: createArticle.id },
      });
    } finally {
      receiver.close();
    }
  });
});
