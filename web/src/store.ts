// The workspace's shared state: the project's codebook, coders, documents and participants, who is
// coding, and what the user is looking at. Views read it with useStore() and change it with
// update(); refresh() reloads what the server holds after a change.

import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, setApiCoder } from './api';
import type { ApiEvent, Case, Code, Coder, DocumentSummary, Group, Variable } from './types';

export type ViewName =
  | 'documents'
  | 'reader'
  | 'codebook'
  | 'retrieval'
  | 'search'
  | 'participants'
  | 'history'
  | 'agreement'
  | 'reports'
  | 'pseudonymise';

export interface Notice {
  text: string;
  kind: 'error' | 'info';
}

export interface State {
  coder: string;
  blind: boolean;
  view: ViewName;
  documentId: number | null;
  focus: { start: number; end: number } | null; // code points to reveal in the reader
  codes: Code[];
  coders: Coder[];
  documents: DocumentSummary[];
  groups: Group[];
  cases: Case[];
  variables: Variable[];
  tagVariable: string; // the case variable shown as a speaker's group tag
  notice: Notice | null;
  revision: number; // bumped after every change, so views reload what they show
}

const saved = (key: string) => localStorage.getItem(`thematica.${key}`) ?? '';

let state: State = {
  coder: saved('coder'),
  blind: saved('blind') === 'true',
  view: 'documents',
  documentId: null,
  focus: null,
  codes: [],
  coders: [],
  documents: [],
  groups: [],
  cases: [],
  variables: [],
  tagVariable: saved('tagVariable'),
  notice: null,
  revision: 0,
};
setApiCoder(state.coder);

const listeners = new Set<() => void>();

export function getState(): State {
  return state;
}

export function update(changes: Partial<State>): void {
  state = { ...state, ...changes };
  if (changes.coder !== undefined) {
    setApiCoder(changes.coder);
    localStorage.setItem('thematica.coder', changes.coder);
  }
  if (changes.blind !== undefined) localStorage.setItem('thematica.blind', String(changes.blind));
  if (changes.tagVariable !== undefined) {
    localStorage.setItem('thematica.tagVariable', changes.tagVariable);
  }
  listeners.forEach((listener) => listener());
}

export function useStore(): State {
  const [, setTick] = useState(0);
  useEffect(() => {
    const listener = () => setTick((t) => t + 1);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
  return state;
}

/** Reloads the project's lists. */
export async function refresh(): Promise<void> {
  const [codes, coders, documents, cases] = await Promise.all([
    api.get<{ codes: Code[] }>('/api/codes'),
    api.get<{ coders: Coder[] }>('/api/coders'),
    api.get<{ documents: DocumentSummary[]; groups: Group[] }>('/api/documents'),
    api.get<{ cases: Case[]; variables: Variable[] }>('/api/cases'),
  ]);
  let tagVariable = state.tagVariable;
  const names = cases.variables.map((v) => v.name);
  if (!names.includes(tagVariable)) {
    tagVariable = ['group', 'role'].find((n) => names.includes(n)) ?? names[0] ?? '';
  }
  update({
    codes: codes.codes,
    coders: coders.coders,
    documents: documents.documents,
    groups: documents.groups,
    cases: cases.cases,
    variables: cases.variables,
    tagVariable,
  });
}

export function notify(text: string, kind: Notice['kind'] = 'info'): void {
  update({ notice: { text, kind } });
}

/**
 * Runs a change: on success reports its summary and reloads; on failure shows the server's
 * message (nothing was changed: the server refuses bad input whole).
 */
export async function change<T extends object>(
  action: () => Promise<T>,
  options: { reload: boolean } = { reload: true },
): Promise<T | null> {
  try {
    const result = await action();
    const { event, events } = result as { event?: ApiEvent; events?: ApiEvent[] };
    const summaries = event ? [event.summary] : (events ?? []).map((e) => e.summary);
    if (summaries.length > 0) notify(summaries.join('; '));
    // The reader shows its own changes at once; other views reload what they show.
    if (options.reload) update({ revision: state.revision + 1 });
    // The lists (counts, coverage) reload after the change itself is on screen: reloading them
    // re-renders the views, which would otherwise delay the frame that shows the new coding.
    requestAnimationFrame(() => setTimeout(() => void refresh().catch(() => {}), 0));
    return result;
  } catch (error) {
    notify(error instanceof ApiError ? error.message : String(error), 'error');
    if (error instanceof ApiError && error.status === 404) await refresh().catch(() => {});
    return null;
  }
}

/** A speaker's group tag: the chosen variable's value for the case, or "". */
export function tagOf(caseId: number | null): string {
  if (caseId === null || !state.tagVariable) return '';
  const kase = state.cases.find((c) => c.id === caseId);
  return kase?.values[state.tagVariable] ?? '';
}

export function openDocument(documentId: number, focus: State['focus'] = null): void {
  update({ view: 'reader', documentId, focus });
}
