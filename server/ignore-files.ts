import { ignoredBy, ignoreFilesAbove, readIgnoreFile, type IgnoreRules, type RefusedPattern } from '../workspace/ignore-rules.js';

/**
 * The ignore files that leave a note out, as the CLI honours them (files/ignore-rules.ts): the
 * `.gitignore` files of its git repository and the `.notelintignore` files from the workspace folder
 * down, applied git's way. A note they leave out stays quiet in the editor too.
 */
export class IgnoreFiles {
  private byFile = new Map<string, Promise<IgnoreRules | undefined>>();

  /** `onRefused`: told of each pattern not used (it could take hours to match). */
  constructor(
    private readonly root: string,
    private readonly onRefused: (pattern: RefusedPattern) => void = () => {},
  ) {}

  reset(): void {
    this.byFile = new Map();
  }

  /** The ignore file that leaves the note out, if one does. */
  async ignoring(file: string): Promise<string | undefined> {
    const rules = await Promise.all(ignoreFilesAbove(file, this.root).map((f) => this.read(f)));
    return ignoredBy(
      rules.filter((r): r is IgnoreRules => r !== undefined),
      file,
    );
  }

  private read(file: string): Promise<IgnoreRules | undefined> {
    let found = this.byFile.get(file);
    if (!found) {
      // No ignore file there (or one we cannot read): undefined.
      found = readIgnoreFile(file).then((rules) => {
        for (const pattern of rules?.refused ?? []) this.onRefused(pattern);
        return rules;
      });
      this.byFile.set(file, found);
    }
    return found;
  }
}
