// `ask` and the catalog queries over real HTTP, on FerretDB and Redis, with the open-data
// portal simulator and a local stand-in for an OpenAI-compatible chat endpoint.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, testViewer, useTestDatabase } from '@portal/testing';
import { maintenanceProcessor } from '../src/jobs/maintenance.processor';
import {
  ASK,
  dataOf,
  logger,
  useAssistant,
  useCatalog,
  useOpenDataPortal,
  type Assistant,
} from './support/harness';

const db = useTestDatabase('asst_ask');
const portal = useOpenDataPortal();
const catalog = useCatalog('asst_ask', portal, db);

// The chat stand-in: answers what the test sets, and keeps the requests it got.
const chat = { reply: '', requests: [] as any[] };
let chatServer: Server;
let chatUrl = '';
beforeAll(async () => {
  chatServer = createServer(async (req, res) => {
    let body = '';
    for await (const c of req) body += c;
    chat.requests.push({ path: req.url, auth: req.headers.authorization, body: JSON.parse(body) });
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        id: 'chatcmpl-1',
        object: 'chat.completion',
        choices: [
          { index: 0, message: { role: 'assistant', content: chat.reply }, finish_reason: 'stop' },
        ],
      }),
    );
  });
  await new Promise<void>((r) => chatServer.listen(0, '127.0.0.1', r));
  chatUrl = `http://127.0.0.1:${(chatServer.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((r) => chatServer.close(() => r())));

const assistant: Assistant = useAssistant(
  'asst_ask',
  {
    askPerMinute: 5,
    askPerMinutePerAddress: 1000,
    get llm() {
      return { baseUrl: chatUrl, apiKey: 'sk-test', model: 'stand-in', timeoutMs: 5000 };
    },
  },
  db,
);

const HANDBOOK =
  'Để nộp hồ sơ trực tuyến, người dân đăng nhập Cổng dịch vụ công bằng tài khoản định danh điện tử VNeID. ' +
  'Sau khi chọn thủ tục, người dân điền tờ khai, đính kèm bản chụp giấy tờ và theo dõi trạng thái hồ sơ trên Cổng. ' +
  'Lệ phí có thể thanh toán trực tuyến qua ngân hàng hoặc ví điện tử.';
const ANSWER =
  'Sở Thông tin và Truyền thông trả lời: Thành phố đang mở rộng mạng Wi-Fi công cộng miễn phí tại các công viên và chợ. ' +
  'Người dân có thể góp ý địa điểm mới qua Cổng thông tin.';

beforeAll(async () => {
  await catalog.sync.run();
  await catalog.previewAll();
  // Published content of the other services, as the worker indexes it from their APIs.
  const { PassageIndex } = await import('../src/retrieval/passage-index');
  const { assistantModels } = await import('../src/models');
  const index = new PassageIndex(await assistantModels.prepare(catalog.conn), logger);
  await index.put('Article', '64b000000000000000000001', [
    {
      kind: 'HANDBOOK',
      citeId: '64b000000000000000000001',
      title: 'Cẩm nang: Nộp hồ sơ trực tuyến',
      link: 'https://cds.example.vn/bai-viet/nop-ho-so',
      text: HANDBOOK,
    },
  ]);
  await index.put('Thread', '64b000000000000000000002', [
    {
      kind: 'OFFICIAL_ANSWER',
      citeId: '64b000000000000000000002',
      title: 'Đề xuất thêm điểm Wi-Fi miễn phí',
      link: 'https://cds.example.vn/dien-dan/64b000000000000000000002',
      text: ANSWER,
    },
  ]);
});

const csvCount = async (district: string) => {
  const dataset = await catalog.models.Resource.findById('res-wifi-csv').lean();
  const text = await (await fetch(dataset!.url)).text();
  // The district column (no commas in its values), counted from the file itself.
  return text
    .split('\n')
    .slice(1)
    .filter((line) => line.split(',').at(-3) === district).length;
};

describe('datasets', () => {
  it('searches accent-insensitively and shows a dataset with its resources and preview', async () => {
    const list = dataOf(
      await assistant.call(
        null,
        '{ datasets(filter: { search: "wifi cong cong" }) { totalCount nodes { name } } }',
      ),
      'datasets',
    );
    expect(list).toEqual({ totalCount: 1, nodes: [{ name: 'diem-wifi-cong-cong' }] });
    const page = dataOf(
      await assistant.call(
        null,
        `{ dataset(name: "diem-wifi-cong-cong") { title licence { title } publisher { title } updateFrequency formats
           resources { id format downloadUrl preview { status columns { name type } rows truncated } } } }`,
      ),
      'dataset',
    );
    expect(page.publisher.title).toBe('Sở Thông tin và Truyền thông');
    expect(page.resources[0].preview.status).toBe('READY');
    expect(page.resources[0].preview.rows[0][0]).toBe('WF001');
    const byFormat = dataOf(
      await assistant.call(null, '{ datasets(filter: { format: "json" }) { nodes { name } } }'),
      'datasets',
    );
    expect(byFormat.nodes).toEqual([{ name: 'don-vi-hanh-chinh' }]);
  });

  it('names the offending argument', async () => {
    const res = await assistant.call(null, '{ dataset(id: "a", name: "b") { id } }');
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0]!.extensions!.fields).toEqual([expect.objectContaining({ field: 'id' })]);
  });

  it('lets only admins start a sync or a rebuild (checked before anything else)', async () => {
    expect(errorCodes(await assistant.call(null, 'mutation { syncOpenDataCatalog }'))).toEqual([
      'UNAUTHENTICATED',
    ]);
    expect(
      errorCodes(await assistant.call(testViewer('editor'), 'mutation { rebuildAssistantIndex }')),
    ).toEqual(['FORBIDDEN']);
    expect(
      errorCodes(
        await assistant.call(testViewer('citizen'), '{ catalogSyncStatus { datasetCount } }'),
      ),
    ).toEqual(['FORBIDDEN']);
    const status = dataOf(
      await assistant.call(
        testViewer('editor'),
        '{ catalogSyncStatus { datasetCount lastError } }',
      ),
      'catalogSyncStatus',
    );
    expect(status).toEqual({ datasetCount: 3, lastError: null });
  });
});

describe('ask', () => {
  it('answers from published content, every sentence cited with the passage used', async () => {
    const answer = dataOf(
      await assistant.call(null, ASK, {
        question: 'Làm thế nào để nộp hồ sơ trực tuyến trên Cổng dịch vụ công?',
      }),
      'ask',
    );
    expect(answer.status).toBe('ANSWERED');
    expect(answer.citations[0]).toMatchObject({
      kind: 'HANDBOOK',
      sourceId: '64b000000000000000000001',
      link: 'https://cds.example.vn/bai-viet/nop-ho-so',
    });
    for (const c of answer.citations)
      expect(
        HANDBOOK.includes(c.passage) ||
          ANSWER.includes(c.passage) ||
          c.kind === 'DATASET' ||
          c.kind === 'RESOURCE',
      ).toBe(true);
    for (const s of answer.sentences) expect(s.citations.length).toBeGreaterThan(0);
    expect(answer.text).toMatch(/\[1\]/);
  });

  it('counts and lists rows of a dataset, in Vietnamese or English, and follows up', async () => {
    const expected1 = await csvCount('Quận 1');
    const first = dataOf(
      await assistant.call(testViewer('citizen'), ASK, {
        question: 'Có bao nhiêu điểm Wi-Fi công cộng ở Quận 1?',
      }),
      'ask',
    );
    expect(first.table).toMatchObject({
      resourceId: 'res-wifi-csv',
      count: expected1,
      filters: ['quan_huyen = Quận 1'],
    });
    expect(first.citations[0]).toMatchObject({ kind: 'RESOURCE', sourceId: 'res-wifi-csv' });
    expect(first.text).toContain(`có ${expected1} dòng`);

    const followUp = dataOf(
      await assistant.call(testViewer('citizen'), ASK, {
        question: 'Còn Quận 3 thì sao?',
        conversationId: first.conversationId,
      }),
      'ask',
    );
    expect(followUp.conversationId).toBe(first.conversationId);
    expect(followUp.table).toMatchObject({
      count: await csvCount('Quận 3'),
      filters: ['quan_huyen = Quận 3'],
    });

    const english = dataOf(
      await assistant.call(null, ASK, {
        question: 'How many public Wi-Fi points are in District 1?',
      }),
      'ask',
    );
    expect(english.table.count).toBe(expected1);

    const list = dataOf(
      await assistant.call(null, ASK, { question: 'Liệt kê các điểm Wi-Fi công cộng ở Quận 5' }),
      'ask',
    );
    expect(list.table.rows.map((r: string[]) => r[3])).toEqual(
      Array(list.table.count).fill('Quận 5'),
    );
    expect(list.text).toContain('Chợ An Đông');
  });

  it('says when nothing relevant is found and offers feedback or the 1022 hotline', async () => {
    const answer = dataOf(
      await assistant.call(null, ASK, {
        question: 'Giá vé máy bay đi Paris tháng sau là bao nhiêu?',
      }),
      'ask',
    );
    expect(answer).toMatchObject({
      status: 'NO_ANSWER',
      citations: [],
      feedback: { hotline: '1022', feedbackUrl: 'https://cds.hochiminhcity.gov.vn/gop-y' },
    });
  });

  it('refuses bad input naming the field, and other people’s conversations', async () => {
    const empty = await assistant.call(null, ASK, { question: '  ' });
    expect(errorCodes(empty)).toEqual(['BAD_USER_INPUT']);
    expect(empty.errors![0]!.extensions!.fields[0].field).toBe('question');
    const badId = await assistant.call(null, ASK, { question: 'Wi-Fi', conversationId: 'x' });
    expect(badId.errors![0]!.extensions!.fields[0].field).toBe('conversationId');

    const mine = dataOf(
      await assistant.call(testViewer('citizen', { id: 'alice' }), ASK, {
        question: 'Wi-Fi công cộng',
      }),
      'ask',
    );
    const theirs = await assistant.call(testViewer('citizen', { id: 'bob' }), ASK, {
      question: 'Còn Quận 3?',
      conversationId: mine.conversationId,
    });
    expect(errorCodes(theirs)).toEqual(['NOT_FOUND']);
    const stored = await catalog.models.Conversation.findById(mine.conversationId).lean();
    // Only the viewer id and the question's folded terms are kept, not the question.
    expect(stored).toMatchObject({ viewerId: 'alice' });
    expect(JSON.stringify(stored)).not.toContain('Wi-Fi công cộng');
  });

  it('limits questions per person', async () => {
    const person = testViewer('citizen', { id: 'rate-limited' });
    const codes: string[][] = [];
    for (let i = 0; i < 6; i++)
      codes.push(errorCodes(await assistant.call(person, ASK, { question: 'Wi-Fi công cộng' })));
    expect(codes.slice(0, 5)).toEqual(Array(5).fill([]));
    expect(codes[5]).toEqual(['RATE_LIMITED']);
  });

  it('deletes conversations past their retention', async () => {
    const answer = dataOf(
      await assistant.call(null, ASK, { question: 'Nộp hồ sơ trực tuyến' }),
      'ask',
    );
    const run = maintenanceProcessor({
      models: catalog.models,
      logger,
      now: () => new Date(Date.now() + 2 * 3600_000),
    });
    await run({ task: 'conversations.expire' }, {} as never);
    expect(await catalog.models.Conversation.findById(answer.conversationId).lean()).toBeNull();
    const gone = await assistant.call(null, ASK, {
      question: 'Còn lệ phí?',
      conversationId: answer.conversationId,
    });
    expect(errorCodes(gone)).toEqual(['NOT_FOUND']);
  });
});

describe('generative mode (a local chat-completions stand-in)', () => {
  const question = 'Làm thế nào để nộp hồ sơ trực tuyến trên Cổng dịch vụ công?';

  it('keeps a model answer whose every sentence its cited passage supports; the prompt holds only passages', async () => {
    chat.requests.length = 0;
    chat.reply =
      'Người dân đăng nhập Cổng dịch vụ công bằng tài khoản định danh điện tử VNeID [1]. ' +
      'Lệ phí có thể thanh toán trực tuyến qua ngân hàng hoặc ví điện tử [1].';
    const answer = dataOf(await assistant.call(null, ASK, { question, mode: 'GENERATIVE' }), 'ask');
    expect(answer).toMatchObject({ status: 'ANSWERED', mode: 'GENERATIVE', notice: null });
    expect(answer.sentences).toHaveLength(2);
    expect(answer.citations[0].sourceId).toBe('64b000000000000000000001');
    const sent = chat.requests[0];
    expect(sent.path).toBe('/v1/chat/completions');
    expect(sent.auth).toBe('Bearer sk-test');
    const user = sent.body.messages.find((m: any) => m.role === 'user').content as string;
    expect(user).toContain('[1] Cẩm nang: Nộp hồ sơ trực tuyến');
    expect(user).toContain(question);
    expect(user).not.toMatch(/conversation|alice|citizen/i);
  });

  it('refuses a model answer with an unsupported sentence, and answers extractively', async () => {
    chat.reply =
      'Người dân đăng nhập Cổng dịch vụ công bằng tài khoản VNeID [1]. Hồ sơ được duyệt trong 2 giờ và miễn phí hoàn toàn [1].';
    const answer = dataOf(await assistant.call(null, ASK, { question, mode: 'GENERATIVE' }), 'ask');
    expect(answer.mode).toBe('EXTRACTIVE');
    expect(answer.notice).toMatch(/refused/);
    expect(answer.text).not.toContain('2 giờ');
    chat.reply = 'Người dân đăng nhập Cổng dịch vụ công bằng tài khoản VNeID.';
    const uncited = dataOf(
      await assistant.call(null, ASK, { question, mode: 'GENERATIVE' }),
      'ask',
    );
    expect(uncited.mode).toBe('EXTRACTIVE');
  });
});
