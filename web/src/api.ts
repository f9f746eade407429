// Calls to the workspace's JSON API. Every change names the acting coder in a header; errors come
// back as {"error": {"code", "message"}} and are thrown as ApiError with the server's message.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** What a change answers: the change-log entry (or entries) it made. */
export interface Changed {
  event?: { summary: string };
  events?: { summary: string }[];
}

let currentCoder = '';

export function setApiCoder(name: string): void {
  currentCoder = name;
}

type Query = Record<string, string | number | boolean | string[] | undefined>;

export function queryString(query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === '') continue;
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, String(v));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { 'X-Thematica-Coder': currentCoder };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) {
    payload = body;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: payload ?? null });
  } catch {
    throw new ApiError(0, 'offline', 'The Thematica server is not answering. Is it still running?');
  }
  const json = await response.json().catch(() => null);
  if (!response.ok) {
    const error = json?.error;
    throw new ApiError(
      response.status,
      error?.code ?? 'error',
      error?.message ?? `The server answered ${response.status}.`,
    );
  }
  return json as T;
}

/** A file the server makes from a JSON request (a report): its bytes and the name it offers. */
export async function postForFile(
  path: string,
  body: unknown,
  query: Query = {},
): Promise<{ blob: Blob; filename: string }> {
  let response: Response;
  try {
    response = await fetch(path + queryString(query), {
      method: 'POST',
      headers: { 'X-Thematica-Coder': currentCoder, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'offline', 'The Thematica server is not answering. Is it still running?');
  }
  if (!response.ok) {
    const error = (await response.json().catch(() => null))?.error;
    throw new ApiError(
      response.status,
      error?.code ?? 'error',
      error?.message ?? `The server answered ${response.status}.`,
    );
  }
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'report';
  return { blob: await response.blob(), filename };
}

export const api = {
  get: <T>(path: string, query: Query = {}) => call<T>('GET', path + queryString(query)),
  post: <T>(path: string, body: unknown, query: Query = {}) =>
    call<T>('POST', path + queryString(query), body),
  patch: <T>(path: string, body: unknown) => call<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => call<T>('PUT', path, body),
  del: <T>(path: string, query: Query = {}) => call<T>('DELETE', path + queryString(query)),
};
