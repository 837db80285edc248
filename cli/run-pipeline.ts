// What `run` and `calibrate` do around the harness's executeRun: the measured document gets the
// recommendations of the advice rules (unverified; run's --verify-advice measures them after) and
// the findings across cells (a state-size sweep's crossover), written back into results.json.
// The harness measures; analysis advises, one layer up.

import { adviseDocument } from '../analysis/advice/advise.js';
import { documentFindings } from '../analysis/scaling/findings.js';
import { traceCurves } from '../analysis/trace/curves.js';
import { writeResultDocument } from '../core/result/write-document.js';
import { executeRun, type ExecuteHooks, type RunOutcome } from '../harness/run-command/execute.js';
import type { ResolvedRunOptions } from '../harness/plan/run-options.js';

export async function runAndAdvise(o: ResolvedRunOptions, hooks: ExecuteHooks): Promise<RunOutcome> {
  const measured = await executeRun(o, hooks);
  const recommendations = adviseDocument(measured.document, { memoryBudgetBytes: o.memoryBudgetBytes ?? null, missRatioCurves: traceCurves(o.workloads) });
  const document = { ...measured.document, recommendations, ...documentFindings(measured.document) };
  writeResultDocument(measured.outDir, document);
  return { ...measured, document };
}
