function csvField(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A CSV document (comma-separated, one header line), its fields quoted where they must be. */
export function toCsv(header: string, rows: readonly (readonly string[])[]): string {
  return [header, ...rows.map((row) => row.map(csvField).join(','))].join('\n');
}

/** How many rows hold each value of `column`, for tests that check counts from the data itself. */
export function countByColumn(
  rows: readonly (readonly string[])[],
  column: number,
): ReadonlyMap<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row[column]!, (counts.get(row[column]!) ?? 0) + 1);
  return counts;
}
