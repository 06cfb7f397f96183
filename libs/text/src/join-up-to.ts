/**
 * `pieces` (words, sentences) joined with single spaces into runs of at most `width`
 * characters, greedily and in order; a piece longer than `width` makes a run of its own.
 */
export function joinUpTo(pieces: Iterable<string>, width: number): string[] {
  const runs: string[] = [];
  let run = '';
  for (const piece of pieces) {
    if (run && run.length + piece.length + 1 > width) {
      runs.push(run);
      run = piece;
    } else run = run ? `${run} ${piece}` : piece;
  }
  if (run) runs.push(run);
  return runs;
}
