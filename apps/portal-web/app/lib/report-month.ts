/** A city month ("2026-12") as the instants it starts and ends (Asia/Ho_Chi_Minh, UTC+7). */
export function monthPeriod(month: string): { from: string; to: string } | null {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!m) return null;
  const year = Number(m[1]);
  const index = Number(m[2]);
  const next = index === 12 ? `${year + 1}-01` : `${year}-${String(index + 1).padStart(2, '0')}`;
  const start = (ym: string) => new Date(`${ym}-01T00:00:00+07:00`).toISOString();
  return { from: start(month), to: start(next) };
}

/** The city month an instant falls in, and the `count - 1` months before it, newest first. */
export function recentMonths(at: Date, count: number): string[] {
  const local = new Date(at.getTime() + 7 * 3600_000);
  const index = local.getUTCFullYear() * 12 + local.getUTCMonth();
  return Array.from({ length: count }, (_, i) => {
    const k = index - i;
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  });
}
