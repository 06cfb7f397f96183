/**
 * Replies a stand-in service holds back to play one that hangs: `later` answers after `ms`
 * unless the client has gone by then; `clear` drops those still waiting (at close).
 */
export class HeldReplies {
  private readonly timers = new Set<NodeJS.Timeout>();

  later(res: { readonly destroyed: boolean }, ms: number, answer: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!res.destroyed) answer();
    }, ms);
    this.timers.add(timer);
  }

  clear(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
