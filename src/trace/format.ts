import type { NetErrorKind } from '../http/net-error.js';
import type { TokenProblemCode } from '../token/recognize.js';
import type { CheckId, CheckStatus, ManyReport, ProfileId, Report, TokenKind, Verdict } from '../types.js';
import type { RedactionKind } from './redact.js';

/**
 * The document `crpat check --trace <file>` writes: what crpat sent and what GitHub and the registry answered, in
 * order, redacted, followed by the report crpat made of it. `crpat simulator --replay <file>` serves it again.
 */
export interface TraceDocument {
  /** The format's version. */
  crpatTrace: 1;
  /** What was replaced, and by what, before the file was written: read this before sharing the file. */
  redacted: { what: string; kind: RedactionKind; placeholder: string; count: number }[];
  crpat: string;
  /** When the run started, ISO-8601. Replays judge expiry dates as of this moment. */
  time: string;
  /** The options that shaped the run (never the token). */
  options: TraceOptions;
  /** What the token was, never the token: its kind, its masked prefix, and what was wrong with its shape if anything. */
  token: { kind: TokenKind; label: string; masked: string; problem: TokenProblemCode | null };
  exchanges: TraceExchange[];
  report: Report | ManyReport;
  /**
   * Set by hand when this trace shows a wrong verdict: what crpat should have concluded. The field tests then assert
   * these instead of the recorded report.
   */
  wrongVerdict?: WrongVerdict;
}

export interface TraceOptions {
  apiUrl: string;
  /** The registry's origin, e.g. `https://ghcr.io`. */
  registry: string;
  repositories: string[];
  image: string | null;
  profile: ProfileId;
  timeoutSeconds: number;
  workflowRepository: string | null;
}

export interface WrongVerdict {
  /** Why the recorded verdict is wrong (an issue link, the ledger entry). */
  note: string;
  /** With several repositories: which result the correction is about. */
  repository?: string;
  verdict: Verdict;
  /** Only the checks whose status should differ, or all of them. */
  checks?: Partial<Record<CheckId, CheckStatus>>;
}

export interface TraceExchange {
  method: string;
  url: string;
  /** The request headers that tell how it was asked (authorization redacted to its scheme and a placeholder). */
  request: Record<string, string>;
  /** null when no answer came. */
  status: number | null;
  /** The response headers any check reads, lower-case names. */
  headers: Record<string, string>;
  /** A JSON body, parsed (written back as JSON on replay). */
  json?: unknown;
  /** Any other body, as text (UTF-8) or base64 (`bodyEncoding`). */
  body?: string;
  bodyEncoding?: 'base64';
  /** Bytes of the body that were read. */
  bodyBytes: number;
  /** Only the first part of the body is kept (crpat stopped reading, or it was longer than the trace keeps). */
  bodyCut?: true;
  /** crpat stopped reading the body (it was larger than crpat reads). */
  cancelled?: true;
  /** What went wrong on the wire: before the answer (`headers`) or while its body came (`body`). */
  error?: { phase: 'headers' | 'body'; kind: NetErrorKind; message: string };
  /** Milliseconds from the start of the run to this request, and the exchange's own duration. */
  at: number;
  ms: number;
}
