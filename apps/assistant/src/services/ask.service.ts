import { randomBytes } from 'node:crypto';
import { webPages } from '@portal/config';
import { isSignedIn, type Viewer } from '@portal/auth';
import { notFound } from '@portal/errors';
import { parseArgs } from '@portal/graphql-kit';
import type { Logger } from '@portal/logger';
import { words } from '@portal/text';
import { askArgs, isFollowUp } from '../domain/ask-input';
import { cite, selectPassages } from '../domain/compose';
import { checkSentences } from '../domain/support-check';
import { matchRows, tableIntent, type TableIntent } from '../domain/table-query';
import type { AssistantModels } from '../models';
import type { ConversationDoc, ConversationTurn } from '../models/conversation.model';
import type { SourceKind } from '../models/passage.model';
import type { ResourceDoc } from '../models/resource.model';
import type { Scored } from '../retrieval/bm25';
import type { PassageIndex } from '../retrieval/passage-index';
import { queryTerms, queryWords } from '../retrieval/terms';
import type { LlmComplete } from './llm-client';

export interface Limiter {
  consume(key: string): Promise<void>;
}

export interface AskServiceOptions {
  models: AssistantModels;
  index: PassageIndex;
  /** Absent when no chat endpoint is configured (GENERATIVE then answers extractively). */
  llm: LlmComplete | null;
  perPerson: Limiter;
  perAddress: Limiter;
  retentionMs: number;
  webBaseUrl: string;
  logger: Logger;
  now: () => Date;
}

export interface CitationView {
  index: number;
  kind: SourceKind;
  sourceId: string;
  title: string;
  link: string;
  passage: string;
}

export interface AnswerView {
  conversationId: string;
  status: 'ANSWERED' | 'NO_ANSWER';
  mode: 'EXTRACTIVE' | 'GENERATIVE';
  text: string;
  sentences: { text: string; citations: number[] }[];
  citations: CitationView[];
  table: {
    datasetId: string;
    resourceId: string;
    filters: string[];
    count: number;
    columns: string[];
    rows: string[][];
  } | null;
  feedback: { message: string; hotline: string; feedbackUrl: string } | null;
  notice: string | null;
}

const MAX_TURNS = 10;
const PREVIOUS_TURN_WEIGHT = 0.5;
const TABLE_ROWS_SHOWN = 20;
const TABLE_ROWS_READ = 20_000;

/**
 * Answers questions from the retrieval index, always with citations: count and list
 * questions from a dataset's rows; otherwise the best passages (extractive) or a chat
 * model's text that every sentence of is checked against the passages it cites
 * (generative). When nothing relevant is found, it says so and offers feedback or 1022.
 */
export class AskService {
  private readonly log: Logger;

  constructor(private readonly o: AskServiceOptions) {
    this.log = o.logger.child({ module: 'ask' });
  }

  async ask(viewer: Viewer, clientKey: string | null, args: unknown): Promise<AnswerView> {
    // Anyone may ask; the limits come first, so bad input counts against them too.
    if (isSignedIn(viewer)) await this.o.perPerson.consume(`p:${viewer.id}`);
    await this.o.perAddress.consume(`a:${clientKey ?? 'unknown'}`);
    const input = parseArgs(askArgs, args);
    const conversation = input.conversationId
      ? await this.loadConversation(viewer, input.conversationId)
      : null;
    const previous = conversation?.turns.at(-1) ?? null;

    const topic = queryWords(input.question);
    const terms = queryTerms(input.question);
    const followUp = previous !== null && isFollowUp(input.question, topic.length);
    const weights = new Map<string, number>();
    let searchTerms = terms;
    let topicWords = topic;
    if (followUp) {
      const extra = previous.terms.filter((t) => !terms.includes(t));
      for (const t of extra) weights.set(t, PREVIOUS_TURN_WEIGHT);
      searchTerms = [...terms, ...extra];
      topicWords = [...new Set([...topic, ...extra])];
    }
    const ranked = await this.o.index.search(searchTerms, topicWords, { limit: 10, weights });

    const intent =
      tableIntent(input.question) ?? (followUp ? (previous.table?.intent ?? null) : null);
    let answer: Omit<AnswerView, 'conversationId'> | null = null;
    let table: ConversationTurn['table'] = null;
    if (intent) {
      const preferred = followUp ? (previous.table?.resourceId ?? null) : null;
      const tabular = await this.answerFromTable(input.question, intent, ranked, preferred, topic);
      if (tabular) {
        answer = tabular;
        table = { resourceId: tabular.table!.resourceId, intent };
      }
    }
    if (!answer) {
      answer =
        input.mode === 'GENERATIVE'
          ? await this.generative(input.question, ranked, topicWords)
          : this.extractive(ranked, topicWords);
    }

    const conversationId = await this.saveTurn(viewer, conversation, {
      terms: topic,
      sources: answer.citations.map((c) => c.sourceId),
      table,
      at: this.o.now(),
    });
    return { conversationId, ...answer };
  }

