import type { RemoteGraphQLDataSource } from '@apollo/gateway';

/** What a data source's fetcher returns (`@apollo/utils.fetcher`'s FetcherResponse). */
type FetcherResponse = Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0];
type FetcherHeaders = FetcherResponse['headers'];

/**
 * A subgraph's answer, read whole: what `RemoteGraphQLDataSource` reads of a fetch response
 * (status, headers, the body as text or JSON), over a string. Its body can be read any number
 * of times, so one answer may be handed to every caller of a shared fetch.
 *
 * Not the WHATWG `Response`: each of those builds a web stream for its body and a `Headers`
 * that validates every name, several times a subgraph fetch; the gateway's profile under load
 * showed that machinery (undici's fetch, web streams, their garbage) as its largest cost.
 */
export class SubgraphAnswer implements FetcherResponse {
  readonly bodyUsed = false;
  readonly redirected = false;
  readonly headers: AnswerHeaders;

  constructor(
    readonly url: string,
    readonly status: number,
    headers: Iterable<[string, string]>,
    readonly body: string,
    readonly statusText = '',
  ) {
    this.headers = new AnswerHeaders(headers);
  }

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  async text(): Promise<string> {
    return this.body;
  }

  async json(): Promise<any> {
    return JSON.parse(this.body);
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = Buffer.from(this.body);
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  }

  clone(): SubgraphAnswer {
    return new SubgraphAnswer(this.url, this.status, this.headers, this.body, this.statusText);
  }
}

/** Response headers by lower-case name; a repeated header's values joined as `Headers` does. */
class AnswerHeaders implements FetcherHeaders {
  private readonly map = new Map<string, string>();

  constructor(entries: Iterable<[string, string]>) {
    for (const [name, value] of entries) this.append(name, value);
  }

  append(name: string, value: string): void {
    const key = name.toLowerCase();
    const had = this.map.get(key);
    this.map.set(key, had === undefined ? value : `${had}, ${value}`);
  }

  delete(name: string): void {
    this.map.delete(name.toLowerCase());
  }

  get(name: string): string | null {
    return this.map.get(name.toLowerCase()) ?? null;
  }

  has(name: string): boolean {
    return this.map.has(name.toLowerCase());
  }

  set(name: string, value: string): void {
    this.map.set(name.toLowerCase(), value);
  }

  entries(): IterableIterator<[string, string]> {
    return this.map.entries();
  }

  keys(): IterableIterator<string> {
    return this.map.keys();
  }

  values(): IterableIterator<string> {
    return this.map.values();
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.map.entries();
  }
}
