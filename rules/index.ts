import type { Rule } from '../core/engine/types.js';
import { invalidFrontMatter } from './invalid-front-matter.js';
import { maxMarkupDensity } from './max-markup-density.js';
import { maxNestingDepth } from './max-nesting-depth.js';
import { noComplianceOnly } from './no-compliance-only.js';
import { noHedgedCommitment } from './no-hedged-commitment.js';
import { noPastDate } from './no-past-date.js';
import { noVagueFollowUp } from './no-vague-follow-up.js';
import { noWeekdayMismatch } from './no-weekday-mismatch.js';
import { preferAbsoluteDate } from './prefer-absolute-date.js';
import { requireActionDueDate } from './require-action-due-date.js';
import { requireActionOwner } from './require-action-owner.js';
import { requireClientAction } from './require-client-action.js';
import { requireDatedNextEvent } from './require-dated-next-event.js';
import { requireEventTime } from './require-event-time.js';
import { requireMeetingDate } from './require-meeting-date.js';
import { requireNextSteps } from './require-next-steps.js';

/** Every rule, in the order of the README's rules table. */
export const rules: readonly Rule[] = [
  requireNextSteps,
  requireClientAction,
  requireDatedNextEvent,
  noVagueFollowUp,
  noComplianceOnly,
  noHedgedCommitment,
  requireActionOwner,
  requireActionDueDate,
  requireEventTime,
  noPastDate,
  noWeekdayMismatch,
  preferAbsoluteDate,
  requireMeetingDate,
  invalidFrontMatter,
  maxNestingDepth,
  maxMarkupDensity,
];
