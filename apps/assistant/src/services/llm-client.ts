import { z } from 'zod';

export interface LlmOptions {
  /** An OpenAI-compatible API base, e.g. https://llm.example/v1 (chat/completions is appended). */
  baseUrl: string;
  apiKey: string | null;
  model: string;
  timeoutMs: number;
}

const completion = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string().nullable() }) })).min(1),
});

export class LlmUnavailableError extends Error {}

/** One chat completion from an OpenAI-compatible endpoint (no streaming, temperature 0). */
export function createLlmClient(options: LlmOptions) {
  const url = `${options.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  return async function complete(
    messages: { role: 'system' | 'user'; content: string }[],
  ): Promise<string> {
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
        },
        body: JSON.stringify({ model: options.model, messages, temperature: 0, max_tokens: 600 }),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (err) {
      throw new LlmUnavailableError(`chat endpoint unreachable: ${(err as Error).message}`);
    }
    if (!res.ok) throw new LlmUnavailableError(`chat endpoint answered HTTP ${res.status}`);
    const parsed = completion.safeParse(await res.json().catch(() => null));
    if (!parsed.success) throw new LlmUnavailableError('chat endpoint answered an unexpected body');
    return parsed.data.choices[0]!.message.content ?? '';
  };
}

export type LlmComplete = ReturnType<typeof createLlmClient>;
