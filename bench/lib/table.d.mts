// Types of bench/lib/table.mjs, for the test that checks it (test/bench-table.test.ts).

export interface RowInput {
  what: string;
  figure: string;
  target: string;
  value: number | undefined;
  atMost?: number;
  atLeast?: number;
  ratio?: string;
  failed?: boolean;
  note?: string;
}

export interface Row {
  what: string;
  figure: string;
  target: string;
  ratio: string;
  /** undefined: not measured. */
  met: boolean | undefined;
  value: number | undefined;
  note?: string;
}

export function row(input: RowInput): Row;
export function verdict(met: boolean | undefined): 'met' | 'NOT met' | 'not measured';
export function formatTable(rows: Row[]): string;
export const fmt: {
  s(seconds: number | undefined): string;
  ms(ms: number | undefined): string;
  mb(bytes: number | undefined): string;
  x(ratio: number | undefined): string;
};
