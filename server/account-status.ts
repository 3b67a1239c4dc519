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
import { expandPaths } from '../cli/files.js';
import { toPosix } from '../files/paths.js';
import type { LintLanes } from '../worker/lint-lanes.js';
import type { NoteConfigs } from './note-configs.js';
import type { LintedNote } from './note-state.js';
import { filePath } from './note-linter.js';
import { whyNotLinted } from './selection.js';
import { DEFAULT_SETTINGS } from './settings.js';

/** How much of a file is searched for the account's name before it is linted. */
const HEAD_BYTES = 4096;
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

  constructor(
    private readonly root: string,
    private readonly configs: NoteConfigs,
    private readonly runner: LintLanes,
    private readonly machineTimezone: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Files changed on disk (or, with none given, anything may have): read them again when asked. */
  forget(files?: readonly string[]): void {
    this.listing = undefined;
    if (!files) this.disk.clear();
    else for (const file of files) this.disk.delete(file);
  }

  /** The note's account and meetings, as the report reads them. */
  async recordsOf(linted: LintedNote): Promise<{ key: string; records: MeetingRecord[] } | undefined> {
    const file = filePath(linted.uri);
    const { note } = linted.result;
    if (!file || !note.isCustomerMeeting) return undefined;
    const found = await this.configs.forNote(file, {});
    const account = this.accountOf(note, file, found.ok ? found.config : undefined, linted.vocabulary);
    const records = meetingRecords(note, linted.result.diagnostics, { file: this.shown(file), noteId: this.shown(file), account, vocabulary: linted.vocabulary });
    return { key: accountKey(account), records };
  }

  /** The summary of the open note's account, from every note of that account in the workspace. */
  async summaryFor(linted: LintedNote, open: readonly LintedNote[]): Promise<AccountSummary | undefined> {
    const own = await this.recordsOf(linted);
    if (!own) return undefined;
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
    for (const file of await this.files()) {
      if (file === ownFile || openFiles.has(file)) continue;
      const read = await this.diskRecords(file, own.key);
      if (read?.account !== undefined && accountKey(read.account) === own.key) records.push(...read.records);
    }
    const found = await this.configs.forNote(ownFile, {});
    const config = found.ok ? found.config : undefined;
    const report = pipelineReport(records, {
      today: dayInZone(config?.timezone ?? this.machineTimezone, this.now()),
      horizonDays: config?.report.horizonDays ?? 14,
    });
    return report.accounts.find((a) => accountKey(a.account) === own.key);
  }

  private files(): Promise<string[]> {
    this.listing ??= expandPaths([this.root], this.root).then(
      (expansion) => expansion.files.map((f) => f.path),
      () => [],
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
      entry = { stamp, head: toPosix(path.relative(this.root, file)).toLowerCase() + '\n' + bytes.subarray(0, HEAD_BYTES).toString('utf8').toLowerCase() };
      this.disk.set(file, entry);
    }
    if (!entry.read && entry.head.includes(key)) entry.read = await this.lintDisk(file);
    return entry.read;
  }

  private async lintDisk(file: string): Promise<DiskNote['read']> {
    const found = await this.configs.forNote(file, {});
    if (!found.ok || found.excluded) return { records: [] };
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) return { records: [] };
    try {
      const { note, diagnostics } = await this.runner.runInBackground({
        text,
        path: file,
        data: { ...(found.source.data ?? {}), logs: 'all' },
        ruleOverrides: {},
        machineTimezone: this.machineTimezone,
      });
      if (!note.isCustomerMeeting || whyNotLinted(note, found.applies, DEFAULT_SETTINGS, found.config.vocabulary)) return { records: [] };
      const account = this.accountOf(note, file, found.config, found.config.vocabulary);
      return { account, records: meetingRecords(note, diagnostics, { file: this.shown(file), noteId: this.shown(file), account, vocabulary: found.config.vocabulary }) };
    } catch {
      return { records: [] };
    }
  }

  private accountOf(note: Note, file: string, config: ResolvedConfig | undefined, vocabulary: Vocabulary): string {
    return noteAccount(note, toPosix(path.relative(this.root, file)), path.basename(this.root), config?.report.accountFrom ?? 'folder', vocabulary);
  }

  private shown(file: string): string {
    return toPosix(path.relative(this.root, file));
  }
}