  private async loadConversation(viewer: Viewer, id: string): Promise<ConversationDoc> {
    const found = await this.o.models.Conversation.findById(id).lean<ConversationDoc>();
    // Another person's conversation, or an expired one, does not exist for this viewer.
    if (!found || found.expiresAt <= this.o.now() || found.viewerId !== (viewer.id ?? null))
      throw notFound('Conversation');
    return found;
  }

  private async saveTurn(
    viewer: Viewer,
    conversation: ConversationDoc | null,
    turn: ConversationTurn,
  ): Promise<string> {
    const now = this.o.now();
    const expiresAt = new Date(now.getTime() + this.o.retentionMs);
    if (conversation) {
      const turns = [...conversation.turns, turn].slice(-MAX_TURNS);
      await this.o.models.Conversation.updateOne(
        { _id: conversation._id },
        { $set: { turns, updatedAt: now, expiresAt } },
      );
      return conversation._id;
    }
    const id = randomBytes(16).toString('base64url').slice(0, 22);
    await this.o.models.Conversation.create({
      _id: id,
      viewerId: viewer.id ?? null,
      turns: [turn],
      createdAt: now,
      updatedAt: now,
      expiresAt,
    });
    return id;
  }

  private citationOf(s: Scored, index: number, passage: string): CitationView {
    const p = s.passage;
    return { index, kind: p.kind, sourceId: p.citeId, title: p.title, link: p.link, passage };
  }

  private noAnswer(mode: AnswerView['mode'], notice: string | null = null) {
    const text =
      'Xin lỗi, tôi chưa tìm thấy thông tin phù hợp trong nội dung đã công bố của Cổng và dữ liệu mở. ' +
      'Bạn có thể gửi góp ý để được cơ quan phụ trách trả lời, hoặc gọi đường dây nóng 1022.';
    return {
      status: 'NO_ANSWER' as const,
      mode,
      text,
      sentences: [],
      citations: [],
      table: null,
      feedback: {
        message: 'Gửi câu hỏi qua biểu mẫu góp ý hoặc gọi đường dây nóng 1022.',
        hotline: '1022',
        feedbackUrl: webPages(this.o.webBaseUrl).feedback(),
      },
      notice,
    };
  }

  /** The best passages' best sentences, each marked with its citation. */
  extractive(
    ranked: readonly Scored[],
    topicWords: readonly string[],
    notice: string | null = null,
  ) {
    const selected = selectPassages(ranked, topicWords);
    if (!selected.length) return this.noAnswer('EXTRACTIVE', notice);
    const citations = selected.map((s, i) => this.citationOf(s.scored, i + 1, s.used.join(' ')));
    const sentences = selected.flatMap((s, i) =>
      s.used.map((text) => ({ text, citations: [i + 1] })),
    );
    return {
      status: 'ANSWERED' as const,
      mode: 'EXTRACTIVE' as const,
      text: sentences.map((s) => cite(s.text, s.citations)).join(' '),
      sentences,
      citations,
      table: null,
      feedback: null,
      notice,
    };
  }

  private async generative(
    question: string,
    ranked: readonly Scored[],
    topicWords: readonly string[],
  ) {
    if (!this.o.llm)
      return this.extractive(
        ranked,
        topicWords,
        'No chat model is configured; the answer is extractive.',
      );
    const selected = selectPassages(ranked, topicWords);
    if (!selected.length) return this.noAnswer('GENERATIVE');
    const passages = selected.map((s) => s.scored.passage);
    const prompt = passages.map((p, i) => `[${i + 1}] ${p.title}\n${p.text}`).join('\n\n');
    let output: string;
    try {
      output = await this.o.llm([
        {
          role: 'system',
          content:
            'Bạn là trợ lý của Cổng thông tin Chuyển đổi số TP.HCM. Chỉ dùng các đoạn trích được đánh số. ' +
            'Mỗi câu trả lời phải kết thúc bằng số đoạn trích hỗ trợ nó, dạng [1]. Không thêm thông tin ngoài đoạn trích. ' +
            'Answer in the language of the question.',
        },
        { role: 'user', content: `Đoạn trích:\n\n${prompt}\n\nCâu hỏi: ${question}` },
      ]);
    } catch (err) {
      this.log.warn({ err: (err as Error).message }, 'chat model failed; answering extractively');
      return this.extractive(
        ranked,
        topicWords,
        'The chat model did not answer; the answer is extractive.',
      );
    }
    const checked = checkSentences(
      output,
      passages.map((p) => p.text),
    );
    if (!checked.length || checked.some((s) => !s.supported)) {
      this.log.info(
        { sentences: checked.length },
        'generated answer refused: unsupported sentence',
      );
      return this.extractive(
        ranked,
        topicWords,
        'The generated answer was refused because a sentence was not supported by the cited passages; the answer is extractive.',
      );
    }
    const used = [...new Set(checked.flatMap((s) => s.citations))].sort((a, b) => a - b);
    const renumber = new Map(used.map((n, i) => [n, i + 1]));
    const sentences = checked.map((s) => ({
      text: s.text,
      citations: s.citations.map((n) => renumber.get(n)!),
    }));
    return {
      status: 'ANSWERED' as const,
      mode: 'GENERATIVE' as const,
      text: sentences.map((s) => cite(s.text, s.citations)).join(' '),
      sentences,
      citations: used.map((n) => {
        const s = selected[n - 1]!;
        return this.citationOf(s.scored, renumber.get(n)!, s.scored.passage.text);
      }),
      table: null,
      feedback: null,
      notice: null,
    };
  }

