/**
 * Which files are Markdown notes, for the CLI and the language server alike: `.md` and `.markdown`, in
 * any case (`NOTES.MD` too). The editor speaks about an unsaved buffer by its language instead.
 */
export const MARKDOWN_EXTENSIONS = ['md', 'markdown'] as const;

/** What a folder expands to (matched case-insensitively). */
export const MARKDOWN_GLOB = `**/*.{${MARKDOWN_EXTENSIONS.join(',')}}`;

const MARKDOWN_FILE = new RegExp(`\\.(?:${MARKDOWN_EXTENSIONS.join('|')})$`, 'i');

export function isMarkdownPath(file: string): boolean {
  return MARKDOWN_FILE.test(file);
}
