/**
 * A subgraph's answer, read whole: its status, headers and body as text. The body can be read
 * any number of times, so one answer may be handed to every caller of a shared fetch (each
 * parses its own copy: the gateway merges the data it gets into its response).
 *
 * Not a WHATWG `Response`: each of those builds a web stream for its body; the gateway's
 * profile under load showed that machinery (fetch, web streams, their garbage) as its largest
 * cost (7 Dec 2026).
 */
export class SubgraphAnswer {
  constructor(
    readonly url: string,
    readonly status: number,
    /** As undici gives them: lower-case names, a repeated header as an array. */
    private readonly headers: Record<string, string | string[] | undefined>,
    readonly body: string,
  ) {}

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  /** One header's value (a repeated one joined by ", "), or undefined. */
  header(name: string): string | undefined {
    const value = this.headers[name.toLowerCase()];
    return Array.isArray(value) ? value.join(', ') : value;
  }

  /** The body parsed when the subgraph says it is JSON, else the text (as Apollo's data source reads it). */
  content(): unknown {
    const type = this.header('content-type') ?? '';
    return type.startsWith('application/json') ||
      type.startsWith('application/graphql-response+json')
      ? JSON.parse(this.body)
      : this.body;
  }
}
