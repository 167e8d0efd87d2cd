/**
 * Trimming runs of given characters, in one pass. The regular expressions that say the same
 * (/x+$/, /^x+|x+$/g) try the run again from each of its characters when something follows it,
 * which takes time in the square of the run's length: test/unit/regex-safety.test.ts forbids them.
 */

/** `text` without the characters of `chars` at its start and its end, or its end only. */
export function trimChars(text: string, chars: string, ends: 'both' | 'end' = 'both'): string {
  let start = 0;
  let end = text.length;
  if (ends === 'both') while (start < end && chars.includes(text[start]!)) start++;
  while (end > start && chars.includes(text[end - 1]!)) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}
