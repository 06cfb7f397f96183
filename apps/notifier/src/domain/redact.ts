const EMAIL = /[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;:]+\.[A-Za-z0-9-]{2,}/g;

/** Removes e-mail addresses from free text (relay responses, errors) before it is logged. */
export function redactAddresses(text: string): string {
  return text.replace(EMAIL, '[address]');
}

/** The host of a URL, for logs: partners' URLs may carry tokens in their path or query. */
export function urlHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '[invalid url]';
  }
}
