/** Why a note is too large to lint (config `maxNoteBytes`), or undefined when it is not. */
/** `subject` starts the sentence: "This note", or "it" after the editor's "notelint cannot check this note:". */
export function tooLarge(bytes: number, limit: number, subject = 'This note'): string | undefined {
  if (bytes <= limit) return undefined;
  return `${subject} is ${size(bytes)}, more than the ${size(limit)} notelint reads (config "maxNoteBytes"): it was not linted. Split it into smaller notes, or raise the limit.`;
}

function size(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
  return `${bytes} bytes`;
}
