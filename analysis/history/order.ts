// The order a history is judged in: commit order when the repository knows every document's
// commit (several documents of one commit by the time they were made), else the time each
// document was made (createdAt), with the reason said.

import type { ResultDocument } from '../../core/result/schema.js';
import type { OrderedBy } from './types.js';

export interface LabelledDocument {
  readonly label: string;
  readonly doc: ResultDocument;
}

export interface Ordering {
  readonly documents: readonly LabelledDocument[];
  readonly orderedBy: OrderedBy;
  readonly note: string | null;
}

const byTime = (a: LabelledDocument, b: LabelledDocument): number =>
  Date.parse(a.doc.createdAt) - Date.parse(b.doc.createdAt) || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);

/**
 * `commits`: the repository's commits oldest first (null: --git not given); `gitProblem`: why
 * the repository could not be read, when --git was given and it could not.
 */
export function orderDocuments(docs: readonly LabelledDocument[], commits: readonly string[] | null, gitProblem: string | null = null): Ordering {
  const timeOrder = [...docs].sort(byTime);
  if (gitProblem !== null) return { documents: timeOrder, orderedBy: 'createdAt', note: `ordered by createdAt: ${gitProblem}` };
  if (commits === null) return { documents: timeOrder, orderedBy: 'createdAt', note: null };
  const position = new Map(commits.map((c, i) => [c, i]));
  const positionOf = (commit: string | null): number | undefined => {
    if (commit === null || commit === '') return undefined;
    const exact = position.get(commit);
    if (exact !== undefined) return exact;
    // A shortened hash (7 characters or more) names the one commit it starts.
    if (commit.length < 7) return undefined;
    const matches = commits.filter((c) => c.startsWith(commit));
    return matches.length === 1 ? position.get(matches[0] as string) : undefined;
  };
  const unknown = timeOrder.filter((d) => positionOf(d.doc.environment.gitCommit) === undefined);
  if (unknown.length > 0) {
    const names = unknown.slice(0, 3).map((d) => `${d.label} (${d.doc.environment.gitCommit ?? 'no commit'})`);
    return {
      documents: timeOrder,
      orderedBy: 'createdAt',
      note: `ordered by createdAt: ${unknown.length} of ${docs.length} documents carry no commit the repository knows: ${names.join(', ')}${unknown.length > 3 ? ', ...' : ''}`,
    };
  }
  const ordered = timeOrder
    .map((d, i) => ({ d, i, at: positionOf(d.doc.environment.gitCommit) as number }))
    .sort((a, b) => a.at - b.at || a.i - b.i)
    .map(({ d }) => d);
  return { documents: ordered, orderedBy: 'git', note: null };
}