  /** A count or list from the rows of the best-matching tabular resource, citing it. */
  private async answerFromTable(
    question: string,
    intent: TableIntent,
    ranked: readonly Scored[],
    preferredResource: string | null,
    topic: readonly string[],
  ): Promise<Omit<AnswerView, 'conversationId'> | null> {
    const { Resource, Dataset, TableRow } = this.o.models;
    const candidates: string[] = [];
    if (preferredResource) candidates.push(preferredResource);
    for (const s of ranked.slice(0, 5)) {
      // Plain share of the question's words (English questions miss the data's Vietnamese
      // words, which IDF weighting would count heavily); the rows' values decide the rest.
      const plain = topic.filter((w) => s.passage.termSet.includes(w)).length / (topic.length || 1);
      if (plain < 0.3) continue;
      if (s.passage.kind === 'RESOURCE') candidates.push(s.passage.citeId);
      if (s.passage.kind === 'DATASET') {
        const rs = await Resource.find(
          { datasetId: s.passage.sourceId, removedAt: null },
          { _id: 1 },
        )
          .sort({ position: 1 })
          .lean();
        candidates.push(...rs.map((r) => r._id));
      }
    }
    for (const id of [...new Set(candidates)]) {
      const resource = await Resource.findById(id).lean<ResourceDoc>();
      if (!resource || resource.removedAt || resource.preview.status !== 'READY') continue;
      if (!resource.preview.tableRows) continue;
      const dataset = await Dataset.findById(resource.datasetId).lean();
      if (!dataset || dataset.removedAt) continue;
      const rows = (
        await TableRow.find({ resourceId: id, fingerprint: resource.preview.fingerprint })
          .sort({ n: 1 })
          .limit(TABLE_ROWS_READ)
          .lean()
      ).map((r) => r.values);
      const columns = resource.preview.columns.map((c) => c.name);
      const context = `${dataset.title} ${dataset.description ?? ''} ${resource.name} ${dataset.tags.join(' ')}`;
      const match = matchRows(question, columns, rows, context);
      if (!match.filters.length && match.unexplained.length) continue;
      if (!match.filters.length && !topic.some((w) => words(context).includes(w))) continue;
      const filterText = match.filters.map((f) => `${f.column} = ${f.value}`);
      const where = match.filters.length ? ` có ${filterText.join(', ')}` : '';
      const count = match.rows.length;
      const shown = match.rows.slice(0, TABLE_ROWS_SHOWN).map((i) => rows[i]!);
      const label = columns.findIndex((c) => /^ten|name|title/i.test(c));
      const names = shown.map((r) => r[label >= 0 ? label : 0]).filter(Boolean);
      const sentence1 = `Theo bộ dữ liệu "${dataset.title}", tệp "${resource.name}" có ${count} dòng${where}.`;
      const sentence2 =
        intent === 'LIST' && names.length
          ? `Gồm: ${names.join('; ')}${count > shown.length ? '; …' : ''}.`
          : null;
      const passage = [
        `${resource.name} (${resource.preview.truncated ? `${rows.length} dòng đầu` : `${rows.length} dòng`})${where}: ${count} dòng.`,
        ...shown.map((r) => r.join(', ')),
      ].join('\n');
      const sentences = [sentence1, sentence2]
        .filter((s): s is string => Boolean(s))
        .map((text) => ({ text, citations: [1] }));
      return {
        status: 'ANSWERED',
        mode: 'EXTRACTIVE',
        text: sentences.map((s) => cite(s.text, s.citations)).join(' '),
        sentences,
        citations: [
          {
            index: 1,
            kind: 'RESOURCE',
            sourceId: resource._id,
            title: `${resource.name} (${dataset.title})`,
            link: resource.url,
            passage,
          },
        ],
        table: {
          datasetId: dataset._id,
          resourceId: resource._id,
          filters: filterText,
          count,
          columns,
          rows: shown,
        },
        feedback: null,
        notice: resource.preview.truncated
          ? `Counted over the first ${rows.length} rows of the file kept for answers.`
          : null,
      };
    }
    return null;
  }
}
