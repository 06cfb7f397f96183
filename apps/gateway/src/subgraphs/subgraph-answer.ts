import type { RemoteGraphQLDataSource } from '@apollo/gateway';

/** What a data source's fetcher returns (`@apollo/utils.fetcher`'s FetcherResponse). */
type FetcherResponse = Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0];

/**
 * A subgraph's answer, read whole: what `RemoteGraphQLDataSource` reads of a fetch response
 * (status, headers, the body as text or JSON), over a string. Its body can be read any number
 * of times, so one answer may be handed to every caller of a shared fetch.
 *
 * Not the WHATWG `Response`: each of those builds a web stream for its body, several times a
 * subgraph fetch; the gateway's profile under load showed that machinery (undici's fetch, web
 * streams, their garbage) as its largest cost.
 */
export class SubgraphAnswer implements FetcherResponse {
  readonly bodyUsed = false;
  readonly redirected = false;
  readonly headers: Headers;

  constructor(
    readonly url: string,
    readonly status: number,
    headers: Headers | [string, string][],
    readonly body: string,
    readonly statusText = '',
  ) {
    this.headers = new Headers(headers);
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
