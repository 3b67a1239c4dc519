/**
 * The account status shown on a note's title (code lens and hover): the pipeline report's summary of
 * the note's account, computed from the workspace's notes — the open ones as the editor holds them,
 * the others as they are on disk. Disk notes are read once and kept until they change (watched files).
 * Only notes that may belong to the account are linted: those whose path or first lines name it.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { accountKey, noteAccount } from '../core/pipeline/account-name.js';
import { meetingRecords } from '../core/pipeline/meeting-records.js';
import { pipelineReport } from '../core/pipeline/report.js';
import type { AccountSummary, MeetingRecord } from '../core/pipeline/types.js';
import type { Note } from '../core/model/types.js';
import type { ResolvedConfig } from '../core/engine/types.js';
import type { Vocabulary } from '../core/vocabulary/types.js';
import { dayInZone } from '../core/dates/day-in-zone.js';
import { toPosix } from '../workspace/paths.js';
import type { LintLanes } from '../worker/lint-lanes.js';
import { whyNotANote } from '../workspace/note-files.js';
import type { Workspace } from '../workspace/workspace.js';
import { DEFAULT_SETTINGS } from './settings.js';
import type { LintedNote } from './note-state.js';
import { filePath } from './note-linter.js';

/** How much of a file is searched for the account's name before it is linted. */
const HEAD_BYTES = 4096;
/** How long a code lens or hover waits for notes read from disk before it answers with what is ready. */
const WAIT_FOR_DISK_MS = 400;
/** Larger notes on disk are left out of the editor's account status (the CLI report reads them). */
const MAX_DISK_BYTES = 1024 * 1024;

interface DiskNote {
  stamp: string;
  head: string;
  /** Linted once it was a candidate: its account and meetings (none when it is not a customer note). */
  read?: { account?: string; records: MeetingRecord[] };
}

export class AccountStatuses {
  private disk = new Map<string, DiskNote>();
  private listing?: Promise<string[]>;
  /** The workspace's Markdown files, once listed. */
  private listed?: string[];
  private readonly reading = new Map<string, Promise<void>>();

  constructor(
    private readonly workspace: Workspace,
    private readonly runner: LintLanes,
    private readonly now: () => Date = () => new Date(),
    /** Called when notes read in the background may change a status. */
    private readonly onUpdate: () => void = () => {},
  ) {}

  /** Files changed on disk (or, with none given, anything may have): read them again when asked. */
  forget(files?: readonly string[]): void {
    this.listing = undefined;
    this.listed = undefined;
    if (!files) this.disk.clear();
    else for (const file of files) this.disk.delete(file);
  }

  /** The note's account and meetings, as the report reads them. */
  async recordsOf(linted: LintedNote): Promise<{ key: string; records: MeetingRecord[] } | undefined> {
    const file = filePath(linted.uri);
    const { note } = linted.result;
    if (!file || !note.isCustomerMeeting) return undefined;
    const found = await this.workspace.noteConfig(file);
    const account = this.accountOf(note, file, found.ok ? found.config : undefined, linted.vocabulary);
    const records = meetingRecords(note, linted.result.diagnostics, {
      file: this.shown(file),
      noteId: this.shown(file),
      account,
      vocabulary: linted.vocabulary,
    });
    return { key: accountKey(account), records };
  }

