// The API's JSON shapes (docs/api.md). Positions are code points, half-open.

export interface ApiEvent {
  id: number;
  time: string;
  coder: string;
  operation: string;
  summary: string;
  undoable: boolean;
  undoes: number | null;
}

export interface Coder {
  id: number;
  name: string;
  codings: number;
}

export interface Code {
  id: number;
  path: string;
  name: string;
  depth: number;
  colour: string;
  definition: string;
  when_to_use: string;
  when_not_to_use: string;
  example: string;
  codings: number;
  codings_in_branch: number;
}

// A codebook built into Thematica (GET /api/codes/starters).
export interface StarterCodebook {
  name: string;
  title: string;
  summary: string;
  codes: number;
}

export interface DocumentSummary {
  id: number;
  name: string;
  kind: string;
  length: number;
  groups: string[];
  codings: number;
  speakers: string[];
  coded_characters: number;
}

export interface Group {
  id: number;
  name: string;
  documents: string[];
}

// A coding in a document's reading view: a comment that is empty and marks that are not set are
// left out of the JSON (a long transcript carries thousands of codings).
export interface Coding {
  id: number;
  code_id: number;
  coder_id: number;
  start: number;
  end: number;
  comment?: string;
  important?: boolean;
  representative?: boolean;
}

export interface Turn {
  position: number;
  speaker: string;
  case_id: number | null;
  start: number;
  end: number;
  start_ms: number | null;
  end_ms: number | null;
}

export interface DocumentView {
  document: DocumentSummary;
  text: string;
  codings: Coding[];
  turns: Turn[];
}

export interface Segment {
  id: number;
  document: string;
  code: string;
  coder: string;
  start: number;
  end: number;
  text: string;
  before: string;
  after: string;
  speakers: string[];
  speaker_values: Record<string, string>[];
  important: boolean;
  representative: boolean;
  comment: string;
}

export interface SearchHit {
  document: string;
  start: number;
  end: number;
  text: string;
  before: string;
  after: string;
}

export interface Case {
  id: number;
  name: string;
  analysed: boolean;
  values: Record<string, string>;
  links: { document: string; start: number | null; end: number | null }[];
}

export interface Variable {
  id: number;
  name: string;
  type: string;
}

export interface Memo {
  id: number;
  target: string;
  text: string;
  coder: string;
}

export interface ReviewItem {
  ref: string; // "<document id>:<start>:<end>"
  document_id: number;
  document: string;
  start: number;
  end: number;
  text: string;
  before: string;
  after: string;
  category: string;
  confidence: number;
  rule: string;
  status: 'pending' | 'accepted' | 'rejected' | 'added' | 'covered';
  entity: string;
  pseudonym: string;
}

export interface Review {
  pending: number;
  to_replace: number;
  rejected: number;
  changed_documents: string[];
  items: ReviewItem[];
  can_apply: boolean;
}
