/**
 * Word error rate of a transcript against what was said: the fewest words substituted, deleted
 * and inserted to turn one into the other, over the number of words said. Case and punctuation
 * do not count; a hyphen joins words the recogniser may write apart ("kartu-kartu").
 */
export function wordErrorRate(reference: string, hypothesis: string): number {
  const said = words(reference);
  const heard = words(hypothesis);
  if (said.length === 0) return heard.length === 0 ? 0 : 1;
  // One row of the edit-distance table at a time: row[j] is the distance from the words said so
  // far to the first j words heard.
  let row = heard.map((_, j) => j + 1);
  row.unshift(0);
  for (let i = 1; i <= said.length; i += 1) {
    const next = [i];
    for (let j = 1; j <= heard.length; j += 1) {
      const substitution = row[j - 1]! + (said[i - 1] === heard[j - 1] ? 0 : 1);
      next.push(Math.min(row[j]! + 1, next[j - 1]! + 1, substitution));
    }
    row = next;
  }
  return row[heard.length]! / said.length;
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]+/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
}