  /**
   * The summary of the open note's account, from every note of that account in the workspace. Notes
   * on disk not read yet are read in the background; what is ready within a moment is used, and
   * `pending` says how many are still being read (onUpdate is called when they are).
   */
  async summaryFor(linted: LintedNote, open: readonly LintedNote[]): Promise<{ summary?: AccountSummary; pending: number }> {
    const own = await this.recordsOf(linted);
    if (!own) return { pending: 0 };
    const records = [...own.records];
    const openFiles = new Set<string>();
    for (const other of open) {
      const file = filePath(other.uri);
      if (file) openFiles.add(file);
      if (other === linted) continue;
      const theirs = await this.recordsOf(other);
      if (theirs?.key === own.key) records.push(...theirs.records);
    }
    const ownFile = filePath(linted.uri);
    const reading = this.readAccount(own.key);
    await Promise.race([reading, new Promise((resolve) => setTimeout(resolve, WAIT_FOR_DISK_MS))]);
    let pending = 0;
    const files = this.listed ?? [];
    if (!this.listed) pending = 1;
    for (const file of files) {
      if (file === ownFile || openFiles.has(file)) continue;
      const entry = this.disk.get(file);
      if (!entry || (entry.head.includes(own.key) && !entry.read)) pending++;
      else if (entry.read?.account !== undefined && accountKey(entry.read.account) === own.key) records.push(...entry.read.records);
    }
    const found = await this.workspace.noteConfig(ownFile);
    const config = found.ok ? found.config : undefined;
    const report = pipelineReport(records, {
      today: dayInZone(config?.timezone ?? this.workspace.machineTimezone, this.now()),
      horizonDays: config?.report.horizonDays ?? 14,
    });
    return { summary: report.accounts.find((a) => accountKey(a.account) === own.key), pending };
  }

  /** Reads (once at a time per account) the disk notes that may belong to the account; onUpdate when done. */
  private readAccount(key: string): Promise<void> {
    let reading = this.reading.get(key);
    if (!reading) {
      reading = (async () => {
        let read = 0;
        for (const file of await this.files()) {
          const entry = this.disk.get(file);
          if (entry?.read || (entry && !entry.head.includes(key))) continue;
          await this.diskRecords(file, key);
          read++;
        }
        if (read > 0) this.onUpdate();
      })()
        .catch(() => undefined)
        .finally(() => this.reading.delete(key));
      this.reading.set(key, reading);
    }
    return reading;
  }

  private files(): Promise<string[]> {
    this.listing ??= this.workspace.find([this.workspace.root]).then(
      (expansion) => (this.listed = expansion.files.map((f) => f.path)),
      () => (this.listed = []),
    );
    return this.listing;
  }

  private async diskRecords(file: string, key: string): Promise<DiskNote['read']> {
    const info = await stat(file).catch(() => undefined);
    if (!info || info.size > MAX_DISK_BYTES) return undefined;
    const stamp = `${info.mtimeMs}:${info.size}`;
    let entry = this.disk.get(file);
    if (!entry || entry.stamp !== stamp) {
      const bytes = await readFile(file).catch(() => undefined);
      if (!bytes) return undefined;
      entry = {
        stamp,
        head:
          toPosix(path.relative(this.workspace.root, file)).toLowerCase() +
          '\n' +
          bytes.subarray(0, HEAD_BYTES).toString('utf8').toLowerCase(),
      };
      this.disk.set(file, entry);
    }
    if (!entry.read && entry.head.includes(key)) entry.read = await this.lintDisk(file);
    return entry.read;
  }

  private async lintDisk(file: string): Promise<DiskNote['read']> {
    const found = await this.workspace.noteConfig(file);
    if (!found.ok || found.excluded) return { records: [] };
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) return { records: [] };
    try {
      const { note, diagnostics } = await this.runner.runInBackground({
        text,
        path: file,
        data: { ...(found.inputs.data ?? {}), logs: 'all' },
        ruleOverrides: {},
        machineTimezone: this.workspace.machineTimezone,
      });
      if (!note.isCustomerMeeting || whyNotANote(note, found.applies, DEFAULT_SETTINGS.lintAllMarkdown, found.config.vocabulary))
        return { records: [] };
      const account = this.accountOf(note, file, found.config, found.config.vocabulary);
      return {
        account,
        records: meetingRecords(note, diagnostics, {
          file: this.shown(file),
          noteId: this.shown(file),
          account,
          vocabulary: found.config.vocabulary,
        }),
      };
    } catch {
      return { records: [] };
    }
  }

  private accountOf(note: Note, file: string, config: ResolvedConfig | undefined, vocabulary: Vocabulary): string {
    return noteAccount(
      note,
      toPosix(path.relative(this.workspace.root, file)),
      path.basename(this.workspace.root),
      config?.report.accountFrom ?? 'folder',
      vocabulary,
    );
  }

  private shown(file: string): string {
    return toPosix(path.relative(this.workspace.root, file));
  }
}
