import { createRequire as __crpatRequire } from 'node:module'; const require = __crpatRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __commonJS = (cb, mod) => function __require() {
  return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/content-type/dist/index.js
var require_dist = __commonJS({
  "node_modules/content-type/dist/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.format = format;
    exports.parse = parse3;
    var TEXT_REGEXP = /^[\u0009\u0020-\u007e\u0080-\u00ff]*$/;
    var TOKEN_REGEXP = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
    var QUOTE_REGEXP = /[\\"]/g;
    var TYPE_REGEXP = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+\/[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
    var NullObject = /* @__PURE__ */ (() => {
      const C = function() {
      };
      C.prototype = /* @__PURE__ */ Object.create(null);
      return C;
    })();
    function format(obj) {
      const { type, parameters } = obj;
      if (!type || !TYPE_REGEXP.test(type)) {
        throw new TypeError(`Invalid type: ${type}`);
      }
      let result = type;
      if (parameters) {
        for (const param of Object.keys(parameters)) {
          if (!TOKEN_REGEXP.test(param)) {
            throw new TypeError(`Invalid parameter name: ${param}`);
          }
          result += `; ${param}=${qstring(parameters[param])}`;
        }
      }
      return result;
    }
    function parse3(header, options) {
      const stopChar = options?.comma === true ? COMMA : 65536;
      const len = header.length;
      let index = skipOWS(header, options?.start ?? 0, len);
      const valueStart = index;
      index = skipValue(header, index, len, stopChar);
      const valueEnd = trailingOWS(header, valueStart, index);
      const type = header.slice(valueStart, valueEnd).toLowerCase();
      if (options?.parameters === false) {
        return { type, index, parameters: new NullObject() };
      }
      return parseParameters(header, type, index, len, stopChar);
    }
    var SP = 32;
    var HTAB = 9;
    var SEMI = 59;
    var EQ = 61;
    var DQUOTE = 34;
    var BSLASH = 92;
    var COMMA = 44;
    function parseParameters(header, type, index, len, stopChar) {
      const parameters = new NullObject();
      parameter: while (index < len) {
        if (header.charCodeAt(index) === stopChar)
          break;
        index = skipOWS(header, index + 1, len);
        const keyStart = index;
        while (index < len) {
          const code2 = header.charCodeAt(index);
          if (code2 === stopChar)
            break parameter;
          if (code2 === SEMI)
            continue parameter;
          if (code2 === EQ) {
            const keyEnd = trailingOWS(header, keyStart, index);
            const key = header.slice(keyStart, keyEnd).toLowerCase();
            index = skipOWS(header, index + 1, len);
            if (index < len && header.charCodeAt(index) === DQUOTE) {
              index++;
              let value = "";
              while (index < len) {
                const code3 = header.charCodeAt(index++);
                if (code3 === DQUOTE) {
                  index = skipValue(header, index, len, stopChar);
                  if (parameters[key] === void 0)
                    parameters[key] = value;
                  break;
                }
                if (code3 === BSLASH && index < len) {
                  value += header[index++];
                  continue;
                }
                value += String.fromCharCode(code3);
              }
              continue parameter;
            }
            const valueStart = index;
            index = skipValue(header, index, len, stopChar);
            if (parameters[key] === void 0) {
              const valueEnd = trailingOWS(header, valueStart, index);
              parameters[key] = header.slice(valueStart, valueEnd);
            }
            continue parameter;
          }
          index++;
        }
      }
      return { type, index, parameters };
    }
    function skipValue(str, index, len, stopChar) {
      while (index < len) {
        const code2 = str.charCodeAt(index);
        if (code2 === SEMI || code2 === stopChar)
          break;
        index++;
      }
      return index;
    }
    function skipOWS(header, index, len) {
      while (index < len) {
        const char = header.charCodeAt(index);
        if (char !== SP && char !== HTAB)
          break;
        index++;
      }
      return index;
    }
    function trailingOWS(header, start, end) {
      while (end > start) {
        const char = header.charCodeAt(end - 1);
        if (char !== SP && char !== HTAB)
          break;
        end--;
      }
      return end;
    }
    function qstring(str) {
      if (TOKEN_REGEXP.test(str))
        return str;
      if (TEXT_REGEXP.test(str))
        return `"${str.replace(QUOTE_REGEXP, "\\$&")}"`;
      throw new TypeError(`Invalid parameter value: ${str}`);
    }
  }
});

// src/action/main.ts
import { appendFile, readFile, writeFile } from "fs/promises";

// src/evidence/answer.ts
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/evidence/package.ts
function packageLookupPath(image, ownerIsOrg, login) {
  const slash = image.indexOf("/");
  const owner = image.slice(0, slash);
  const name = encodeURIComponent(image.slice(slash + 1));
  if (ownerIsOrg) return `/orgs/${encodeURIComponent(owner)}/packages/container/${name}`;
  if (login !== null && login.toLowerCase() === owner.toLowerCase()) return `/user/packages/container/${name}`;
  return `/users/${encodeURIComponent(owner)}/packages/container/${name}`;
}
function readPackage(outcome) {
  return packageEvidence(outcome.kind === "response" ? { status: outcome.status, headers: outcome.headers, body: outcome.body } : null);
}
function packageEvidence(answer2) {
  if (answer2 === null) return { kind: "unknown", reason: "the packages API gave no answer" };
  const body = isObject(answer2.body) ? answer2.body : {};
  if (answer2.status === 200) {
    const repository = isObject(body["repository"]) ? body["repository"] : null;
    const linked = repository && typeof repository["full_name"] === "string" ? repository["full_name"] : null;
    return { kind: "exists", linkedRepository: linked, visibility: typeof body["visibility"] === "string" ? body["visibility"] : null };
  }
  if (answer2.status === 404) return { kind: "absent-or-hidden" };
  const message2 = typeof body["message"] === "string" ? body["message"] : `HTTP ${answer2.status}`;
  return { kind: "unknown", reason: `the packages API answered ${answer2.status} (${message2})` };
}

// src/registry/refusal-reason.ts
var LIFETIME = /forbids access via a (fine-grained )?personal access tokens?(?: \(classic\))? if the token's lifetime is greater than (\d+) days/i;
var OWNER = /The '([^']+)' (organization|enterprise) forbids/i;
function refusalReason(refusal) {
  const codes = refusal.errors.map((e) => e.code.toUpperCase());
  const message2 = refusal.errors.map((e) => e.message).join(" ").trim();
  if (refusal.status === 429 || codes.includes("TOOMANYREQUESTS")) return { kind: "rate-limited", waitMs: retryAfterMs(message2) };
  if (refusal.status !== 401 && refusal.status !== 403) return { kind: "unexplained" };
  if (/does not match expected scopes/i.test(message2)) return { kind: "scopes" };
  const lifetime = LIFETIME.exec(message2);
  if (lifetime) {
    const owner = OWNER.exec(message2);
    const by = owner?.[2]?.toLowerCase();
    return {
      kind: "lifetime",
      days: Number(lifetime[2]),
      classic: lifetime[1] === void 0,
      by: by === "organization" || by === "enterprise" ? by : null,
      name: owner?.[1] ?? null
    };
  }
  if (/forbids access via a personal access token \(classic\)/i.test(message2)) return { kind: "classic-ban" };
  const installation = /installation not allowed to (Write|Create) organization package/i.exec(message2);
  if (installation) return { kind: "installation-not-allowed", action: installation[1]?.toLowerCase() === "create" ? "Create" : "Write" };
  if (/The requested installation does not exist/i.test(message2)) return { kind: "installation-missing" };
  if (/\bwrite_package\b/i.test(message2)) return { kind: "write-package" };
  if (/\bcreate_package\b/i.test(message2)) return { kind: "create-package" };
  if (/^unauthenticated\b/i.test(message2)) return { kind: "unauthenticated" };
  if (/^denied\.?$/i.test(message2)) return { kind: "denied" };
  if (refusal.challengeError === "insufficient_scope") return { kind: "insufficient-scope" };
  return { kind: "unexplained" };
}
function isPermissionRefusal(reason) {
  return reason.kind !== "unexplained" && reason.kind !== "rate-limited";
}
var UNIT_MS = { ns: 1e-6, us: 1e-3, "\xB5s": 1e-3, "\u03BCs": 1e-3, ms: 1, s: 1e3, m: 6e4, h: 36e5 };
function retryAfterMs(message2) {
  const match = /retry-after:\s*((?:\d+(?:\.\d+)?(?:ns|us|µs|μs|ms|s|m|h))+)/i.exec(message2);
  if (!match?.[1]) return null;
  let total = 0;
  for (const part of match[1].matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|μs|ms|s|m|h)/gi)) total += Number(part[1]) * (UNIT_MS[part[2].toLowerCase()] ?? 0);
  return Number.isFinite(total) ? total : null;
}

// src/evidence/registry.ts
function readRefusal(refusal) {
  const reason = refusalReason(refusal);
  return { refusal, reason, quoted: describeRefusal(refusal), permission: isPermissionRefusal(reason) };
}
function readLogin(outcome) {
  return { outcome, refusal: outcome.kind === "refused" ? readRefusal(outcome.refusal) : null };
}
function readPush(outcome) {
  const refusal = outcome?.kind === "refused" || outcome?.kind === "rate-limited" ? readRefusal(outcome.refusal) : null;
  return { outcome, refusal, upload: uploadAnswer(outcome, refusal) };
}
function uploadAnswer(push, refusal) {
  if (push === null) return { kind: "unknown", reason: "the registry push probe did not run" };
  switch (push.kind) {
    case "opened":
      return { kind: "opened" };
    case "refused":
      if (refusal === null || !refusal.permission) return { kind: "unknown", reason: `it refused for a reason that names no permission: ${refusal?.quoted ?? ""}` };
      return { kind: "refused", refusal };
    case "rate-limited":
      return { kind: "unknown", reason: `the registry rate-limited the upload (${refusal?.quoted ?? "HTTP 429"})` };
    case "unexpected":
      return { kind: "unknown", reason: push.reason };
    case "network":
      return { kind: "unknown", reason: push.error.message };
  }
}
function describeRefusal(refusal) {
  const first = refusal.errors[0];
  const error = first ? ` ${first.code}: ${first.message}` : "";
  const challenge = refusal.challengeError ? ` (${refusal.challengeError})` : "";
  return `HTTP ${refusal.status}${error}${challenge}`;
}

// src/http/net-error.ts
var NetError = class extends Error {
  constructor(kind, message2, attempts = 1) {
    super(message2);
    this.kind = kind;
    this.attempts = attempts;
  }
  kind;
  attempts;
  name = "NetError";
};
var CODE_KINDS = {
  ENOTFOUND: "dns",
  EAI_AGAIN: "dns",
  EAI_NONAME: "dns",
  ECONNREFUSED: "refused",
  ECONNRESET: "reset",
  EPIPE: "reset",
  // undici: the peer closed the socket (FIN) before the answer was complete, e.g. short of its Content-Length.
  UND_ERR_SOCKET: "closed",
  UND_ERR_CLOSED: "closed",
  // crpat's transport (http/node-fetch.ts), with Node's code for the same thing.
  ERR_STREAM_PREMATURE_CLOSE: "closed",
  UND_ERR_CONNECT_TIMEOUT: "timeout",
  UND_ERR_HEADERS_TIMEOUT: "timeout",
  UND_ERR_BODY_TIMEOUT: "timeout",
  ETIMEDOUT: "timeout",
  // Answer headers over Node's limit (16 KiB by default): the same answer comes again, so it is not retried.
  // undici names it UND_ERR_HEADERS_OVERFLOW; node:http's parser (crpat's transport, http/node-fetch.ts)
  // HPE_HEADER_OVERFLOW.
  UND_ERR_HEADERS_OVERFLOW: "too-large",
  HPE_HEADER_OVERFLOW: "too-large"
};
function errorCode(error) {
  let current = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code2 = current.code;
    if (typeof code2 === "string") return code2;
    current = current.cause;
  }
  return void 0;
}
function hostname(host) {
  return host.replace(/:\d+$/, "");
}
function toNetError(error, host, timeoutMs) {
  if (error instanceof NetError) return error;
  const name = error instanceof Error ? error.name : "";
  if (name === "TimeoutError") return new NetError("timeout", `${host} did not answer within ${timeoutMs / 1e3} s`);
  if (name === "AbortError") return new NetError("aborted", `the request to ${host} was cancelled`);
  const code2 = errorCode(error) ?? "";
  if (/^ERR_SSL_(WRONG_VERSION_NUMBER|PACKET_LENGTH_TOO_LONG|HTTP_REQUEST)$/.test(code2)) {
    return new NetError("not-tls", `${host} does not speak TLS (https) on that port (${code2})`);
  }
  if (/CERT|SIGNATURE|ISSUER|SELF_SIGNED|^ERR_TLS|^ERR_SSL|HOSTNAME/.test(code2)) {
    return new NetError("tls", `the TLS certificate of ${host} is not trusted by this machine (${code2})`);
  }
  const kind = CODE_KINDS[code2] ?? "network";
  const said = {
    dns: `the name ${hostname(host)} does not resolve`,
    refused: `${host} refused the connection`,
    reset: `the connection to ${host} was reset`,
    closed: `${host} closed the connection before the answer was complete`,
    timeout: `${host} did not answer within ${timeoutMs / 1e3} s`,
    "too-large": `${host} sent answer headers larger than Node.js accepts (${code2})`
  };
  return new NetError(kind, said[kind] ?? `could not reach ${host}${code2 ? ` (${code2})` : ""}`);
}
function netAdvice(error, endpoint2, words) {
  const service = endpoint2 === "apiUrl" ? "GitHub's REST API" : "a container registry";
  const setting = words.names[endpoint2];
  switch (error.kind) {
    case "timeout":
      return words.names.timeout === null ? "Try again." : `Try again; on a slow network or behind a proxy, raise ${words.names.timeout}.`;
    case "dns":
      return `Check the host name (${setting}) and this machine's network and DNS.`;
    case "refused":
      return `Check the host and port (${setting}): nothing accepts connections there.`;
    case "reset":
    case "closed":
      return "Try again; if it keeps happening, a proxy, VPN or firewall on the way may be cutting connections.";
    case "tls":
      return "If this network uses a private CA or a TLS-inspecting proxy, point NODE_EXTRA_CA_CERTS at its certificate file.";
    case "not-tls":
      return `If it serves plain http (allowed only on a loopback host), ${words.give(setting, "http://host:port")}.`;
    case "redirect":
      return `Check ${setting}: pass the address that answers directly, not one that redirects.`;
    case "off-host":
    case "insecure":
      return `Check ${setting}: the token goes only to the API's and the registry's origin, over https.`;
    case "unverified-tls":
      return "";
    // the message says what to change
    case "too-large":
      return `Check that ${setting} points at ${service}: something else answered.`;
    case "aborted":
      return "";
    // cancelled on purpose (Ctrl-C) or not sent for a reason the message gives
    case "network":
      return "Check the network connection, then try again.";
  }
}
function describeNetError(error) {
  return error.attempts > 1 ? `${error.message} (${error.attempts} attempts)` : error.message;
}
function netSentence(error, endpoint2, words) {
  const advice = netAdvice(error, endpoint2, words);
  return `${describeNetError(error)}.${advice ? ` ${advice}` : ""}`;
}

// src/http/retry.ts
import { setTimeout as delay } from "timers/promises";

// src/http/retry-after.ts
var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
var IMF_FIXDATE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
function parseRetryAfter(value, now) {
  if (value === null) return null;
  if (/^\s*\d{1,15}\s*$/.test(value)) return Number(value.trim());
  const match = IMF_FIXDATE.exec(value.trim());
  if (!match) return null;
  const [day = 0, year = 0, hour = 0, minute = 0, second = 0] = [1, 3, 4, 5, 6].map((i) => Number(match[i]));
  const date = utcDate(year, MONTHS.indexOf(match[2] ?? "") + 1, day, hour, minute, second);
  const delay3 = date === null ? NaN : Math.ceil((date.getTime() - now.getTime()) / 1e3);
  return Number.isFinite(delay3) ? Math.max(0, delay3) : null;
}
function utcDate(year, month, day, hour, minute, second) {
  if (hour > 23 || minute > 59 || second > 59) return null;
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const same = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return same ? date : null;
}

// src/http/response.ts
function urlOf(input2) {
  return typeof input2 === "string" ? input2 : input2 instanceof URL ? input2.href : input2.url;
}
var HttpHeaders = class {
  #fields = /* @__PURE__ */ new Map();
  constructor(init) {
    if (!init) return;
    if (Symbol.iterator in init) {
      for (const pair of init) {
        if (pair.length !== 2) throw new TypeError("a header must be a [name, value] pair");
        this.append(pair[0], pair[1]);
      }
      return;
    }
    for (const [name, value] of Object.entries(init)) {
      for (const one of typeof value === "string" ? [value] : value) this.append(name, one);
    }
  }
  append(name, value) {
    const key = name.toLowerCase();
    const values = this.#fields.get(key);
    if (values) values.push(value.trim());
    else this.#fields.set(key, [value.trim()]);
  }
  set(name, value) {
    this.#fields.set(name.toLowerCase(), [value.trim()]);
  }
  delete(name) {
    this.#fields.delete(name.toLowerCase());
  }
  get(name) {
    return this.#fields.get(name.toLowerCase())?.join(", ") ?? null;
  }
  has(name) {
    return this.#fields.has(name.toLowerCase());
  }
  getSetCookie() {
    return [...this.#fields.get("set-cookie") ?? []];
  }
  forEach(callback, thisArg) {
    for (const [key, value] of this) callback.call(thisArg, value, key, this);
  }
  /** Sorted by name, repeated fields joined, each `set-cookie` on its own (the standard's iteration order). */
  *entries() {
    for (const key of [...this.#fields.keys()].sort()) {
      const values = this.#fields.get(key) ?? [];
      if (key === "set-cookie") for (const value of values) yield [key, value];
      else yield [key, values.join(", ")];
    }
  }
  *keys() {
    for (const [key] of this.entries()) yield key;
  }
  *values() {
    for (const [, value] of this.entries()) yield value;
  }
  [Symbol.iterator]() {
    return this.entries();
  }
};
var HttpResponse = class _HttpResponse {
  status;
  statusText;
  headers;
  ok;
  url = "";
  redirected = false;
  type = "basic";
  #source;
  #used = false;
  #stream = null;
  #cancel;
  constructor(body, init, cancel = () => void 0) {
    this.status = init.status;
    this.statusText = init.statusText ?? "";
    this.headers = new HttpHeaders(init.headers);
    this.ok = init.status >= 200 && init.status < 300;
    this.#source = body;
    this.#cancel = cancel;
  }
  get bodyUsed() {
    return this.#used;
  }
  /** Whether the answer has a body at all, without making the web stream `body` would. */
  get hasBody() {
    return this.#source !== null;
  }
  /** The body as a web stream, made only when asked for (crpat itself reads `chunks()`). */
  get body() {
    if (this.#source === null) return null;
    if (this.#stream) return this.#stream;
    const chunks = this.chunks();
    return this.#stream = new ReadableStream({
      async pull(controller) {
        const { value, done } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      cancel: async () => {
        if (this.#used) await chunks.return(void 0);
        else await this.cancel();
      }
    });
  }
  /** The body's bytes as they arrive. Leaving the loop early (break, throw) stops the transfer. */
  async *chunks() {
    if (this.#used) throw new TypeError("the body of this answer was already read");
    this.#used = true;
    const source = this.#source;
    if (source === null) return;
    if (source instanceof Uint8Array) {
      yield source;
      return;
    }
    let finished = false;
    try {
      for await (const chunk of source) yield chunk;
      finished = true;
    } finally {
      if (!finished) this.#cancel();
    }
  }
  /** Stops a body that is still arriving, unread (a generator never started would not run its clean-up). */
  async cancel() {
    if (this.#used) return;
    this.#used = true;
    if (this.#source !== null && !(this.#source instanceof Uint8Array)) this.#cancel();
  }
  async bytes() {
    if (this.#source instanceof Uint8Array && !this.#used) {
      this.#used = true;
      return this.#source;
    }
    const parts = [];
    for await (const chunk of this.chunks()) parts.push(chunk);
    return Buffer.concat(parts);
  }
  async arrayBuffer() {
    const bytes = await this.bytes();
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  }
  async text() {
    return new TextDecoder().decode(await this.bytes());
  }
  async json() {
    return JSON.parse(await this.text());
  }
  async blob() {
    return new Blob([await this.bytes()], { type: this.headers.get("content-type") ?? "" });
  }
  async formData() {
    return this.#standard().formData();
  }
  /** A copy of an answer in memory; an answer still arriving cannot be copied (crpat never needs it). */
  clone() {
    if (this.#used || !(this.#source === null || this.#source instanceof Uint8Array)) {
      throw new TypeError("only an unread answer held in memory can be cloned");
    }
    return new _HttpResponse(this.#source && this.#source.slice(), this);
  }
  /** Node's own Response over this body (loads undici): for what crpat never needs itself. */
  #standard() {
    return new Response(this.body, { status: this.status, statusText: this.statusText, headers: [...this.headers] });
  }
};

// src/http/retry.ts
var RETRY_HEADER = "x-crpat-retries";
var RETRY_STATUS = /* @__PURE__ */ new Set([500, 502, 503, 504]);
var RETRY_NET = /* @__PURE__ */ new Set(["reset", "closed", "refused", "timeout", "network"]);
function withRetries(fetch, options = {}) {
  const retries = options.retries ?? 2;
  const base = options.baseDelayMs ?? 250;
  const maxRetryAfter = options.maxRetryAfterSeconds ?? 5;
  const sleep2 = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const now = options.now ?? (() => /* @__PURE__ */ new Date());
  return async (input2, init = {}) => {
    const method = (init.method ?? "GET").toUpperCase();
    if (method !== "GET" && method !== "HEAD") return fetch(input2, init);
    const url = urlOf(input2);
    const note = { attempts: 0, waitedMs: 0, retryAfterSeconds: null };
    for (let attempt = 1; ; attempt++) {
      note.attempts = attempt;
      let reason;
      let delayMs = Math.round(base * 2 ** (attempt - 1) * (0.5 + random()));
      let retryAfter = null;
      try {
        const response = await fetch(input2, init);
        const asked = parseRetryAfter(response.headers.get("retry-after"), now()) ?? 0;
        if ((response.status === 429 || response.status === 403) && asked > 0 && asked <= maxRetryAfter) {
          reason = `HTTP ${response.status}, Retry-After ${asked} s`;
          delayMs = asked * 1e3;
          retryAfter = asked;
        } else if (RETRY_STATUS.has(response.status)) {
          reason = `HTTP ${response.status}`;
        } else {
          return await annotated(response, note);
        }
        if (attempt > retries) return await annotated(response, note);
      } catch (error) {
        if (!(error instanceof NetError) || !RETRY_NET.has(error.kind) || attempt > retries) throw withAttempts(error, attempt);
        reason = error.message;
      }
      options.onRetry?.({ method, url, reason, delayMs, attempt });
      await sleep2(delayMs, options.signal);
      note.waitedMs += delayMs;
      if (retryAfter !== null) note.retryAfterSeconds = retryAfter;
    }
  };
}
async function annotated(response, note) {
  if (note.attempts === 1) return response;
  const init = { status: response.status, statusText: response.statusText, headers: response.headers };
  const copy = new HttpResponse(new Uint8Array(await response.arrayBuffer()), init);
  copy.headers.set(RETRY_HEADER, formatRetryNote(note));
  return copy;
}
function withAttempts(error, attempts) {
  return error instanceof NetError && attempts > 1 ? new NetError(error.kind, error.message, attempts) : error;
}
function formatRetryNote(note) {
  const retryAfter = note.retryAfterSeconds === null ? "" : `; retry-after=${note.retryAfterSeconds}`;
  return `attempts=${note.attempts}; waited-ms=${note.waitedMs}${retryAfter}`;
}
function parseRetryNote(value) {
  const match = /^attempts=(\d{1,3}); waited-ms=(\d{1,9})(?:; retry-after=(\d{1,9}))?$/.exec(value ?? "");
  if (!match) return null;
  return { attempts: Number(match[1]), waitedMs: Number(match[2]), retryAfterSeconds: match[3] === void 0 ? null : Number(match[3]) };
}
async function defaultSleep(ms, signal) {
  try {
    await delay(ms, void 0, signal ? { signal } : {});
  } catch (error) {
    throw signal?.aborted ? interrupted(signal) : error;
  }
}
function interrupted(signal) {
  const reason = signal.reason;
  return reason instanceof Error && reason.name === "TimeoutError" ? new NetError("timeout", "crpat's overall time limit ran out while it waited to try again") : new NetError("aborted", "cancelled while waiting to try again");
}

// src/terminal-safe.ts
function terminalSafe(text, max) {
  const plain = text.replace(/[\x00-\x1f\x7f-\x9f]/g, " ");
  if (plain.length <= max) return plain;
  const cut = /[\ud800-\udbff]/.test(plain[max - 2] ?? "") ? max - 2 : max - 1;
  return `${plain.slice(0, cut)}\u2026`;
}

// src/github/error-body.ts
var MAX_BODY = 1e6;
var MAX_MESSAGE = 500;
function parseGitHubError(text) {
  const body = jsonObject(text);
  if (body === null) return null;
  const message2 = typeof body["message"] === "string" ? terminalSafe(body["message"], MAX_MESSAGE) : null;
  const docs = body["documentation_url"];
  const documentationUrl = typeof docs === "string" ? terminalSafe(docs, MAX_MESSAGE) : null;
  if (message2 === null && documentationUrl === null) return null;
  return { message: message2 ?? "", documentationUrl, status: statusOf(body["status"]) };
}
function statusOf(status) {
  if (typeof status === "string") return terminalSafe(status, 20);
  return typeof status === "number" && Number.isInteger(status) ? String(status) : null;
}
function jsonObject(text) {
  if (text.length > MAX_BODY) return null;
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  return value;
}

// src/result.ts
function ok(value) {
  return { ok: true, value };
}
function err(reason) {
  return { ok: false, reason };
}

// src/destination/unsafe-text.ts
function tokenAsName(what) {
  return `the ${what} looks like a token, not a name; pass the token as the token, never as a name (and revoke it if it was shared)`;
}
function unsafeTextReason(text, what, hint) {
  if (text === "") return `The ${what} is empty; ${hint}.`;
  if (/[\x00-\x1f\x7f]/.test(text)) return `The ${what} contains a control character; retype it on one line.`;
  if (/\s/.test(text)) return `The ${what} contains white space; remove the spaces.`;
  const foreign = /[^\x00-\x7f]/u.exec(text);
  if (foreign) {
    const code2 = (foreign[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0");
    return `The ${what} contains the non-ASCII character U+${code2} (a look-alike letter?); retype it in plain ASCII.`;
  }
  return null;
}

// src/destination/parse.ts
var OWNER2 = /^(?=.{1,39}$)[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9]))*(?:_[A-Za-z0-9]+)?$/;
var NAME = /^[A-Za-z0-9._-]{1,100}$/;
var LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
var IPV6 = /^\[[0-9a-f:.]*:[0-9a-f:.]*\]$/;
var SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//;
var SCP = /^([^@/]+)@([^/:]+):(.*)$/;
var FORMS = /* @__PURE__ */ new Map([
  ["https", { form: "web", defaultPort: 443 }],
  ["http", { form: "web", defaultPort: 80 }],
  ["ssh", { form: "ssh", defaultPort: 22 }],
  ["git+ssh", { form: "ssh", defaultPort: 22 }],
  ["ssh+git", { form: "ssh", defaultPort: 22 }],
  ["git", { form: "git", defaultPort: 9418 }]
]);
var RESERVED = /* @__PURE__ */ new Set([
  "api",
  "apps",
  "enterprises",
  "explore",
  "login",
  "marketplace",
  "notifications",
  "organizations",
  "orgs",
  "settings",
  "sponsors",
  "topics",
  "users"
]);
var NOT_REPO_HOSTS = /* @__PURE__ */ new Map([
  ["api.github.com", "The API host api.github.com is not a repository page; pass owner/name or https://github.com/owner/name."],
  ["ghcr.io", "The container registry ghcr.io is not a repository page; pass owner/name, not the image."]
]);
var R = {
  hint: "pass owner/name or a GitHub URL",
  notRepository: "A repository is owner/name (e.g. octocat/hello-world) or its URL.",
  credentials: "Credentials must not be in the repository URL; remove the user:password@ part.",
  query: "Remove the query string or fragment (the part from ? or #) from the repository URL.",
  percent: "The repository contains percent-encoding (%); pass the plain owner/name.",
  missingOwner: "The repository needs an owner before the name, e.g. octocat/hello-world.",
  missingName: "The repository needs a name after the owner, e.g. octocat/hello-world.",
  tooMany: "Too many parts for owner/name; pass owner/name, or a full URL starting with its host.",
  extraPath: "A git remote URL ends after owner/name; remove the extra path.",
  owner: "The owner is not a valid GitHub login: letters, digits and single hyphens, at most 39, not at either end (a managed user's ends in _SHORTCODE).",
  name: 'The repository name may use only letters, digits, ".", "-" and "_", at most 100 characters.',
  dotName: 'The repository name cannot be "." or "..".',
  reserved: "That is a GitHub page, not a repository; pass owner/name.",
  host: "The host is not a valid host name.",
  port: "The port must be a number from 1 to 65535."
};
function parseRepoTarget(input2) {
  const located = locate(input2);
  if (!located.ok) return located;
  return located.value.credentials ? err(R.credentials) : ok(located.value.target);
}
function trimOuter(text) {
  return text.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, "");
}
function locate(input2) {
  const text = trimOuter(input2);
  if (/\s/.test(text) && !text.includes("/")) return err(R.notRepository);
  const unsafe = unsafeTextReason(text, "repository", R.hint);
  if (unsafe !== null) return err(unsafe);
  if (/[?#]/.test(text)) return err(R.query);
  if (text.includes("%")) return err(R.percent);
  const scheme = SCHEME.exec(text);
  if (scheme) return fromUrl(scheme[1].toLowerCase(), text.slice(scheme[0].length), scheme[0]);
  const scp = SCP.exec(text);
  if (scp) return fromScp(scp[1], scp[2], scp[3]);
  return fromBare(text);
}
function fromUrl(scheme, rest, prefix) {
  const kind = FORMS.get(scheme);
  if (!kind) return err(`Unsupported URL scheme${scheme.length <= 12 ? ` "${scheme}"` : ""}; use https://, ssh://, git:// or owner/name.`);
  const slash = rest.indexOf("/");
  const authority = slash < 0 ? rest : rest.slice(0, slash);
  const path = slash < 0 ? "" : rest.slice(slash);
  const at = authority.lastIndexOf("@");
  const userinfo = at < 0 ? "" : authority.slice(0, at);
  const hostport = authority.slice(at + 1);
  const keptUser = kind.form === "ssh" ? userinfo.split(":")[0] : "";
  const credentials = kind.form === "ssh" ? userinfo.includes(":") : userinfo !== "";
  const host = parseHost(hostport, kind.form === "web" ? kind.defaultPort : null);
  if (!host.ok) return host;
  const target = ownerAndName(host.value, path.slice(1), kind.form === "web");
  if (!target.ok) return target;
  const display = `${prefix}${keptUser === "" ? "" : `${keptUser}@`}${hostport}${path}`;
  return ok({ target: target.value, credentials, display });
}
function fromScp(user, hostText, path) {
  const host = parseHost(hostText, null);
  if (!host.ok) return host;
  const target = ownerAndName(host.value, path.replace(/^\//, ""), false);
  if (!target.ok) return target;
  const keptUser = user.split(":")[0];
  return ok({ target: target.value, credentials: user.includes(":"), display: `${keptUser}@${hostText}:${path}` });
}
function fromBare(text) {
  const first = text.split("/", 1)[0];
  if (/[.:@[]/.test(first) || first.toLowerCase() === "localhost") return fromUrl("https", text, "");
  const parts = text.split("/");
  if (parts.length === 3 && parts[2] === "") parts.pop();
  if (parts.length > 2) return err(R.tooMany);
  const target = ownerAndName("github.com", text, false);
  return target.ok ? ok({ target: target.value, credentials: false, display: text }) : target;
}
function parseHost(hostport, defaultPort) {
  const match = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(hostport);
  if (!match) return err(R.host);
  const host = match[1].toLowerCase();
  const portText = match[2] ?? "";
  const port = Number(portText);
  if (portText !== "" && (portText.length > 5 || port < 1 || port > 65535)) return err(R.port);
  if (!isHostName(host)) return err(R.host);
  const folded = host === "www.github.com" || host === "ssh.github.com" ? "github.com" : host;
  const notRepo = NOT_REPO_HOSTS.get(folded);
  if (notRepo) return err(notRepo);
  const keepPort = defaultPort !== null && portText !== "" && port !== defaultPort;
  return ok(keepPort ? `${folded}:${port}` : folded);
}
function isHostName(host) {
  if (host.startsWith("[")) return IPV6.test(host);
  return host.length <= 253 && host.split(".").every((label) => LABEL.test(label));
}
function ownerAndName(host, path, allowExtra) {
  const parts = path.split("/");
  if (parts.length > 1 && parts[parts.length - 1] === "") parts.pop();
  const [owner = "", rawName = "", ...extra] = parts;
  if (owner === "") return err(R.missingOwner);
  if (RESERVED.has(owner.toLowerCase())) return err(R.reserved);
  if (rawName === "") return err(R.missingName);
  if (extra.length > 0 && !allowExtra) return err(R.extraPath);
  if (!OWNER2.test(owner)) return err(R.owner);
  const name = rawName.endsWith(".git") ? rawName.slice(0, -4) : rawName;
  if (name === "") return err(R.missingName);
  if (name === "." || name === "..") return err(R.dotName);
  if (!NAME.test(name)) return err(R.name);
  return ok({ host, owner, name });
}

// src/destination/endpoints.ts
var SCHEME2 = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//;
var GHE_COM = /^([a-z0-9-]+)\.ghe\.com$/;
function isLoopbackHost(hostname2) {
  const host = hostname2.toLowerCase().replace(/^\[(.*)\]$/, "$1");
  if (host === "localhost" || host === "::1" || host === "0:0:0:0:0:0:0:1") return true;
  const v4 = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return v4 !== null && v4.slice(1).every((octet) => Number(octet) <= 255);
}
function parseApiUrl(input2) {
  const url = parseHttpUrl(input2, "API URL", "https://api.github.com");
  if (!url.ok) return url;
  url.value.pathname = url.value.pathname.replace(/\/+$/, "") || "/";
  return url;
}
function parseRegistry(input2) {
  const text = trimOuter(input2);
  const url = parseHttpUrl(SCHEME2.test(text) ? text : `https://${text}`, "registry", "ghcr.io");
  if (!url.ok) return text === "" ? err("The registry is empty; pass a host such as ghcr.io.") : url;
  if (url.value.pathname !== "/") return err("Pass only the registry host, e.g. ghcr.io, not an image path.");
  return ok({ origin: url.value.origin, host: url.value.host });
}
function defaultEndpoints(host) {
  const h = host.toLowerCase();
  if (h === "github.com") return { apiUrl: "https://api.github.com", registry: "ghcr.io" };
  const sub = GHE_COM.exec(h);
  if (sub) return { apiUrl: `https://api.${sub[1]}.ghe.com`, registry: `containers.${sub[1]}.ghe.com` };
  return { apiUrl: `https://${h}/api/v3`, registry: `containers.${h}` };
}
function parseHttpUrl(input2, what, example) {
  const text = trimOuter(input2);
  const unsafe = unsafeTextReason(text, what, `pass a URL such as ${example}`);
  if (unsafe !== null) return err(unsafe);
  const scheme = SCHEME2.exec(text)?.[1]?.toLowerCase();
  if (scheme !== "https" && scheme !== "http") return err(`The ${what} must start with https://, e.g. ${example}.`);
  if (/[?#]/.test(text)) return err(`The ${what} must not have a query string or fragment.`);
  if (text.includes("%")) return err(`The ${what} must not contain percent-encoding (%).`);
  const url = tryUrl(text);
  if (url === null) return err(`The ${what} is not a valid URL; pass one such as ${example}.`);
  if (url.username !== "" || url.password !== "") return err(`Credentials must not be in the ${what}; remove the user:password@ part.`);
  if (url.protocol === "http:" && !isLoopbackHost(url.hostname)) {
    return err(`The ${what} must use https:// (http:// is allowed only for a loopback host: localhost, 127.0.0.0/8, ::1).`);
  }
  return ok(url);
}
function tryUrl(text) {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

// src/github/headers.ts
function parseScopes(header) {
  if (header === null || header === void 0) return null;
  return header.split(",").map((scope) => scope.trim()).filter((scope) => scope !== "");
}
var IMPLIES = /* @__PURE__ */ new Map([
  ["repo", ["repo:status", "repo_deployment", "public_repo", "repo:invite", "security_events"]],
  ["write:packages", ["read:packages"]],
  ["admin:org", ["write:org", "manage_runners:org"]],
  ["write:org", ["read:org"]],
  ["admin:public_key", ["write:public_key"]],
  ["write:public_key", ["read:public_key"]],
  ["admin:repo_hook", ["write:repo_hook"]],
  ["write:repo_hook", ["read:repo_hook"]],
  ["admin:gpg_key", ["write:gpg_key"]],
  ["write:gpg_key", ["read:gpg_key"]],
  ["admin:ssh_signing_key", ["write:ssh_signing_key"]],
  ["write:ssh_signing_key", ["read:ssh_signing_key"]],
  ["user", ["read:user", "user:email", "user:follow"]],
  ["project", ["read:project"]],
  ["codespace", ["codespace:secrets"]],
  ["admin:enterprise", ["manage_runners:enterprise", "manage_billing:enterprise", "read:enterprise"]],
  ["write:discussion", ["read:discussion"]],
  ["audit_log", ["read:audit_log"]],
  ["copilot", ["manage_billing:copilot"]]
]);
function expandScopes(scopes) {
  const all = /* @__PURE__ */ new Set();
  const pending = [...scopes];
  for (let scope = pending.pop(); scope !== void 0; scope = pending.pop()) {
    if (all.has(scope)) continue;
    all.add(scope);
    pending.push(...IMPLIES.get(scope) ?? []);
  }
  return all;
}
var EXPIRATION = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) (UTC|[+-]\d{4})$/;
function parseTokenExpiration(header) {
  if (header === null || header === void 0) return null;
  const match = EXPIRATION.exec(header.trim());
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = match?.slice(1, 7).map(Number) ?? [];
  const utc = match ? utcDate(year, month, day, hour, minute, second) : null;
  const offset = offsetMinutes(match?.[7] ?? "");
  if (utc === null || offset === null) {
    return err("The token-expiration header is not in a known format (YYYY-MM-DD HH:MM:SS UTC or \xB1HHMM).");
  }
  return ok(new Date(utc.getTime() - offset * 6e4));
}
function offsetMinutes(zone) {
  if (zone === "UTC") return 0;
  const match = /^([+-])(\d{2})(\d{2})$/.exec(zone);
  if (!match) return null;
  const hours = Number(match[2]);
  const minutes = Number(match[3]);
  if (hours > 23 || minutes > 59) return null;
  return (match[1] === "-" ? -1 : 1) * (hours * 60 + minutes);
}
function parseSsoHeader(header) {
  if (header === null || header === void 0) return null;
  const [head = "", ...rest] = header.split(";").map((part) => part.trim());
  const params = new Map(rest.map(splitParam));
  switch (head.toLowerCase()) {
    case "required": {
      const url = ssoUrl(params.get("url") ?? "");
      return url === null ? null : { kind: "required", url };
    }
    case "partial-results":
      return { kind: "partial-results", organizationIds: organizationIds(params.get("organizations") ?? "") };
    default:
      return null;
  }
}
function splitParam(param) {
  const eq = param.indexOf("=");
  if (eq < 0) return [param.toLowerCase(), ""];
  return [param.slice(0, eq).trim().toLowerCase(), param.slice(eq + 1).trim()];
}
var DNS_NAME = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
var SSO_PATH = /^\/(?:orgs|enterprises)\/[A-Za-z0-9-]{1,39}\/sso\/?$/;
function ssoUrl(text) {
  const url = tryUrl(text);
  if (url === null || url.protocol !== "https:" || url.username !== "" || url.password !== "") return null;
  if (url.port !== "" || !DNS_NAME.test(url.hostname) || !SSO_PATH.test(url.pathname)) return null;
  return url.href;
}
function organizationIds(text) {
  return text.split(",").map((id) => id.trim()).filter((id) => /^\d{1,15}$/.test(id)).map(Number);
}
function parseRateLimit(headers) {
  const limit = integer(headers.get("x-ratelimit-limit"), 15);
  const remaining = integer(headers.get("x-ratelimit-remaining"), 15);
  const reset = integer(headers.get("x-ratelimit-reset"), 12);
  if (limit === null || remaining === null || reset === null) return null;
  const resource = headers.get("x-ratelimit-resource")?.trim() ?? "";
  return {
    limit,
    remaining,
    used: integer(headers.get("x-ratelimit-used"), 15),
    reset: new Date(reset * 1e3),
    resource: /^[A-Za-z0-9_-]{1,64}$/.test(resource) ? resource : null
  };
}
function integer(value, digits) {
  const text = value?.trim() ?? "";
  return new RegExp(`^\\d{1,${digits}}$`).test(text) ? Number(text) : null;
}

// src/github/classify.ts
var SAML = /Resource protected by organization SAML enforcement/i;
var CLASSIC_BAN = /forbids access via a personal access token \(classic\)/i;
var LIFETIME2 = /forbids access via a (fine-grained personal access tokens|personal access tokens \(classic\)) if the token's lifetime is greater than (\d+) days/i;
var LIFETIME_OWNER = /The '([^']+)' (organization|enterprise) forbids/i;
var IP_ALLOW_LIST = /has an IP allow list enabled, and your IP address is not permitted/i;
var IP_ORG = /the `([^`]+)` organization has an IP allow list/i;
var MANAGED_USER = /As an Enterprise Managed User, you cannot access this content/i;
var LOCKOUT = /Maximum number of login attempts exceeded/i;
var INTEGRATION = /Resource not accessible by integration/i;
var RATE = /rate limit/i;
var SECONDARY = /\bsecondary rate\b/i;
var NO_BODY = /* @__PURE__ */ new Set([204, 205]);
function classifyApi(outcome) {
  if (outcome.kind === "network") return { kind: "network", message: outcome.error.message, error: outcome.error };
  const { status, headers } = outcome;
  const retried = parseRetryNote(headers.get(RETRY_HEADER));
  if (status >= 200 && status < 300) {
    const readable = NO_BODY.has(status) || typeof outcome.body === "object" && outcome.body !== null && !Array.isArray(outcome.body) && !(outcome.body instanceof ArrayBuffer);
    return readable ? { kind: "ok" } : { kind: "malformed", status, message: "the body is not the JSON expected", retried };
  }
  const message2 = messageOf(outcome.body) ?? `HTTP ${status}`;
  if (MANAGED_USER.test(message2)) return { kind: "managed-user", message: message2 };
  if (status === 401) return { kind: "bad-credentials", message: message2 };
  if (status === 301 || status === 302 || status === 307 || status === 308) return { kind: "moved", message: message2 };
  const sso = parseSsoHeader(headers.get("x-github-sso"));
  if (sso?.kind === "required" || SAML.test(message2)) {
    return { kind: "sso", url: sso?.kind === "required" ? sso.url : null, message: message2 };
  }
  if (IP_ALLOW_LIST.test(message2)) return { kind: "ip-allow-list", message: message2, org: IP_ORG.exec(message2)?.[1] ?? null };
  const lifetime = LIFETIME2.exec(message2);
  if (lifetime) {
    const settingsUrl = /https:\/\/\S+\/settings\/personal-access-tokens\/\S+/.exec(message2)?.[0] ?? null;
    const owner = LIFETIME_OWNER.exec(message2);
    const by = owner?.[2]?.toLowerCase();
    return {
      kind: "lifetime-policy",
      message: message2,
      days: Number(lifetime[2]),
      settingsUrl,
      classic: !lifetime[1]?.startsWith("fine-grained"),
      by: by === "organization" || by === "enterprise" ? by : null,
      name: owner?.[1] ?? null
    };
  }
  if (CLASSIC_BAN.test(message2)) return { kind: "classic-forbidden", message: message2 };
  if (LOCKOUT.test(message2)) return { kind: "lockout", message: message2 };
  const rate = parseRateLimit(headers);
  const retryAfter = parseRetryAfter(headers.get("retry-after"), answerDate(headers));
  const exhausted = rate?.remaining === 0 || headers.get("x-ratelimit-remaining")?.trim() === "0";
  if (status === 429 || status === 403 && (RATE.test(message2) || exhausted)) {
    return {
      kind: "rate-limited",
      message: message2,
      secondary: SECONDARY.test(message2),
      resetAt: exhausted ? rate?.reset ?? null : null,
      retryAfter: retryAfter !== null && retryAfter > 0 ? retryAfter : null,
      retried
    };
  }
  if (INTEGRATION.test(message2)) return { kind: "integration", message: message2 };
  if (status === 404) return { kind: "not-found", message: message2 };
  if (status === 403) return { kind: "forbidden", message: message2 };
  if (status >= 500) return { kind: "server", status, message: message2, retried };
  return { kind: "unexpected", status, message: message2 };
}
function answerDate(headers) {
  const sent = Date.parse(headers.get("date") ?? "");
  return Number.isNaN(sent) ? /* @__PURE__ */ new Date() : new Date(sent);
}
function messageOf(body) {
  if (typeof body === "string") return parseGitHubError(body)?.message ?? (terminalSafe(body.trim(), 200) || null);
  if (body && typeof body === "object" && "message" in body && typeof body.message === "string") return terminalSafe(body.message, 500);
  return null;
}
function isUndecided(meaning) {
  return ["network", "server", "malformed", "rate-limited", "lockout", "unexpected"].includes(meaning.kind);
}
function undecidedSummary(meaning, what, words) {
  const apiUrl = words.names.apiUrl;
  switch (meaning.kind) {
    case "network":
      return `Could not ${what}: ${netSentence(meaning.error, "apiUrl", words)}`;
    case "server":
      return `Could not ${what}: GitHub answered HTTP ${meaning.status}, a server error${onAll(meaning.retried)}. Try again in a few minutes.`;
    case "malformed":
      return `Could not ${what}: GitHub answered HTTP ${meaning.status} with a body that is not the JSON expected${onAll(meaning.retried)}. Try again; if it keeps happening, check that ${apiUrl} points at GitHub's REST API (a proxy or captive portal may be answering instead).`;
    case "rate-limited":
      return `Could not ${what}: ${rateLimitText(meaning)}`;
    case "lockout":
      return `Could not ${what}: GitHub is refusing all logins for this user after too many failed attempts ("${meaning.message}"). Wait a while, then try again.`;
    default:
      return `Could not ${what}: GitHub answered unexpectedly (${"status" in meaning ? `HTTP ${meaning.status}: ` : ""}${messageText(meaning)}). Try again; if it keeps happening, check ${apiUrl}.`;
  }
}
function onAll(retried) {
  return retried ? ` (${retried.attempts} attempts)` : "";
}
function rateLimitText(meaning) {
  const which = meaning.secondary ? "GitHub's secondary rate limit stopped the request" : meaning.resetAt ? "the API rate limit of the token's user is used up" : "GitHub's rate limit stopped the request";
  const waited = meaning.retried?.retryAfterSeconds ? `; crpat waited as GitHub asked (Retry-After: ${meaning.retried.retryAfterSeconds} s) and tried ${meaning.retried.attempts} times` : "";
  let next;
  if (meaning.resetAt) {
    next = `Try again after ${meaning.resetAt.toISOString()}, when it resets (all of a user's tokens share one limit).`;
  } else if (meaning.retryAfter && !waited) {
    next = `GitHub asks to retry after ${meaning.retryAfter} s (Retry-After).`;
  } else {
    next = "Wait a few minutes, then try again.";
  }
  return `${which} ("${meaning.message}")${waited}. ${next}`;
}
function retryDetails(outcome) {
  if (outcome.kind !== "response") return [];
  const note = parseRetryNote(outcome.headers.get(RETRY_HEADER));
  if (!note) return [];
  if (note.retryAfterSeconds !== null) {
    return [
      `GitHub asked crpat to wait (Retry-After: ${note.retryAfterSeconds} s); it waited ${Math.round(note.waitedMs / 1e3)} s and got this answer on attempt ${note.attempts}.`
    ];
  }
  return [`The first answer failed (a server error, reset or timeout); crpat retried and got this answer on attempt ${note.attempts}.`];
}
function messageText(meaning) {
  return "message" in meaning ? meaning.message : "";
}

// src/evidence/repo.ts
function readRepo(answer2) {
  const meaning = classifyApi(answer2);
  const base = { answer: answer2, meaning };
  if (answer2.kind !== "response") return { ...base, kind: "unknown", reason: "GET /repos/{owner}/{repo} got no answer" };
  if (meaning.kind === "ok" && answer2.status === 200) {
    const body = answer2.body;
    const owner = isObject2(body["owner"]) ? body["owner"] : {};
    const visibility = typeof body["visibility"] === "string" ? terminalSafe(body["visibility"], 20) : body["private"] === true ? "private" : "public";
    return {
      ...base,
      kind: "visible",
      private: body["private"] === true || visibility !== "public",
      ownerIsOrg: owner["type"] === "Organization",
      role: roleFrom(body["permissions"]),
      // Server text reaches a terminal: control characters go.
      fullName: terminalSafe(String(body["full_name"] ?? ""), 200),
      ownerLogin: terminalSafe(String(owner["login"] ?? ""), 100),
      visibility
    };
  }
  if ((answer2.status === 404 || answer2.status === 403) && !isUndecided(meaning)) {
    return { ...base, kind: "hidden", status: answer2.status, message: messageText(meaning) || `HTTP ${answer2.status}` };
  }
  const message2 = messageText(meaning);
  return { ...base, kind: "unknown", reason: `GET /repos/{owner}/{repo} answered ${answer2.status}${message2 ? ` (${message2})` : ""}` };
}
function roleFrom(permissions) {
  if (!isObject2(permissions)) return null;
  if (permissions["admin"] === true) return "admin";
  if (permissions["maintain"] === true) return "maintain";
  if (permissions["push"] === true) return "write";
  if (permissions["triage"] === true) return "triage";
  return permissions["pull"] === true ? "read" : null;
}
var RANK = { read: 1, triage: 2, write: 3, maintain: 4, admin: 5 };
function atLeast(role, wanted) {
  return role !== null && RANK[role] >= RANK[wanted];
}
function roleBelowWrite(repo) {
  return repo.kind === "visible" && repo.role !== null && !atLeast(repo.role, "write") ? repo.role : null;
}
function isObject2(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/evidence/user.ts
function readUser(answer2) {
  const meaning = classifyApi(answer2);
  if (answer2.kind !== "response") return { answer: answer2, meaning, login: null, scopes: null, expiration: null };
  const body = answer2.body;
  return {
    answer: answer2,
    meaning,
    // Server text reaches a terminal: control characters go.
    login: answer2.status === 200 && body && typeof body.login === "string" ? terminalSafe(body.login, 100) : null,
    scopes: parseScopes(answer2.headers.get("x-oauth-scopes")),
    expiration: parseTokenExpiration(answer2.headers.get("github-authentication-token-expiration"))
  };
}
function userAccepted(user) {
  return user.meaning.kind === "ok" || user.meaning.kind === "integration";
}

// src/evidence/record.ts
function ownerIsOrgOf(repo, user, target) {
  if (repo.kind === "visible") return repo.ownerIsOrg;
  return isOwnNamespace(user, target) ? false : null;
}
function isOwnNamespace(user, target) {
  return user.login !== null && user.login.toLowerCase() === target.owner.toLowerCase();
}
function ssoExposureOf(repo, user, target) {
  if (repo.meaning.kind === "sso") return "enforced";
  return ownerIsOrgOf(repo, user, target) === false ? "no" : "maybe";
}
function apiBlocks(repo, user) {
  return {
    sso: repo.meaning.kind === "sso",
    ipAllowList: repo.meaning.kind === "ip-allow-list" || user.meaning.kind === "ip-allow-list",
    managedUser: repo.meaning.kind === "managed-user"
  };
}

// src/capabilities/links.ts
function newClassicTokenUrl(webUrl, scopes, description) {
  const list = scopes.map((scope) => encodeURIComponent(scope).replace(/%3A/gi, ":")).join(",");
  return `${webUrl}/settings/tokens/new?scopes=${list}&description=${encodeURIComponent(description)}`;
}
var classicTokensListLink = (webUrl) => `${webUrl}/settings/tokens`;
var fineGrainedTokensListLink = (webUrl) => `${webUrl}/settings/personal-access-tokens`;
var repoAccessLink = (webUrl, owner, name) => `${webUrl}/${owner}/${name}/settings/access`;
function classicTokenLink(target, profile) {
  return newClassicTokenUrl(target.webUrl, profile.classicScopes, noteFor(target, profile));
}
function renewalLink(target, profile, hadScopes) {
  return newClassicTokenUrl(target.webUrl, renewalScopes(hadScopes, profile), noteFor(target, profile));
}
function renewalScopes(hadScopes, profile) {
  const all = [.../* @__PURE__ */ new Set([...hadScopes, ...profile.classicScopes])];
  return all.filter((scope) => !all.some((other) => other !== scope && expandScopes([other]).has(scope)));
}
function fineGrainedTokenLink(target, profile, options = {}) {
  const permissions = profile.capabilities.filter((spec) => spec.needed && spec.fineGrained !== null);
  if (permissions.length === 0) return null;
  const params = new URLSearchParams();
  params.set("name", `crpat ${profile.id} ${target.owner}/${target.name}`.slice(0, 40));
  params.set("description", `${noteFor(target, profile)}. Select the repository ${target.owner}/${target.name}.`.slice(0, 1024));
  params.set("target_name", target.owner);
  const expires = options.expiresInDays;
  if (expires !== void 0) params.set("expires_in", expires === "none" ? "none" : String(Math.min(366, Math.max(1, Math.round(expires)))));
  for (const spec of permissions) if (spec.fineGrained) params.set(spec.fineGrained.permission, spec.fineGrained.level);
  return `${target.webUrl}/settings/personal-access-tokens/new?${params.toString()}`;
}
function packageSettingsLink(target, ownerIsOrg) {
  const kind = ownerIsOrg ? "orgs" : "users";
  return `${target.webUrl}/${kind}/${target.owner}/packages/container/${encodeURIComponent(imageName(target))}/settings`;
}
function orgPackageCreationLink(webUrl, org) {
  return `${webUrl}/organizations/${org}/settings/packages`;
}
function orgTokenPolicyLink(webUrl, org) {
  return `${webUrl}/organizations/${org}/settings/personal-access-tokens`;
}
function ssoLink(webUrl, org, fromHeader) {
  return fromHeader ?? `${webUrl}/orgs/${org}/sso`;
}
function ssoReauthorizeNote(webUrl, owner, exposure) {
  const where = `authorize it again (Configure SSO next to the token) at ${classicTokensListLink(webUrl)}`;
  if (exposure === "enforced") return ` GitHub then drops the token's single sign-on authorization for ${owner}: ${where}.`;
  if (exposure === "maybe") return ` If ${owner} uses SAML single sign-on, GitHub then drops the token's SSO authorization: ${where}.`;
  return "";
}
function noteFor(target, profile) {
  const repository = `${target.owner}/${target.name}`;
  const image = target.image.toLowerCase() === repository.toLowerCase() ? "" : ` (ghcr ${target.image})`;
  return `crpat ${profile.id}: ${repository}${image}`;
}
function imageName(target) {
  const slash = target.image.indexOf("/");
  return slash < 0 ? target.image : target.image.slice(slash + 1);
}

// src/checks/guide.ts
function guideCommand(anchor) {
  return `crpat guide ${anchor}`;
}
function guideLine(anchor) {
  return `Guide: ${guideCommand(anchor)}`;
}

// src/checks/check.ts
function linksOf(evidence) {
  const { webUrl, target, image, profile } = evidence;
  return { target: { webUrl, owner: target.owner, name: target.name, image: image.path }, profile };
}
function finding(id, status, summary, fix = null, details = []) {
  return { id, status, summary, fix, details };
}

// src/checks/org-policy.ts
function judgeOrgPolicy(inputs) {
  const id = "org.policy";
  const { target, webUrl } = inputs;
  const settings = orgTokenPolicyLink(webUrl, target.owner);
  const meanings = [inputs.repo.meaning, inputs.user.meaning];
  const refused2 = inputs.push?.outcome?.kind === "refused" ? inputs.push.refusal : null;
  const reason = refused2?.reason ?? null;
  const registryQuote = refused2?.quoted ?? "";
  const ip = meanings.find((m) => m.kind === "ip-allow-list");
  if (ip) {
    const org = ip.org ?? target.owner;
    return finding(
      id,
      "fail",
      `The organization ${org} has an IP allow list, and this machine's address is not on it: GitHub refuses the token here however good it is.`,
      `Run from an address the allow list includes (a self-hosted runner or a listed egress IP; GitHub-hosted runners are usually outside it), or ask an owner of ${org} to add this machine's address. More repository access or a new token does not help.`,
      [ip.message, guideLine("org-policy")]
    );
  }
  const fromApi = meanings.find((m) => m.kind === "lifetime-policy");
  const lifetime = fromApi ?? (reason?.kind === "lifetime" ? { kind: "lifetime-policy", message: registryQuote, days: reason.days, settingsUrl: null, classic: reason.classic, by: reason.by, name: reason.name } : null);
  if (lifetime) return lifetimeFinding(lifetime, inputs, settings);
  const ban = meanings.find((m) => m.kind === "classic-forbidden");
  if (ban || reason?.kind === "classic-ban") {
    return finding(
      id,
      "fail",
      `The organization ${target.owner} refuses personal access tokens (classic), and GitHub Packages accepts no fine-grained token, so no personal token can push there.`,
      `An owner of ${target.owner} can allow classic tokens at ${settings} (tab "Tokens (classic)"). In a workflow, GITHUB_TOKEN with \`permissions: packages: write\` works instead.`,
      [ban && "message" in ban ? ban.message : registryQuote, guideLine("org-policy")]
    );
  }
  const facts = inputs.repo;
  if (facts.kind !== "visible") return finding(id, "skip", "Skipped: the repository is not visible (repo.access), so the owner's token policy could not be examined.");
  if (!facts.ownerIsOrg) return finding(id, "pass", `${facts.ownerLogin} is a personal account: no organization token policy applies.`);
  const note = inputs.shape.kind === "fine-grained" ? [`A fine-grained token may also await approval by ${facts.ownerLogin}'s owners; GitHub shows no distinct error for that.`] : [];
  return finding(id, "pass", `No token-policy refusal from ${facts.ownerLogin} (a ban on classic tokens would also show in registry.push).`, null, note);
}
function lifetimeFinding(lifetime, inputs, settings) {
  const { target, webUrl } = inputs;
  const who = lifetime.name && lifetime.by ? `The ${lifetime.by} ${lifetime.name}` : `The organization ${target.owner}`;
  const kind = lifetime.classic ? "personal access tokens (classic)" : "fine-grained personal access tokens";
  const limit = lifetime.days !== null ? ` of more than ${lifetime.days} days` : " longer than it allows";
  const within = lifetime.days !== null ? `within ${lifetime.days} days` : "sooner";
  const authorize = ssoReauthorizeNote(webUrl, target.owner, inputs.sso ?? "no");
  const fix = lifetime.classic ? `Create a classic token that expires ${within} (pick the expiration on the page)${inputs.links ? `: ${classicTokenLink(inputs.links.target, inputs.links.profile)}` : ` at ${classicTokensListLink(webUrl)}`}, or regenerate this one with a shorter expiration at ${classicTokensListLink(webUrl)}.${authorize}` : `Regenerate the token with an expiration ${within}: ${lifetime.settingsUrl ?? fineGrainedTokensListLink(webUrl)}`;
  return finding(
    "org.policy",
    "fail",
    `${who} refuses ${kind} with a lifetime${limit}, and this token's is longer. ${lifetime.classic ? "Classic" : "Fine-grained"} tokens within the limit are accepted${lifetime.by === "enterprise" ? ` (the limit is the enterprise's, for every organization in it)` : ""}.`,
    `${fix} The limit itself is set by the owners${lifetime.by === "enterprise" ? " of the enterprise" : ` at ${settings}`}.`,
    [lifetime.message, guideLine("org-policy")]
  );
}
var orgPolicy = {
  id: "org.policy",
  title: "Organization token policy",
  run: async (evidence) => {
    const [repo, user, push] = await Promise.all([evidence.repo, evidence.user, evidence.push]);
    const sso = ssoExposureOf(repo, user, evidence.target);
    return judgeOrgPolicy({ repo, user, push, shape: evidence.shape, target: evidence.target, webUrl: evidence.webUrl, links: linksOf(evidence), sso });
  }
};

// src/checks/org-sso.ts
function judgeOrgSso(repo, target, webUrl) {
  const id = "org.sso";
  const { meaning } = repo;
  if (meaning.kind === "sso") {
    const authorize = meaning.url ? `Authorize the token for ${target.owner} at ${meaning.url} (this link is valid for one hour)` : `Open ${classicTokensListLink(webUrl)}, choose Configure SSO next to the token and Authorize ${target.owner}`;
    return finding(
      id,
      "fail",
      `The organization ${target.owner} enforces SAML single sign-on and this token is not authorized for it.`,
      `${authorize}. You need an active SSO session first: ${ssoLink(webUrl, target.owner, null)}`,
      [meaning.message, guideLine("sso")]
    );
  }
  if (repo.kind === "visible") {
    return repo.ownerIsOrg ? finding(id, "pass", `No single sign-on refusal from ${repo.ownerLogin}.`) : finding(id, "pass", `${repo.ownerLogin} is a personal account: single sign-on does not apply.`);
  }
  if (meaning.kind === "bad-credentials") return finding(id, "skip", "Skipped: GitHub did not accept the token (token.valid).");
  if (isUndecided(meaning)) return finding(id, "skip", "Skipped: the repository could not be read (repo.access).");
  return finding(id, "skip", "Skipped: the repository is not visible (repo.access), so single sign-on could not be examined.");
}
var orgSso = {
  id: "org.sso",
  title: "Organization single sign-on",
  run: async (evidence) => judgeOrgSso(await evidence.repo, evidence.target, evidence.webUrl)
};

// src/settings.ts
var OPTION_WORDS = {
  names: { apiUrl: "the apiUrl option", registry: "the registry option", timeout: "the timeoutSeconds option", image: "the image option", trace: null },
  give: (name, value) => `set ${name} to ${value}`
};
var MAX_TIMEOUT_SECONDS = 3600;

// src/http/origin.ts
function originOf(url) {
  return onLoopbackLiteral(typeof url === "string" ? new URL(url) : url).origin;
}
function isOnOrigin(url, origins) {
  const origin = originOf(url);
  return origins.some((allowed) => originOf(allowed) === origin);
}
function onLoopbackLiteral(url) {
  if (url.hostname.toLowerCase() !== "localhost") return url;
  const literal = new URL(url.href);
  literal.hostname = "127.0.0.1";
  return literal;
}

// src/registry/challenge.ts
var MAX_HEADER = 8192;
var TOKEN = /[!#$%&'*+\-.^_`|~0-9A-Za-z]+/y;
var TOKEN68 = /[ \t]+[A-Za-z0-9\-._~+/]+=*[ \t]*(?:,|$)/y;
var MALFORMED = "The registry sent a malformed WWW-Authenticate challenge.";
function parseWwwAuthenticate(header) {
  if (header === null) return err("The registry sent no WWW-Authenticate challenge.");
  if (header.length > MAX_HEADER) return err("The registry sent an oversized WWW-Authenticate challenge.");
  let at = skip(header, 0, " 	");
  const scheme = token(header, at);
  if (scheme === "") return err(MALFORMED);
  at += scheme.length;
  if (at < header.length && !" 	".includes(header[at])) return err(MALFORMED);
  const params = /* @__PURE__ */ new Map();
  TOKEN68.lastIndex = at;
  if (!TOKEN68.test(header)) {
    const parsed = parseParams(header, at, params);
    if (!parsed.ok) return parsed;
  }
  return ok({ scheme: scheme.toLowerCase(), params: Object.fromEntries(params) });
}
function parseParams(text, start, params) {
  let at = start;
  for (; ; ) {
    at = skip(text, at, " 	,");
    const name = token(text, at);
    if (name === "") return at >= text.length ? ok(null) : err(MALFORMED);
    const eq = skip(text, at + name.length, " 	");
    if (text[eq] !== "=") return ok(null);
    const value = readValue(text, skip(text, eq + 1, " 	"));
    if (value === null) return err(MALFORMED);
    if (!params.has(name.toLowerCase())) params.set(name.toLowerCase(), value.text);
    at = skip(text, value.end, " 	");
    if (at < text.length && text[at] !== ",") return err(MALFORMED);
  }
}
function readValue(text, start) {
  if (text[start] !== '"') {
    let end = start;
    while (end < text.length && !", 	".includes(text[end])) end += 1;
    return { text: text.slice(start, end), end };
  }
  let value = "";
  for (let at = start + 1; at < text.length; at += 1) {
    const char = text[at];
    if (char === '"') return { text: value, end: at + 1 };
    if (char === "\\") at += 1;
    if (at >= text.length) return null;
    value += text[at];
  }
  return null;
}
function token(text, at) {
  TOKEN.lastIndex = at;
  return TOKEN.exec(text)?.[0] ?? "";
}
function skip(text, at, chars) {
  let end = at;
  while (end < text.length && chars.includes(text[end])) end += 1;
  return end;
}

// src/registry/error-body.ts
var MAX_BODY2 = 1e6;
var MAX_ERRORS = 20;
var MAX_CODE = 100;
var MAX_MESSAGE2 = 500;
function parseRegistryErrors(text) {
  if (text.length > MAX_BODY2) return [];
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    return [];
  }
  const errors = typeof body === "object" && body !== null ? body.errors : void 0;
  return Array.isArray(errors) ? errors.slice(0, MAX_ERRORS).flatMap(registryError) : [];
}
function registryError(entry) {
  if (typeof entry !== "object" || entry === null) return [];
  const { code: code2, message: message2 } = entry;
  if (typeof code2 !== "string" || code2.trim() === "") return [];
  const text = typeof message2 === "string" ? terminalSafe(message2, MAX_MESSAGE2) : "";
  return [{ code: terminalSafe(code2.trim(), MAX_CODE), message: text }];
}

// src/registry/client.ts
function refusalOf(response, text) {
  const challenge = parseWwwAuthenticate(response.headers.get("www-authenticate"));
  return {
    status: response.status,
    errors: parseRegistryErrors(text),
    challengeError: challenge.ok ? challenge.value.params.error ?? null : null,
    requestId: response.headers.get("x-github-request-id")
  };
}
function attemptsNote(response) {
  const note = parseRetryNote(response.headers.get(RETRY_HEADER));
  return note ? ` (${note.attempts} attempts)` : "";
}
function asNetError(error) {
  return error instanceof NetError ? error : new NetError("network", error instanceof Error ? error.message : String(error));
}

// src/registry/login.ts
var KNOWN_REALMS = { "ghcr.io": { url: "https://ghcr.io/token", service: "ghcr.io" } };
var BASIC_USER = "crpat";
async function registryLogin(client, repository) {
  const scope = `repository:${repository}:pull,push`;
  try {
    const known = KNOWN_REALMS[client.host];
    if (known) {
      const outcome = await requestToken(client, known, scope);
      if (outcome.kind !== "unexpected" || outcome.status === void 0 || outcome.status >= 500) return outcome;
    }
    const discovered = await realmOf(client);
    if ("kind" in discovered) return discovered;
    return await requestToken(client, discovered, scope);
  } catch (error) {
    return { kind: "network", error: asNetError(error) };
  }
}
function realmOf(client) {
  const memo = client.memo;
  if (!memo) return discoverRealm(client);
  let entry = memo.realms.get(client.host);
  if (!entry) {
    entry = discoverRealm(client);
    memo.realms.set(client.host, entry);
    const forget = () => void memo.realms.delete(client.host);
    entry.then((found) => "kind" in found ? forget() : void 0, forget);
  }
  return entry;
}
async function discoverRealm(client) {
  const response = await client.fetch(`${client.origin}/v2/`, { headers: { accept: "application/json" } });
  if (response.ok) return { kind: "anonymous" };
  const challenge = parseWwwAuthenticate(response.headers.get("www-authenticate"));
  if (response.status !== 401 || !challenge.ok || challenge.value.scheme.toLowerCase() !== "bearer" || !challenge.value.params.realm) {
    return { kind: "unexpected", reason: `${client.host} answered GET /v2/ with HTTP ${response.status}${attemptsNote(response)} and no Bearer challenge` };
  }
  return { url: challenge.value.params.realm, service: challenge.value.params.service ?? null };
}
async function requestToken(client, realm, scope) {
  const realmUrl = tryUrl(realm.url);
  const problem3 = realmUrl ? realmProblem(realmUrl, client.credentialOrigins) : `the token service address "${realm.url}" is not a URL`;
  if (problem3 || !realmUrl) return { kind: "realm-refused", reason: problem3 ?? "invalid realm" };
  if (realm.service) realmUrl.searchParams.set("service", realm.service);
  realmUrl.searchParams.set("scope", scope);
  const basic = Buffer.from(`${BASIC_USER}:${client.token}`).toString("base64");
  const response = await client.fetch(realmUrl, { headers: { authorization: `Basic ${basic}`, accept: "application/json" } });
  const text = await response.text();
  if (response.status === 401 || response.status === 403) return { kind: "refused", refusal: refusalOf(response, text), realm };
  if (response.status !== 200) return { kind: "unexpected", reason: `the token service answered HTTP ${response.status}${attemptsNote(response)}`, status: response.status };
  const bearer = tokenFrom(text);
  if (!bearer) return { kind: "unexpected", reason: "the token service answered 200 without a token", status: 200 };
  return { kind: "token", bearer, realm };
}
function realmProblem(realm, credentialOrigins) {
  if (realm.protocol !== "https:" && !(realm.protocol === "http:" && isLoopbackHost(realm.hostname))) {
    return `the registry's token service ${realm.origin} is not HTTPS; crpat will not send your token there`;
  }
  if (!isOnOrigin(realm, credentialOrigins)) {
    return `the registry's token service is on ${realm.origin}, which is neither the API's origin nor the registry's (scheme, host and port); crpat will not send your token there`;
  }
  return null;
}
function tokenFrom(text) {
  try {
    const body = JSON.parse(text);
    const value = body.token ?? body.access_token;
    return typeof value === "string" && value.length > 0 ? value : null;
  } catch {
    return null;
  }
}

// src/registry/upload.ts
var KNOWN_NO_CANCEL = { "ghcr.io": 405 };
var MAX_RATE_WAIT_MS = 5e3;
var DEFAULT_RATE_WAIT_MS = 1e3;
async function probePush(client, repository, login) {
  const first = await openUpload(client, repository, login);
  if (first.kind !== "rate-limited") return first;
  const wait = first.waitMs ?? DEFAULT_RATE_WAIT_MS;
  if (wait > MAX_RATE_WAIT_MS) return first;
  await new Promise((resolve2) => setTimeout(resolve2, Math.ceil(wait)));
  const second = await openUpload(client, repository, login);
  return second.kind === "rate-limited" ? { ...second, waitedMs: Math.ceil(wait) } : second;
}
async function openUpload(client, repository, login) {
  const bearer = login.kind === "token" ? login.bearer : null;
  try {
    const response = await client.fetch(`${client.origin}/v2/${repository}/blobs/uploads/`, {
      method: "POST",
      headers: { ...bearer ? { authorization: `Bearer ${bearer}` } : {}, "content-length": "0" },
      body: ""
    });
    const text = await response.text();
    if (response.status === 429) {
      const parsed2 = refusalOf(response, text);
      const reason = refusalReason(parsed2);
      return { kind: "rate-limited", refusal: parsed2, waitMs: reason.kind === "rate-limited" ? reason.waitMs : null, waitedMs: null };
    }
    if (response.status === 202) {
      const location = response.headers.get("location");
      if (!location) return { kind: "unexpected", reason: "the registry opened an upload but sent no Location" };
      const cancel = await cancelUpload(client, repository, location, login);
      return { kind: "opened", cancel, location: new URL(location, client.origin).pathname };
    }
    const parsed = refusalOf(response, text);
    if (response.status === 401 || response.status === 403 || parsed.errors.some((e) => e.code.startsWith("NAME_"))) {
      return { kind: "refused", refusal: parsed };
    }
    return { kind: "unexpected", reason: `the registry answered the upload with HTTP ${response.status}${describe(parsed)}` };
  } catch (error) {
    return { kind: "network", error: asNetError(error) };
  }
}
async function cancelUpload(client, repository, location, login) {
  const target = new URL(location, client.origin);
  if (originOf(target) !== originOf(client.origin)) {
    return { kind: "not-cancelled", reason: `the upload session lives on ${target.origin}, not on the registry's origin; crpat sends no token there, so it is left to expire` };
  }
  const known = KNOWN_NO_CANCEL[client.host];
  if (known !== void 0) return { kind: "skipped", status: known, because: "known" };
  const memo = client.memo;
  const earlier = memo?.cancels.get(client.host);
  if (earlier) {
    const first = await earlier;
    if (first.kind === "unsupported") return { kind: "skipped", status: first.status, because: "earlier" };
    return sendCancel(client, repository, target, login);
  }
  const outcome = sendCancel(client, repository, target, login);
  memo?.cancels.set(client.host, outcome);
  return outcome;
}
async function sendCancel(client, repository, target, login) {
  try {
    let response = await sendDelete(client, target, login.kind === "token" ? login.bearer : null);
    if (response.status === 401 && login.kind === "token" && /\bdelete\b/.test(response.headers.get("www-authenticate") ?? "")) {
      const again = await requestToken(client, login.realm, `repository:${repository}:delete`);
      if (again.kind === "token") response = await sendDelete(client, target, again.bearer);
    }
    if (response.status >= 200 && response.status < 300) return { kind: "cancelled" };
    if (response.status === 405 || response.status === 404) return { kind: "unsupported", status: response.status };
    return { kind: "not-cancelled", reason: `the registry answered the cancel with HTTP ${response.status}; the session expires on its own` };
  } catch (error) {
    return { kind: "not-cancelled", reason: `${asNetError(error).message}; the session expires on its own` };
  }
}
async function sendDelete(client, target, bearer) {
  const response = await client.fetch(target, {
    method: "DELETE",
    headers: { ...bearer ? { authorization: `Bearer ${bearer}` } : {}, "content-length": "0" }
  });
  await response.arrayBuffer();
  return response;
}
function describe(refusal) {
  const first = refusal.errors[0];
  return first ? ` (${first.code}: ${first.message})` : "";
}

// src/token/checksum.ts
import { crc32 } from "zlib";
var ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
function tokenChecksum(body) {
  let value = crc32(Buffer.from(body, "latin1")) >>> 0;
  let digits = "";
  do {
    digits = ALPHABET[value % 62] + digits;
    value = Math.floor(value / 62);
  } while (value > 0);
  return digits.padStart(6, "0");
}
function hasValidChecksum(rest) {
  if (rest.length !== 36) return false;
  return tokenChecksum(rest.slice(0, 30)) === rest.slice(30);
}

// src/token/recognize.ts
var ACTIONS_APP_ID = 15368;
var PREFIXES = [
  { text: "github_pat_", kind: "fine-grained", label: "fine-grained personal access token" },
  { text: "ghp_", kind: "classic", label: "classic personal access token" },
  { text: "gho_", kind: "oauth", label: "OAuth app token" },
  { text: "ghu_", kind: "user-to-server", label: "GitHub App user-to-server token" },
  { text: "ghs_", kind: "server-to-server", label: "GitHub App installation token" },
  { text: "ghr_", kind: "refresh", label: "GitHub App refresh token" }
];
var TOKEN_PREFIXES = PREFIXES.map((p) => p.text);
var LEGACY = /^[0-9a-f]{40}$/;
var LEGACY_PREFIX = { text: "", kind: "classic", label: "legacy 40-character token" };
var UNKNOWN = { text: "", kind: "unknown", label: "unrecognized token" };
var CHECKSUMMED = /* @__PURE__ */ new Set(["classic", "oauth", "user-to-server", "server-to-server"]);
var problem = (code2, message2) => Object.freeze({ code: code2, message: message2 });
var P = {
  empty: problem("empty", "The token is empty; paste the whole token."),
  control: problem("control", "The token contains a control character (a line break or tab?); paste it again on one line."),
  whitespace: problem("whitespace", "The token contains a space; paste it again without spaces."),
  twoTokens: problem("two-tokens", "Two tokens were pasted together; paste only one."),
  alphabet: problem("alphabet", "The token contains characters GitHub tokens never have; copy it again from GitHub."),
  checksum: problem("checksum", "The token fails its checksum: it was mistyped or cut; copy it again from GitHub."),
  extraText: problem("not-github", "There is extra text before the token; paste only the token (it starts with ghp_, github_pat_, \u2026)."),
  notGitHub: problem("not-github", "This is not a GitHub token: GitHub tokens start with ghp_, github_pat_, gho_, ghu_, ghs_ or ghr_."),
  incomplete: problem("length", "The token does not have the shape of its kind: it was cut or edited; copy it again from GitHub.")
};
function recognizeToken(token2) {
  const text = token2.trim();
  const prefix = PREFIXES.find((p) => text.startsWith(p.text)) ?? null;
  const found = prefix ?? (LEGACY.test(text) ? LEGACY_PREFIX : UNKNOWN);
  const appId = found.kind === "server-to-server" ? /^ghs_(\d{1,12})_/.exec(text)?.[1] : void 0;
  return {
    kind: found.kind,
    label: found.label,
    checksum: checksumOf(text, prefix),
    problem: textProblem(text) ?? (prefix ? shapeProblem(text, prefix) : bareProblem(text)),
    ...appId ? { appId: Number(appId) } : {}
  };
}
function checksumOf(text, prefix) {
  if (prefix === null || !CHECKSUMMED.has(prefix.kind)) return "not-applicable";
  const rest = text.slice(prefix.text.length);
  if (!/^[A-Za-z0-9]{36}$/.test(rest)) return "not-applicable";
  return hasValidChecksum(rest) ? "valid" : "invalid";
}
function textProblem(text) {
  if (text === "") return P.empty;
  if (/\s/.test(text) && text.split(/\s+/).filter(startsLikeToken).length >= 2) return P.twoTokens;
  if (/[\x00-\x1f\x7f-\x9f]/.test(text)) return P.control;
  if (/\s/.test(text)) return P.whitespace;
  const foreign = /[^\x00-\x7f]/u.exec(text);
  if (foreign === null) return null;
  const code2 = (foreign[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0");
  return problem("alphabet", `The token contains the non-ASCII character U+${code2} (a look-alike letter?); copy it again from GitHub.`);
}
function startsLikeToken(part) {
  return LEGACY.test(part) || PREFIXES.some((p) => part.startsWith(p.text));
}
function bareProblem(text) {
  if (LEGACY.test(text)) return null;
  if (/^[0-9a-f]{80}$/.test(text)) return P.twoTokens;
  return PREFIXES.some((p) => text.includes(p.text)) ? P.extraText : P.notGitHub;
}
function shapeProblem(text, prefix) {
  const rest = text.slice(prefix.text.length);
  const found = kindProblem(rest, prefix);
  if (found === null) return holdsTwoTokens(rest) ? P.twoTokens : null;
  if (found.code === "checksum") return found;
  return PREFIXES.some((p) => rest.includes(p.text)) ? P.twoTokens : found;
}
function holdsTwoTokens(rest) {
  const head = /^([A-Za-z0-9]{36})(?:ghp_|gho_|ghu_|ghs_|ghr_|github_pat_)/.exec(rest);
  const tail = /(?:ghp|gho|ghu|ghs)_([A-Za-z0-9]{36})$/.exec(rest);
  if ([head, tail].some((m) => m !== null && hasValidChecksum(m[1]))) return true;
  if (/ghs_\d+_/.test(rest)) return true;
  return /github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}$/.test(rest);
}
function kindProblem(rest, prefix) {
  switch (prefix.kind) {
    case "fine-grained":
      return fineGrainedProblem(rest);
    case "refresh":
      return lengthProblem(rest, /^[A-Za-z0-9]*$/, 36, 251, prefix.label);
    case "server-to-server":
      return serverToServerProblem(rest, prefix.label);
    default:
      return checksummedProblem(rest, prefix.label);
  }
}
function serverToServerProblem(rest, label) {
  if (/^[A-Za-z0-9]{0,36}$/.test(rest)) return checksummedProblem(rest, label);
  if (/^[A-Za-z0-9]+$/.test(rest) && hasValidChecksum(rest.slice(0, 36))) return tooLong(label);
  return installationProblem(rest);
}
function checksummedProblem(rest, label) {
  return lengthProblem(rest, /^[A-Za-z0-9]*$/, 36, 36, label) ?? (hasValidChecksum(rest) ? null : P.checksum);
}
function fineGrainedProblem(rest) {
  const found = lengthProblem(rest, /^[A-Za-z0-9_]*$/, 82, 82, "fine-grained personal access token");
  if (found !== null) return found;
  return /^[A-Za-z0-9]{22}_[A-Za-z0-9]{59}$/.test(rest) ? null : P.incomplete;
}
function installationProblem(rest) {
  if (!/^[A-Za-z0-9._-]*$/.test(rest)) return P.alphabet;
  return rest.length < 36 ? problem("length", "The GitHub App installation token is shorter than it should be: it was cut; copy it again from GitHub.") : null;
}
function lengthProblem(rest, alphabet, min, max, label) {
  if (!alphabet.test(rest)) return P.alphabet;
  if (rest.length < min) {
    return problem("length", `The ${label} is shorter than it should be: it was cut; copy it again from GitHub.`);
  }
  return rest.length > max ? tooLong(label) : null;
}
function tooLong(label) {
  return problem("length", `The ${label} is longer than it should be: extra characters were pasted; copy it again.`);
}
function hasScopes(shape) {
  return shape.kind === "classic" || shape.kind === "oauth";
}

// src/checks/trace-hint.ts
var WRONG_VERDICT_FORM = "https://github.com/crpat/crpat/issues/new?template=wrong-verdict.yml";
function traceHint(words) {
  const how = words.names.trace === null ? "run the same check with the crpat CLI and --trace crpat-trace.json" : `run again with ${words.names.trace}`;
  return `A trace would help: ${how}, and attach the file to a Wrong verdict issue: ${WRONG_VERDICT_FORM} (the file never holds the token).`;
}
function withTraceHint(findings, words) {
  const hint = traceHint(words);
  if (findings.some((f) => f.details.includes(hint))) return findings;
  const first = findings.findIndex((f) => f.status === "error");
  if (first < 0) return findings;
  return findings.map((f, i) => i === first ? { ...f, details: beforeGuide(f.details, hint) } : f);
}
function beforeGuide(details, hint) {
  const guide = details.findIndex((d) => d.startsWith("Guide: "));
  return guide < 0 ? [...details, hint] : [...details.slice(0, guide), hint, ...details.slice(guide)];
}

// src/checks/registry-push.ts
var GITHUB_STATUS = "https://www.githubstatus.com";
var GHCR_RETRY = `See ${GITHUB_STATUS} (Packages) and try again in a few minutes.`;
var NAMES_NO_PERMISSION = "a reason that names no permission: this is ghcr failing, not a verdict on the token, its scopes or its access";
function judgeRegistryPush(inputs) {
  const id = "registry.push";
  const { image } = inputs;
  const push = inputs.push.outcome;
  const refused2 = inputs.push.refusal;
  const ref = image.loweredFrom ? `${image.reference} (lower-cased from ${image.loweredFrom}: registry names must be lower case)` : image.reference;
  if (!push) return finding(id, "skip", "Skipped: the registry login did not succeed (registry.login).");
  switch (push.kind) {
    case "opened":
      return finding(id, "pass", `The registry opened an upload for ${ref}: a push would be accepted. Nothing was pushed.`, null, [cancelNote(push.cancel)]);
    case "refused": {
      const quoted = refused2?.quoted ?? "";
      const reason = refused2?.reason ?? { kind: "unexplained" };
      const undecided = unexplained(reason, inputs);
      if (undecided) return finding(id, "error", `The registry refused an upload to ${ref} (${quoted}), ${undecided.summary}`, undecided.fix, [traceHint(inputs.words ?? OPTION_WORDS)]);
      const advice = adviceFor(reason, quoted, inputs);
      return finding(id, "fail", `The registry refused an upload to ${ref} (${quoted}): ${advice.why}.`, advice.fix, [guideLine(advice.guide)]);
    }
    case "rate-limited":
      return finding(id, "error", rateLimitedSummary(push, refused2?.quoted ?? "", ref), `Try again in a minute; if it persists, see ${GITHUB_STATUS}.`);
    case "unexpected":
      return finding(
        id,
        "error",
        `Could not probe the push to ${ref}: ${push.reason}. Try again in a few minutes (crpat does not repeat the probe by itself: it opens an upload).`
      );
    case "network":
      return finding(id, "error", `Could not probe the push to ${ref}: ${netSentence(push.error, "registry", inputs.words ?? OPTION_WORDS)}`);
  }
}
function unexplained(reason, inputs) {
  if (reason.kind === "unexplained") return { summary: `${NAMES_NO_PERMISSION}.`, fix: GHCR_RETRY };
  if (reason.kind === "denied" && !inputs.ssoBlocked && !inputs.ipBlocked && !inputs.managedUserRefused) {
    return {
      summary: `a bare "denied" that names no reason after its token service accepted the credentials: single sign-on and an IP allow list were not seen (org.sso, org.policy), so this is most likely ghcr failing.`,
      fix: GHCR_RETRY
    };
  }
  return null;
}
function rateLimitedSummary(push, quoted, ref) {
  const asked = push.waitMs === null ? "no wait" : `a wait of ${formatMs(push.waitMs)}`;
  const waited = push.waitedMs === null ? `it asked for ${asked}, longer than crpat waits (${formatMs(MAX_RATE_WAIT_MS)}), so it did not try again` : `crpat waited ${formatMs(push.waitedMs)} as it asked and tried once more, and was limited again`;
  return `The registry rate-limited the upload to ${ref} (${quoted}): ${waited}. A rate-limited upload opens nothing and says nothing about the token.`;
}
function formatMs(ms) {
  return ms < 1e3 ? `${Math.ceil(ms)} ms` : `${Math.round(ms / 100) / 10} s`;
}
function cancelNote(cancel) {
  switch (cancel.kind) {
    case "cancelled":
      return "The probe cancelled its empty upload session; nothing is left behind.";
    case "unsupported":
      return `The registry does not support cancelling an upload (HTTP ${cancel.status}); the empty session expires on its own and creates no package.`;
    case "not-cancelled":
      return `The empty upload session was not cancelled: ${cancel.reason}.`;
    case "skipped":
      return cancel.because === "known" ? `The registry does not support cancelling an upload (it answers HTTP ${cancel.status}), so the probe did not ask; the empty session expires on its own and creates no package.` : `The registry answered an earlier cancel in this run with HTTP ${cancel.status}, so the probe did not ask again; the empty session expires on its own and creates no package.`;
  }
}
function adviceFor(reason, quoted, inputs) {
  const { target, image, links } = inputs;
  const webUrl = links.target.webUrl;
  const create = classicTokenLink(links.target, links.profile);
  const authorize = ssoReauthorizeNote(webUrl, target.owner, inputs.sso ?? "no");
  const packageUrl = packagePage(inputs);
  const app = installationKind(inputs.shape);
  if (app === "other-app" && isInstallationRefusal(reason)) {
    return {
      why: `this is a GitHub App installation token of app ${inputs.shape?.appId}, not the Actions GITHUB_TOKEN (app ${ACTIONS_APP_ID}): GitHub Packages accepts no other app's token, whatever the package grants`,
      fix: `In a workflow, use GITHUB_TOKEN with \`permissions: packages: write\`; elsewhere a classic token with write:packages: ${create}`,
      guide: "github-token"
    };
  }
  if (inputs.managedUserRefused && ["write-package", "create-package", "denied"].includes(reason.kind)) return managedUserAdvice(inputs, create);
  switch (reason.kind) {
    case "scopes":
      return scopesAdvice(inputs.shape?.kind, create, authorize, newTokenSsoNote(webUrl, target.owner, inputs.sso ?? "no"));
    case "lifetime": {
      const who = reason.name && reason.by ? `the ${reason.by} ${reason.name}` : target.owner;
      const kind = reason.classic ? "classic tokens" : "fine-grained tokens";
      return {
        why: `${who} accepts ${kind} only when their lifetime is at most ${reason.days} days, and this token's is longer (see org.policy); it does not ban ${kind}`,
        fix: reason.classic ? `Create a classic token with write:packages that expires within ${reason.days} days (choose the expiration on the page): ${create}${authorize && `.${authorize}`}` : `See org.policy; the limit is set at ${orgTokenPolicyLink(webUrl, target.owner)}`,
        guide: "org-policy"
      };
    }
    case "classic-ban":
      return {
        why: `${target.owner} refuses personal access tokens (classic)`,
        fix: `An owner of ${target.owner} can allow classic tokens in the organization's token policy: ${orgTokenPolicyLink(webUrl, target.owner)}`,
        guide: "org-policy"
      };
    case "installation-not-allowed":
      return {
        why: `this GITHUB_TOKEN may not ${reason.action === "Create" ? "create" : "write"} packages: the job lacks \`permissions: packages: write\`, or it runs for a pull request from a fork, whose token is always read-only${app === "unknown-app" ? " (a GitHub App other than Actions cannot push at all)" : ""}`,
        fix: "Add `permissions: packages: write` to the job (or the workflow); for a pull request from a fork, push from a workflow that runs on the base repository instead.",
        guide: "github-token"
      };
    case "installation-missing": {
      const workflowOwner = inputs.workflowRepository?.split("/")[0] ?? null;
      const registry = image.reference.slice(0, image.reference.length - image.path.length);
      const whose = workflowOwner ? `; this token is ${inputs.workflowRepository}'s, so it may push under ${registry}${workflowOwner.toLowerCase()}/ only` : "";
      return {
        why: `a GITHUB_TOKEN can push only under its own repository owner's namespace, and this probe was for ${target.owner}'s namespace (${image.reference})${whose}`,
        fix: `Push under the namespace of the repository whose workflow runs (after a repository moved, its new owner's), or use a classic token with write:packages whose user may write in ${target.owner}'s namespace: ${create}`,
        guide: "github-token"
      };
    }
    case "write-package":
      if (app !== null) {
        return {
          why: `the package ${image.path} exists and does not grant this workflow's repository the Write role under "Manage Actions access" (a Read grant is not enough)`,
          fix: `A package admin adds the repository with the Write role under "Manage Actions access": ${packageUrl}`,
          guide: "package-access"
        };
      }
      return {
        why: `the package ${image.path} exists and the token's user has no write role on it`,
        fix: `A package admin grants Write under "Manage access" (people) or "Manage Actions access" (repositories): ${packageUrl}`,
        guide: "package-access"
      };
    case "create-package":
      return createPackageAdvice(inputs);
    case "unauthenticated":
      return { why: "the registry could not tie the token to a user", fix: `Create a new classic token with write:packages: ${create}${authorize && `.${authorize}`}`, guide: "create-token" };
    case "denied":
      if (inputs.ipBlocked) {
        return {
          why: `${target.owner}'s IP allow list does not include this machine's address (see org.policy)`,
          fix: "Run from an address the allow list includes (a self-hosted runner or a listed egress IP), or ask an owner of the organization to add this machine's address.",
          guide: "org-policy"
        };
      }
      return {
        why: `${target.owner} enforces SAML single sign-on and the token is not authorized for it (see org.sso)`,
        fix: "Authorize the token for single sign-on: org.sso gives the link.",
        guide: "sso"
      };
    case "insufficient-scope":
      return {
        why: `the registry's token service did not grant push on ${image.path}`,
        fix: `Check that the token's user may write the package (${packageUrl}).`,
        guide: "package-access"
      };
    case "rate-limited":
    case "unexplained":
      return { why: `the registry gave no reason (${quoted})`, fix: `See ${GITHUB_STATUS} and try again.`, guide: "validate" };
  }
}
function managedUserAdvice(inputs, create) {
  const who = inputs.login ?? "the token's user";
  return {
    why: `${who} is an Enterprise Managed User, and GitHub refuses it outside its enterprise (see repo.access): managed users have read-only access beyond their enterprise, so no grant on the package can let ${who} push`,
    fix: `Push under an organization of the enterprise, or use a classic token with write:packages of an account outside the enterprise that may write the package: ${create}`,
    guide: "package-access"
  };
}
function createPackageAdvice(inputs) {
  const { target, links } = inputs;
  const login = inputs.login ?? null;
  const own = login !== null && login.toLowerCase() === target.owner.toLowerCase();
  if (own && isManagedLogin(login)) {
    return {
      why: `${login} is an Enterprise Managed User, and managed users cannot publish packages in their own namespace, only in an organization's`,
      fix: `Push under an organization of the enterprise where ${login} may create packages (ghcr.io/<organization>/\u2026).`,
      guide: "package-access"
    };
  }
  const orgHint = inputs.ownerIsOrg ? `, or an owner of ${target.owner} lets members create packages under "Package creation": ${orgPackageCreationLink(links.target.webUrl, target.owner)}` : ".";
  return {
    why: `the token's user may not create a package in ${target.owner}'s namespace`,
    fix: `Push to a namespace the user owns or belongs to${orgHint}`,
    guide: "package-access"
  };
}
function isManagedLogin(login) {
  return login.includes("_") && !login.endsWith("[bot]");
}
function isInstallationRefusal(reason) {
  return ["installation-not-allowed", "installation-missing", "write-package", "create-package"].includes(reason.kind);
}
function scopesAdvice(kind, link, edited, created) {
  switch (kind) {
    case "oauth":
      return {
        why: "the token lacks write:packages: an OAuth token has only the scopes its app asked for",
        fix: `Use a classic token with write:packages as CR_PAT (an OAuth token's scopes cannot be edited): ${link}${created && `.${created}`}`,
        guide: "create-token"
      };
    case "classic":
      return { why: "the token lacks write:packages", fix: `Add write:packages to the token, or create one with it: ${link}${edited && `.${edited}`}`, guide: "create-token" };
    case "fine-grained":
      return {
        why: "this is a fine-grained token, which GitHub Packages does not accept",
        fix: `Use a classic token with write:packages instead: ${link}${created && `.${created}`}`,
        guide: "not-fine-grained"
      };
    default:
      return {
        why: "the token lacks write:packages, or is a fine-grained token, which GitHub Packages does not accept",
        fix: `Use a classic token with write:packages; a fine-grained token cannot push packages: ${link}${edited && `.${edited}`}`,
        guide: "create-token"
      };
  }
}
function newTokenSsoNote(webUrl, owner, exposure) {
  const where = `(Configure SSO next to the token at ${classicTokensListLink(webUrl)})`;
  if (exposure === "enforced") return ` Then authorize the new token for ${owner}'s single sign-on ${where}.`;
  if (exposure === "maybe") return ` If ${owner} uses SAML single sign-on, authorize the new token for it ${where}.`;
  return "";
}
function installationKind(shape) {
  if (shape?.kind !== "server-to-server") return null;
  if (shape.appId === void 0 || shape.appId === null) return "unknown-app";
  return shape.appId === ACTIONS_APP_ID ? "actions" : "other-app";
}
function packagePage(inputs) {
  const target = inputs.links.target;
  if (inputs.ownerIsOrg !== null) return packageSettingsLink(target, inputs.ownerIsOrg);
  return `${packageSettingsLink(target, true)} (an organization's package) or ${packageSettingsLink(target, false)} (a user's)`;
}
var registryPush = {
  id: "registry.push",
  title: "Registry accepts a push",
  run: async (evidence) => {
    const [push, repo, user] = await Promise.all([evidence.push, evidence.repo, evidence.user]);
    const blocks = apiBlocks(repo, user);
    return judgeRegistryPush({
      push,
      image: evidence.image,
      target: evidence.target,
      ownerIsOrg: ownerIsOrgOf(repo, user, evidence.target),
      ssoBlocked: blocks.sso,
      ipBlocked: blocks.ipAllowList,
      managedUserRefused: blocks.managedUser,
      shape: evidence.shape,
      login: user.login,
      workflowRepository: evidence.workflowRepository,
      sso: ssoExposureOf(repo, user, evidence.target),
      links: linksOf(evidence),
      words: evidence.words
    });
  }
};

// src/checks/registry-login.ts
function judgeRegistryLogin(record, shape, registryHost, links, context, words = OPTION_WORDS) {
  const id = "registry.login";
  const registry = words.names.registry;
  const login = record.outcome;
  switch (login.kind) {
    case "token":
      return finding(id, "pass", `${registryHost} accepts the credentials and issued a registry token.`);
    case "anonymous":
      return finding(id, "pass", `${registryHost} asks for no credentials.`);
    case "refused": {
      const quoted = record.refusal?.quoted ?? "";
      if (record.refusal && !record.refusal.permission) {
        return finding(
          id,
          "error",
          `${registryHost}'s token service refused the credentials (${quoted}) for ${NAMES_NO_PERMISSION}.`,
          GHCR_RETRY
        );
      }
      if (shape.kind !== "fine-grained" && context && userAccepted(context.user) && record.refusal?.reason.kind === "denied") {
        return acceptedButDenied(registryHost, quoted, context, links);
      }
      if (shape.kind !== "fine-grained" && context && isUndecided(context.user.meaning) && record.refusal?.reason.kind === "denied") {
        return finding(
          id,
          "error",
          `${registryHost}'s token service refused the credentials (${quoted}), and GitHub's API did not say whether it accepts the token (token.valid): the token service answers so for an invalid, expired or revoked token, and at times for a good one (single sign-on, an IP allow list, an outage).`,
          `Run the check again in a few minutes (see ${GITHUB_STATUS}); once GitHub answers, token.valid tells the two apart.`
        );
      }
      const why = shape.kind === "fine-grained" ? "GitHub Packages does not accept fine-grained tokens" : "the token is invalid, expired or revoked, or of a kind the registry does not accept";
      return finding(
        id,
        "fail",
        `${registryHost} refused the credentials (${quoted}): ${why}.`,
        `Create a classic token with write:packages: ${classicTokenLink(links.target, links.profile)}`,
        [guideLine(shape.kind === "fine-grained" ? "not-fine-grained" : "create-token")]
      );
    }
    case "realm-refused":
      return finding(
        id,
        "error",
        `Did not log in to ${registryHost}: ${login.reason}. Check ${registry}: a registry whose token service is on another origin (host, port or scheme) is not supported.`
      );
    case "unexpected":
      return finding(id, "error", `Could not log in to ${registryHost}: ${login.reason}. Try again in a few minutes; if it keeps happening, check ${registry}.`);
    case "network":
      return finding(id, "error", `Could not reach ${registryHost}'s token service: ${netSentence(login.error, "registry", words)}`);
  }
}
function acceptedButDenied(registryHost, quoted, context, links) {
  const id = "registry.login";
  const owner = links.target.owner;
  const { meaning } = context.repo;
  const readable = context.repo.kind === "visible";
  const head = `${registryHost}'s token service refused credentials that GitHub's API accepts (${quoted}; GET /user passed), so the token is not invalid, expired or revoked`;
  if (meaning.kind === "sso") {
    return finding(id, "fail", `${head}: ${owner}'s SAML single sign-on refuses it (see org.sso).`, "Authorize the token for single sign-on: org.sso gives the link.", [guideLine("sso")]);
  }
  if (meaning.kind === "ip-allow-list") {
    return finding(
      id,
      "fail",
      `${head}: ${owner}'s IP allow list does not include this machine's address (see org.policy).`,
      "Run from an address the allow list includes (a self-hosted runner or a listed egress IP), or ask an owner of the organization to add this machine's address.",
      [guideLine("org-policy")]
    );
  }
  const ruledOut = readable ? `single sign-on and an IP allow list are ruled out (GitHub showed ${owner}/${links.target.name} to this token without either refusal)` : `single sign-on and an IP allow list could not be ruled out (the repository was not readable; see org.sso and org.policy)`;
  return finding(
    id,
    "error",
    `${head}. What causes this: ${owner}'s single sign-on, an IP allow list, or a ghcr outage; ${ruledOut}. It has been seen to pass again later.`,
    GHCR_RETRY
  );
}
var registryLogin2 = {
  id: "registry.login",
  title: "Registry login",
  run: async (evidence) => {
    const [login, user, repo] = await Promise.all([evidence.login, evidence.user, evidence.repo]);
    return judgeRegistryLogin(login, evidence.shape, evidence.registryHost, linksOf(evidence), { user, repo }, evidence.words);
  }
};

// src/checks/repo-access.ts
function judgeRepoAccess(repo, user, shape, target, webUrl, words = OPTION_WORDS) {
  const id = "repo.access";
  const full = `${target.owner}/${target.name}`;
  const { meaning } = repo;
  if (repo.kind === "visible") {
    if (repo.fullName && repo.fullName.toLowerCase() !== full.toLowerCase()) {
      return finding(id, "warn", `${full} was renamed or moved to ${repo.fullName}; GitHub redirects for now.`, `Use ${repo.fullName} in your workflow and image name.`);
    }
    return finding(id, "pass", `The token can see ${repo.fullName || full} (${repo.visibility}).`, null, retryDetails(repo.answer));
  }
  switch (meaning.kind) {
    case "bad-credentials":
      return finding(id, "skip", "Skipped: GitHub did not accept the token (token.valid).");
    case "sso":
      return finding(id, "skip", `Skipped: ${full} is hidden behind ${target.owner}'s SAML single sign-on (org.sso).`);
    case "classic-forbidden":
    case "lifetime-policy":
      return finding(id, "skip", `Skipped: ${target.owner}'s token policy blocks this token (org.policy).`);
    case "ip-allow-list":
      return finding(id, "skip", `Skipped: ${target.owner}'s IP allow list blocks this machine's address (org.policy).`);
    case "managed-user":
      return finding(
        id,
        "fail",
        `GitHub refused to show ${full} to an Enterprise Managed User ("${meaning.message}"): managed users can reach only their enterprise's repositories. The token itself is good.`,
        `Use ${full} from inside the enterprise, or a token of a user account that has access to it: ${repoAccessLink(webUrl, target.owner, target.name)}`,
        [guideLine("repository-access")]
      );
    case "not-found":
      return notFound(user, shape, target, webUrl);
    default:
      if (isUndecided(meaning)) return finding(id, "error", undecidedSummary(meaning, `read ${full}`, words));
      return finding(id, "fail", `GitHub refused to show ${full}: ${messageText(meaning)}.`, `Ask an admin of ${full} for access: ${repoAccessLink(webUrl, target.owner, target.name)}`, [
        guideLine("repository-access")
      ]);
  }
}
function notFound(user, shape, target, webUrl) {
  const full = `${target.owner}/${target.name}`;
  const { scopes } = user;
  if (hasScopes(shape) && scopes !== null && !expandScopes(scopes).has("repo")) {
    return finding(
      "repo.access",
      "warn",
      `${full} is not visible: a classic token without the repo scope cannot see a private repository. Pushing images does not need repo, so registry.push decides.`
    );
  }
  if (shape.kind === "fine-grained") {
    return finding(
      "repo.access",
      "fail",
      `${full} was not found: it does not exist, or it is private and not shared with this fine-grained token (wrong resource owner, not in its repository list, or awaiting ${target.owner}'s approval).`,
      `Check the token's resource owner and repositories at ${fineGrainedTokensListLink(webUrl)}.`,
      [guideLine("not-fine-grained")]
    );
  }
  return finding(
    "repo.access",
    "fail",
    `${full} was not found: it does not exist, or it is private and the token's user has no access to it.`,
    `Check the spelling; otherwise ask an admin of ${full} to add the user under Collaborators and teams: ${repoAccessLink(webUrl, target.owner, target.name)}`,
    [guideLine("repository-access")]
  );
}
var repoAccess = {
  id: "repo.access",
  title: "Repository visible to the token",
  run: async (evidence) => {
    const [repo, user] = await Promise.all([evidence.repo, evidence.user]);
    return judgeRepoAccess(repo, user, evidence.shape, evidence.target, evidence.webUrl, evidence.words);
  }
};

// src/checks/repo-push.ts
var PACKAGE_RIGHTS = /* @__PURE__ */ new Set(["write-package", "create-package", "insufficient-scope"]);
function judgeRepoPush(repo, user, target, webUrl, push = null, kind = "classic") {
  const id = "repo.push";
  if (repo.kind !== "visible") return finding(id, "skip", "Skipped: the repository is not visible (repo.access).");
  if (kind === "server-to-server") {
    return finding(id, "skip", "Skipped: an installation token has no user role; its package rights come from the job's `permissions` and the package's \"Manage Actions access\" (registry.push).");
  }
  const who = user.login ?? "The token's user";
  const { role, fullName } = repo;
  if (role === null) return finding(id, "warn", "GitHub did not say what the token's user may do in the repository.");
  if (atLeast(role, "write")) return finding(id, "pass", `${who} has ${role} access to ${fullName}.`);
  const grant = `Ask an admin of ${fullName} to give ${who} the Write role: ${repoAccessLink(webUrl, target.owner, target.name)}`;
  if (push?.upload.kind === "opened") {
    return finding(
      id,
      "warn",
      `${who} has only ${role} access to ${fullName}, yet the registry opened the upload: the package grants ${who} Write directly (package rights are not the repository role).`
    );
  }
  const reason = push?.outcome?.kind === "refused" ? push.refusal?.reason.kind ?? null : null;
  if (reason === null || !PACKAGE_RIGHTS.has(reason)) {
    return finding(
      id,
      "warn",
      `${who} has only ${role} access to ${fullName}. That matters only for a package that inherits the repository's access; a package can grant Write directly, and registry.push ${push?.outcome ? "names the registry's own reason" : "did not run"}.`,
      grant
    );
  }
  return finding(
    id,
    "fail",
    `${who} has only ${role} access to ${fullName}, and the registry refused the package's rights; a package that inherits the repository's access needs the Write role.`,
    `${grant}, or a package admin grants ${who} Write on the package itself.`,
    [guideLine("repository-access")]
  );
}
var repoPush = {
  id: "repo.push",
  title: "User can write to the repository",
  run: async (evidence) => {
    const [repo, user, push] = await Promise.all([evidence.repo, evidence.user, evidence.push]);
    return judgeRepoPush(repo, user, evidence.target, evidence.webUrl, push, evidence.shape.kind);
  }
};

// src/checks/token-expiry.ts
var DAY_MS = 864e5;
var DEFAULT_EXPIRY_WARN_DAYS = 7;
function judgeTokenExpiry(user, now, links, kind = "classic", warnDays = DEFAULT_EXPIRY_WARN_DAYS, sso = "no") {
  const id = "token.expiry";
  if (user.answer.kind !== "response" || !userAccepted(user)) {
    const why = isUndecided(user.meaning) ? "token.valid could not be completed" : "GitHub did not accept the token (token.valid)";
    return finding(id, "skip", `Skipped: ${why}, so its expiry is not known.`);
  }
  const parsed = user.expiration;
  if (parsed === null) {
    if (kind === "server-to-server" || kind === "user-to-server") {
      return finding(id, "pass", "GitHub sent no expiry for this app token; such tokens expire within hours (installation tokens: one hour).");
    }
    return finding(id, "pass", "The token does not expire.", null, ["No expiry is set; GitHub revokes tokens unused for a year."]);
  }
  if (!parsed.ok) return finding(id, "warn", `GitHub sent an expiry crpat cannot read: ${parsed.reason}`);
  const expiresAt = parsed.value;
  const days = (expiresAt.getTime() - now.getTime()) / DAY_MS;
  const when = `${expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  if (days <= 0) return finding(id, "fail", `The token expired on ${when}.`, renewal(user, links, kind, "", sso), [guideLine("renew-token")]);
  if (days <= warnDays) {
    const left = days < 1 ? "less than a day" : `${Math.floor(days)} day${Math.floor(days) === 1 ? "" : "s"}`;
    return finding(id, "warn", `The token expires in ${left} (${when}).`, renewal(user, links, kind, " before then", sso));
  }
  return finding(id, "pass", `The token expires on ${when} (in ${Math.floor(days)} days).`);
}
function renewal(user, links, kind, when, sso) {
  const webUrl = links.target.webUrl;
  if (kind === "fine-grained") return `Regenerate it${when} at ${fineGrainedTokensListLink(webUrl)} and update the CR_PAT secret.`;
  if (kind !== "classic" && kind !== "oauth") return `Regenerate it${when} at ${classicTokensListLink(webUrl)} and update the CR_PAT secret.${ssoReauthorizeNote(webUrl, links.target.owner, sso)}`;
  const had = user.scopes ?? [];
  return `Renew it${when} with the same scopes in one click: ${renewalLink(links.target, links.profile, had)} (or Regenerate it at ${classicTokensListLink(webUrl)}), then update the CR_PAT secret.${ssoReauthorizeNote(webUrl, links.target.owner, sso)}`;
}
function expiresAtOf(user) {
  return user.expiration?.ok ? user.expiration.value.toISOString() : null;
}
var tokenExpiry = {
  id: "token.expiry",
  title: "Token expiry",
  run: async (evidence) => {
    const [user, repo] = await Promise.all([evidence.user, evidence.repo]);
    return judgeTokenExpiry(user, evidence.now, linksOf(evidence), evidence.shape.kind, evidence.expiryWarnDays, ssoExposureOf(repo, user, evidence.target));
  }
};

// src/a-or-an.ts
function aOrAn(noun) {
  return `${/^[aeiou]/i.test(noun) ? "an" : "a"} ${noun}`;
}

// src/checks/token-format.ts
function judgeTokenFormat(shape, links) {
  const id = "token.format";
  const create = classicTokenLink(links.target, links.profile);
  if (shape.problem?.code === "checksum") {
    return finding(
      id,
      "fail",
      `The ${shape.label}'s checksum does not match: it was mistyped or cut short (GitHub would answer only "Bad credentials").`,
      `Copy the whole token again from where you saved it; if it is lost, create a new one: ${create}`,
      [guideLine("create-token")]
    );
  }
  if (shape.problem) {
    return finding(
      id,
      "fail",
      // The recogniser's message is a whole sentence that says what is wrong (issue 14: it was repeated inside a prefix).
      shape.problem.message,
      `Paste the token exactly as GitHub showed it (it starts with ghp_ for a classic token). To make one: ${create}`,
      [guideLine("create-token")]
    );
  }
  if (shape.kind === "refresh") {
    return finding(id, "warn", `This is a ${shape.label}: it only obtains new access tokens and cannot log in to a registry.`, `Use a classic personal access token instead: ${create}`);
  }
  const checksum = shape.checksum === "valid" ? ", checksum matches" : "";
  return finding(id, "pass", `Recognised ${aOrAn(shape.label)}${checksum}.`);
}
var tokenFormat = {
  id: "token.format",
  title: "Token format",
  run: async (evidence) => judgeTokenFormat(evidence.shape, linksOf(evidence))
};

// src/capabilities/overreach.ts
var RISKS = /* @__PURE__ */ new Map([
  ["site_admin", "access to the GitHub Enterprise Server administration API"],
  ["admin:enterprise", "full control of enterprise functionality, runners and billing"],
  ["manage_runners:enterprise", "full control over the enterprise's self-hosted runners"],
  ["manage_billing:enterprise", "read and write the enterprise's billing data"],
  ["admin:org", "fully manage the organization, its teams, projects and memberships"],
  ["write:org", "change organization membership and organization projects"],
  ["manage_runners:org", "manage the organization's self-hosted runners"],
  ["admin:org_hook", "create, change, ping and delete the organization's webhooks"],
  ["delete_repo", "delete any repository you administer"],
  ["repo", "full access to every repository you can reach, private ones included: code, webhooks, collaborators, invitations"],
  ["workflow", "add and change GitHub Actions workflow files, which run with the repository's secrets"],
  ["admin:repo_hook", "create, change, ping and delete repository webhooks"],
  ["write:repo_hook", "create and change repository webhooks, which can send repository events to any address"],
  ["admin:public_key", "add and delete SSH keys on your account: lasting access to every repository you can reach"],
  ["write:public_key", "add SSH keys to your account: lasting access to every repository you can reach"],
  ["admin:gpg_key", "add and delete GPG keys: commits signed in your name would show as Verified"],
  ["write:gpg_key", "add GPG keys: commits signed in your name would show as Verified"],
  ["admin:ssh_signing_key", "add and delete SSH signing keys: commits signed in your name would show as Verified"],
  ["write:ssh_signing_key", "add SSH signing keys: commits signed in your name would show as Verified"],
  ["delete:packages", "delete packages and package versions"],
  ["codespace", "create and manage codespaces, which run code with your access"]
]);
function overreach(scopes, profile) {
  const needed = expandScopes(profile.classicScopes);
  const risky = [...new Set(scopes)].filter((scope) => RISKS.has(scope) && !needed.has(scope));
  const impliedByOther = (scope) => risky.some((other) => other !== scope && expandScopes([other]).has(scope));
  return risky.filter((scope) => !impliedByOther(scope)).map((scope) => ({ scope, risk: RISKS.get(scope) ?? "" }));
}

// src/checks/token-scopes.ts
var NEEDED = "write:packages";
var OAUTH_NOTE = "An OAuth token's scopes are those the app that obtained it asked for; they cannot be edited.";
function judgeTokenScopes(user, shape, links, push = null, sso = "no") {
  const id = "token.scopes";
  const authorize = ssoReauthorizeNote(links.target.webUrl, links.target.owner, sso);
  const create = classicTokenLink(links.target, links.profile);
  if (shape.kind === "fine-grained") {
    const accepted = push?.upload.kind === "opened";
    return finding(
      id,
      accepted ? "warn" : "fail",
      `Fine-grained tokens have no scopes and no Packages permission: GitHub documents that GitHub Packages supports only classic personal access tokens${accepted ? ", although this registry accepted the upload" : ""}.`,
      `Use a classic token with write:packages: ${create}`,
      accepted ? [] : [guideLine("not-fine-grained")]
    );
  }
  if (shape.kind === "server-to-server") {
    return finding(
      id,
      "warn",
      "GitHub App installation tokens (such as GITHUB_TOKEN) have no scopes and expire within an hour; they push only to packages their repository may write.",
      `As a stored CR_PAT, use a classic token with write:packages: ${create}`
    );
  }
  if (shape.kind !== "classic" && shape.kind !== "oauth") {
    return finding(id, "skip", `Skipped: a ${shape.label} has no OAuth scopes to read.`);
  }
  const { meaning, scopes } = user;
  if (user.answer.kind !== "response" || meaning.kind !== "ok") {
    const why = isUndecided(meaning) ? "token.valid could not be completed" : "GitHub did not accept the token (token.valid)";
    return finding(id, "skip", `Skipped: ${why}, so its scopes are not known.`);
  }
  if (scopes === null) {
    return finding(id, "warn", "GitHub sent no X-OAuth-Scopes header, so the scopes cannot be read; registry.push decides.");
  }
  const shown = scopes.length > 0 ? scopes.join(", ") : "none";
  if (!expandScopes(scopes).has(NEEDED)) {
    return finding(
      id,
      "fail",
      `The token lacks ${NEEDED}, the one scope a push to the container registry needs (scopes: ${shown}).`,
      shape.kind === "oauth" ? `${OAUTH_NOTE} As CR_PAT, create a classic token with exactly the scopes ${links.profile.id} needs: ${create}` : `Edit the token at ${classicTokensListLink(links.target.webUrl)} and tick ${NEEDED}, or create one with exactly the scopes ${links.profile.id} needs: ${create}${authorize && `.${authorize}`}`,
      [guideLine("create-token")]
    );
  }
  const all = overreach(scopes, links.profile);
  const extra = all.filter((o) => o.scope !== "repo" || all.length > 1);
  if (extra.length === 0) {
    const note = all.map((o) => `${o.scope} is not needed to push images (${o.risk}); a token without it leaks less: ${create}`);
    return finding(id, "pass", `The token has ${NEEDED} (scopes: ${shown}).`, null, note);
  }
  const names2 = extra.map((o) => o.scope).join(", ");
  return finding(
    id,
    "warn",
    `The token has ${NEEDED}, and also ${names2}, which ${links.profile.id === "push" ? "pushing images does" : `the ${links.profile.id} profile does`} not need and which would hurt if the token leaked (scopes: ${shown}).`,
    shape.kind === "oauth" ? `${OAUTH_NOTE} As CR_PAT, create a classic token with exactly the scopes ${links.profile.id} needs: ${create}` : `Untick ${names2} at ${classicTokensListLink(links.target.webUrl)} (the token stays the same), or create one with exactly the scopes ${links.profile.id} needs: ${create}${authorize && `.${authorize}`}`,
    extra.map((o) => `${o.scope}: ${o.risk}.`)
  );
}
var tokenScopes = {
  id: "token.scopes",
  title: "Token scopes",
  run: async (evidence) => {
    const [user, push, repo] = await Promise.all([evidence.user, evidence.shape.kind === "fine-grained" ? evidence.push : null, evidence.repo]);
    return judgeTokenScopes(user, evidence.shape, linksOf(evidence), push, ssoExposureOf(repo, user, evidence.target));
  }
};

// src/checks/token-valid.ts
function judgeTokenValid(user, shape, links, words = OPTION_WORDS) {
  const id = "token.valid";
  const { meaning } = user;
  if (meaning.kind === "ok") {
    return finding(id, "pass", `GitHub accepts the token; it belongs to ${user.login ?? "an unknown user"}.`, null, retryDetails(user.answer));
  }
  if (meaning.kind === "bad-credentials") {
    const why = shape.checksum === "valid" ? "its checksum is right, so it is not a typo: it has expired, or was revoked or deleted" : "it has expired, was revoked or deleted, or was mistyped";
    return finding(id, "fail", `GitHub refused the token (401 ${meaning.message}): ${why}.`, `Create a new classic token: ${classicTokenLink(links.target, links.profile)}`, [
      guideLine("renew-token")
    ]);
  }
  if (meaning.kind === "integration") {
    return finding(
      id,
      "warn",
      'GitHub accepts the token, but it is a GitHub App installation token (like GITHUB_TOKEN): it has no user, so GET /user is refused ("Resource not accessible by integration").',
      "As CR_PAT, use a classic personal access token; inside a workflow, GITHUB_TOKEN with `permissions: packages: write` can replace it."
    );
  }
  if (isUndecided(meaning)) return finding(id, "error", undecidedSummary(meaning, "ask GitHub whether it accepts the token", words));
  return finding(id, "error", `GitHub did not say whether it accepts the token: ${meaning.message}.`);
}
var tokenValid = {
  id: "token.valid",
  title: "GitHub accepts the token",
  run: async (evidence) => judgeTokenValid(await evidence.user, evidence.shape, linksOf(evidence), evidence.words)
};

// src/capabilities/profiles.ts
var PACKAGES = {
  name: "packages:write",
  needed: true,
  label: "Packages (read and write)",
  // ledger github-api §5, §9.1: the fine-grained permission list has no packages permission.
  fineGrained: null
};
var PROFILES = {
  push: {
    id: "push",
    summary: "push container images to the target image on the registry",
    capabilities: [PACKAGES],
    classicScopes: ["write:packages"]
  },
  deploy: {
    id: "deploy",
    summary: "the tutorial's deployment permissions on the target repository, and image pushes",
    capabilities: [
      { name: "contents:write", needed: true, label: "Contents (read and write)", fineGrained: { permission: "contents", level: "write" } },
      { name: "metadata:read", needed: true, label: "Metadata (read)", fineGrained: { permission: "metadata", level: "read" } },
      { name: "actions:write", needed: true, label: "Actions (read and write)", fineGrained: { permission: "actions", level: "write" } },
      {
        name: "deployments:write",
        needed: true,
        label: "Deployments (read and write)",
        fineGrained: { permission: "deployments", level: "write" }
      },
      {
        name: "environments:write",
        needed: true,
        label: "Environments (read and write)",
        fineGrained: { permission: "environments", level: "write" }
      },
      PACKAGES,
      {
        name: "organization_administration:write",
        needed: false,
        label: "Organization administration (asked by the tutorial; not needed)",
        fineGrained: { permission: "organization_administration", level: "write" },
        organizationOnly: true
      }
    ],
    // The Actions, deployments and environment-variable endpoints document `repo` for classic tokens (OpenAPI
    // descriptions of actions/create-workflow-dispatch, repos/create-deployment, actions/create-environment-variable);
    // `public_repo` is documented only for code and deployment statuses of public repositories (scopes-for-oauth-apps.md).
    classicScopes: ["repo", "write:packages"]
  }
};
var PROFILE_IDS = ["push", "deploy"];
function profileById(id) {
  return id === "push" || id === "deploy" ? PROFILES[id] : null;
}
function specsFor(profile, ownerIsOrg) {
  return profile.capabilities.filter((spec) => !spec.organizationOnly || ownerIsOrg !== false);
}

// src/checks/token-capabilities.ts
function judgeTokenCapabilities(input2) {
  const id = "token.capabilities";
  const { profile, target } = input2.links;
  const full = `${target.owner}/${target.name}`;
  const skipped = skipReason(input2);
  if (skipped) return finding(id, "skip", `Skipped: ${skipped}`);
  const pushing = new Set(PROFILES.push.capabilities.map((spec) => spec.name));
  const rows2 = input2.capabilities.filter((c) => c.needed && !pushing.has(c.name));
  const missing = rows2.filter((c) => c.granted === false);
  const unknown = rows2.filter((c) => c.granted === null);
  const details = [...missing, ...unknown].map((c) => `${c.name}: ${c.granted === false ? "no" : "unknown"}, ${c.evidence}.`);
  if (missing.length > 0) {
    return finding(
      id,
      "fail",
      `The token lacks ${names(missing)}, which ${profile.id} needs on ${full}${unknown.length > 0 ? `; ${names(unknown)} could not be established` : ""}.`,
      fixFor(input2, missing),
      [...details, guideLine(guideFor(input2))]
    );
  }
  if (unknown.length > 0) {
    return finding(id, "warn", `Could not establish whether the token has ${names(unknown)}, which ${profile.id} needs on ${full}.`, null, details);
  }
  if (rows2.length === 0) return finding(id, "pass", `${profile.id} needs nothing beyond pushing images.`);
  return finding(id, "pass", `The token has everything ${profile.id} needs on ${full} besides pushing images (${names(rows2)}).`);
}
function skipReason(input2) {
  if (input2.user.meaning.kind === "bad-credentials") return "GitHub did not accept the token (token.valid).";
  const repo = input2.repo.meaning;
  if (repo.kind === "sso") return `the repository is hidden behind ${input2.links.target.owner}'s SAML single sign-on (org.sso).`;
  if (repo.kind === "classic-forbidden" || repo.kind === "lifetime-policy") return `${input2.links.target.owner}'s token policy blocks this token (org.policy).`;
  if (repo.kind === "ip-allow-list") return `${input2.links.target.owner}'s IP allow list blocks this machine's address (org.policy).`;
  if (repo.kind === "managed-user") return "GitHub refuses an Enterprise Managed User outside its enterprise (repo.access).";
  const answer2 = input2.repo.answer;
  if (isUndecided(repo) || answer2.kind === "response" && answer2.status !== 200 && answer2.status !== 404 && answer2.status !== 403) {
    return "the repository could not be read (repo.access).";
  }
  return null;
}
function fixFor(input2, missing) {
  const { profile, target } = input2.links;
  const full = `${target.owner}/${target.name}`;
  const role = roleBelowWrite(input2.repo);
  if (role !== null) {
    const who = input2.user.login ?? "the token's user";
    return `Ask an admin of ${full} to give ${who} the Write role (now ${role}): ${repoAccessLink(target.webUrl, target.owner, target.name)}`;
  }
  switch (input2.shape.kind) {
    case "classic":
    case "oauth": {
      const { scopes } = input2.user;
      const held = expandScopes(scopes ?? []);
      const lacking = profile.classicScopes.filter((scope) => !held.has(scope));
      if (scopes !== null && lacking.length === 0) {
        return `The scopes are there; ask an admin of ${full} for the Write role: ${repoAccessLink(target.webUrl, target.owner, target.name)}`;
      }
      return `Create a token with exactly the scopes ${profile.id} needs (${profile.classicScopes.join(", ")}): ${classicTokenLink(target, profile)}`;
    }
    case "fine-grained": {
      const labels = specsFor(profile, null).filter((spec) => missing.some((c) => c.name === spec.name)).map((spec) => spec.label.replace(/ \(.*\)$/, ""));
      const prefilled = fineGrainedTokenLink(target, profile);
      const grant = input2.repo.kind === "visible" ? `Give the token ${labels.join(", ")} (Read and write) under Repository permissions at ${fineGrainedTokensListLink(target.webUrl)}` : `Select ${full} among the token's repositories (resource owner ${target.owner}) at ${fineGrainedTokensListLink(target.webUrl)}`;
      return `${grant}${prefilled ? `, or create one pre-filled for ${profile.id}: ${prefilled}` : ""}. Pushing images needs a classic token anyway, and one with ${profile.classicScopes.join(" and ")} does both: ${classicTokenLink(target, profile)}`;
    }
    default:
      return null;
  }
}
function guideFor(input2) {
  if (roleBelowWrite(input2.repo) !== null) return "repository-access";
  if (hasScopes(input2.shape)) {
    const { scopes } = input2.user;
    const held = expandScopes(scopes ?? []);
    if (scopes !== null && input2.links.profile.classicScopes.every((scope) => held.has(scope))) return "repository-access";
  }
  return "deploy-token";
}
function names(rows2) {
  return rows2.map((c) => c.name).join(", ");
}
var tokenCapabilities = {
  id: "token.capabilities",
  title: "Token capabilities",
  run: async (evidence) => {
    const [assessment, user, repo] = await Promise.all([evidence.assessment, evidence.user, evidence.repo]);
    return judgeTokenCapabilities({ capabilities: assessment.capabilities, user, repo, shape: evidence.shape, links: linksOf(evidence) });
  }
};

// src/checks/list.ts
var CHECKS = [
  tokenFormat,
  tokenValid,
  tokenExpiry,
  tokenScopes,
  orgSso,
  orgPolicy,
  repoAccess,
  repoPush,
  registryLogin2,
  registryPush
];
function checksFor(profile) {
  return profile === "push" ? CHECKS : [...CHECKS, tokenCapabilities];
}

// src/capabilities/github-token-advice.ts
var PERMISSIONS_STEP = "Give the job `permissions: packages: write` (and `contents: read`), log in with `password: ${{ secrets.GITHUB_TOKEN }}`, and delete the CR_PAT secret.";
var FORKS = "Pull requests from public forks always get a read-only GITHUB_TOKEN: pushes from them cannot work with it.";
function githubTokenAdvice(input2) {
  const repository = `${input2.target.owner}/${input2.target.name}`;
  if (input2.workflowRepository.toLowerCase() !== repository.toLowerCase()) {
    return {
      replaces: null,
      summary: `The workflow runs in ${input2.workflowRepository}, not in ${repository}: GITHUB_TOKEN is advised only for the repository's own images.`,
      steps: [],
      fix: null
    };
  }
  const namespace = input2.target.image.split("/")[0] ?? "";
  if (namespace.toLowerCase() !== input2.target.owner.toLowerCase()) {
    return {
      replaces: false,
      summary: `The image lives under ${namespace}, not under ${input2.target.owner}: GITHUB_TOKEN publishes packages associated with its own repository.`,
      steps: [],
      fix: null
    };
  }
  const steps = [PERMISSIONS_STEP, ...input2.defaultWorkflowPermissions === "read" ? ["The default GITHUB_TOKEN permissions here are read-only, so the `permissions` key is required."] : [], FORKS];
  return { ...byPackage(input2, repository), steps };
}
function byPackage(input2, repository) {
  const pkg = input2.package;
  const settings = input2.ownerIsOrg === null ? null : packageSettingsLink(input2.target, input2.ownerIsOrg);
  const grant = (why) => ({
    replaces: false,
    summary: `GITHUB_TOKEN of ${repository} cannot push to the package ${input2.target.image} yet: ${why}.`,
    fix: settings ? { text: `A package admin adds ${repository} with the Write role under "Manage Actions access" (web only, no API).`, url: settings } : null
  });
  switch (pkg.kind) {
    case "absent-or-hidden":
      return {
        replaces: true,
        summary: `GITHUB_TOKEN with \`permissions: packages: write\` may replace the personal token: the first push from ${repository}'s workflow creates the package, linked to the repository. (If the package exists but this token cannot see it, its own access decides.)`,
        fix: null
      };
    case "exists":
      if (pkg.linkedRepository === null) return grant("the package was created outside this repository's workflows and is not linked to it");
      if (pkg.linkedRepository.toLowerCase() !== repository.toLowerCase()) return grant(`the package is linked to ${pkg.linkedRepository}`);
      return {
        replaces: true,
        summary: `GITHUB_TOKEN with \`permissions: packages: write\` may replace the personal token: the package is linked to ${repository}. If a push is refused, the package does not inherit the repository's access and needs ${repository} under "Manage Actions access".`,
        fix: settings ? { text: 'Package settings ("Manage Actions access")', url: settings } : null
      };
    case "unknown":
      return {
        replaces: null,
        summary: `GITHUB_TOKEN may replace the personal token if the package is new or linked to ${repository}; crpat could not read the package (${pkg.reason}).`,
        fix: settings ? { text: 'Package settings ("Manage Actions access")', url: settings } : null
      };
  }
}

// src/pipeline/advise-github-token.ts
async function adviseGithubToken(input2, get) {
  if (!advised(input2)) return null;
  const [user, repo, push] = await Promise.all([input2.user, input2.repo, input2.push]);
  const pkg = await readPackageFor({ ...input2, user, repo }, get);
  return judgeGithubToken({ ...input2, user, repo, push, package: pkg });
}
function advised(input2) {
  const { workflowRepository: workflow, target } = input2;
  if (workflow === null || workflow.toLowerCase() !== `${target.owner}/${target.name}`.toLowerCase()) return false;
  return input2.shape.kind === "classic" || input2.shape.kind === "oauth" || input2.shape.kind === "fine-grained";
}
async function readPackageFor(input2, get) {
  const { user } = input2;
  if (input2.shape.kind === "fine-grained") return { kind: "unknown", reason: "the packages API accepts only classic personal access tokens" };
  if (user.meaning.kind !== "ok") return { kind: "unknown", reason: "GitHub did not accept the token" };
  if (user.scopes !== null && !expandScopes(user.scopes).has("read:packages")) return { kind: "unknown", reason: "the token lacks read:packages, which reading a package needs" };
  const ownerIsOrg = ownerIsOrgOf(input2.repo, user, input2.target);
  if (ownerIsOrg === null) return { kind: "unknown", reason: `whether ${input2.target.owner} is an organization is not known` };
  return readPackage(await get(packageLookupPath(input2.links.image, ownerIsOrg, user.login)));
}
function judgeGithubToken(input2) {
  const { target, push } = input2;
  if (apiBlocks(input2.repo, input2.user).ipAllowList) {
    return {
      replaces: false,
      summary: `GITHUB_TOKEN would not help here: ${target.owner}'s IP allow list refuses this runner's address, whatever the token (org.policy). With an IP allow list, GitHub Actions needs self-hosted runners whose addresses are on the list.`,
      steps: [],
      fix: null
    };
  }
  let pkg = input2.package;
  if (pkg.kind === "absent-or-hidden" && push.upload.kind === "refused" && push.upload.refusal.reason.kind === "write-package") {
    pkg = { kind: "unknown", reason: `the registry refused the upload with ${push.upload.refusal.quoted}, so the package exists and this token cannot read it` };
  }
  const ownerIsOrg = ownerIsOrgOf(input2.repo, input2.user, target);
  const advice = githubTokenAdvice({ target: input2.links, workflowRepository: `${target.owner}/${target.name}`, ownerIsOrg, package: pkg });
  return { replaces: advice.replaces, summary: advice.summary, steps: advice.steps, fix: advice.fix };
}

// src/capabilities/classic.ts
function classicCapabilities(input2) {
  const ownerIsOrg = input2.repo.kind === "visible" ? input2.repo.ownerIsOrg : null;
  return specsFor(input2.profile, ownerIsOrg).map((spec) => ({ name: spec.name, needed: spec.needed, ...judge(spec, input2) }));
}
var verdict = (granted, evidence) => ({ granted, evidence });
function judge(spec, input2) {
  if (input2.scopes === null) return verdict(null, "the scopes are unknown: GET /user gave no X-OAuth-Scopes header");
  const held = expandScopes(input2.scopes);
  const shown = input2.scopes.length > 0 ? input2.scopes.join(", ") : "none";
  switch (spec.name) {
    case "packages:write":
      return packages(held, shown, input2.registry);
    case "metadata:read":
      return metadata(input2.repo);
    case "organization_administration:write":
      return held.has("admin:org") ? verdict(null, "scope admin:org; it acts only for an owner of the organization, which crpat does not check") : verdict(false, `no scope admin:org (scopes: ${shown})`);
    default:
      return repositoryWrite(spec.name, held, shown, input2.repo);
  }
}
function packages(held, shown, registry) {
  if (!held.has("write:packages")) return verdict(false, `no scope write:packages (scopes: ${shown})`);
  switch (registry.kind) {
    case "opened":
      return verdict(true, "scope write:packages; the registry opened an upload for the image");
    case "refused":
      return verdict(false, `scope write:packages, but the registry refused: ${registry.refusal.quoted}`);
    case "unknown":
      return verdict(null, `scope write:packages; the package's own access is decided by the registry, which gave no answer (${registry.reason})`);
  }
}
function metadata(repo) {
  switch (repo.kind) {
    case "visible":
      return verdict(true, `GET /repos answered 200 (${repo.private ? "private" : "public"} repository)`);
    case "hidden":
      return verdict(false, `GET /repos answered ${repo.status} (${repo.message})`);
    case "unknown":
      return verdict(null, repo.reason);
  }
}
var WRITE_SCOPES = {
  "contents:write": { scopes: ["repo"], publicRepoDocumented: true },
  "actions:write": { scopes: ["repo"], publicRepoDocumented: false },
  "deployments:write": { scopes: ["repo", "repo_deployment"], publicRepoDocumented: false },
  // OpenAPI: "Authenticated users must have collaborator access to a repository to create, update, or read variables"
  // without naming the role; below write the role still cannot write (byRole).
  "environments:write": { scopes: ["repo"], publicRepoDocumented: false }
};
function repositoryWrite(name, held, shown, repo) {
  const rule = WRITE_SCOPES[name];
  if (!rule) return verdict(null, "crpat has no rule for this capability");
  const scope = rule.scopes.find((s) => held.has(s));
  const isPublic = repo.kind === "visible" && !repo.private;
  if (!scope) {
    if (!held.has("public_repo")) return verdict(false, `no scope ${rule.scopes.join(" or ")} (scopes: ${shown})`);
    if (repo.kind === "visible" && repo.private) return verdict(false, `scope public_repo covers public repositories only (scopes: ${shown})`);
    if (!isPublic) return verdict(null, `scope public_repo suffices only on a public repository, and the visibility is unknown`);
    if (!rule.publicRepoDocumented) {
      return verdict(null, `scope public_repo: GitHub documents ${rule.scopes.join(" or ")} for this, not whether public_repo suffices on a public repository`);
    }
  }
  const because = scope ?? "public_repo";
  switch (repo.kind) {
    case "hidden":
      return verdict(false, `scope ${because}, but GET /repos answered ${repo.status} (${repo.message})`);
    case "unknown":
      return verdict(null, `scope ${because}; the role is unknown (${repo.reason})`);
    case "visible":
      return byRole(because, repo.role);
  }
}
function byRole(scope, role) {
  if (role === null) return verdict(null, `scope ${scope}; GET /repos carried no permissions, so the role is unknown`);
  if (!atLeast(role, "write")) return verdict(false, `scope ${scope}, but role ${role}: a token has no more than its user, and the ${role} role cannot write`);
  return verdict(true, `scope ${scope} + role ${role}`);
}

// src/capabilities/probes.ts
var OPENAPI = "@octokit/openapi 23.0.2 generated/api.github.com.json";
var DOCS_DATA = "github/docs src/github-apps/data/fpt-2022-11-28/fine-grained-pat-permissions.json";
var TRUFFLEHOG = "trufflesecurity/trufflehog pkg/analyzer/analyzers/github/finegrained/finegrained.go";
var CONTENTS_WRITE = {
  id: "contents:write",
  capability: "contents:write",
  permission: "contents",
  level: "write",
  alone: true,
  method: "POST",
  path: "/repos/{owner}/{repo}/git/blobs",
  body: {},
  // 422: `content` is required (OpenAPI git/create-blob lists 422 "Validation failed"); 403: no contents write.
  expect: { granted: [422], denied: [403] },
  cannotWrite: "The body has no `content`, which the OpenAPI marks required, so no blob can be created; and a blob, even if one were created, is an unreferenced object: no branch, tag, commit or file changes.",
  source: `${DOCS_DATA} (contents: "create-a-blob", POST /repos/{owner}/{repo}/git/blobs, write, no additional permission); ${OPENAPI} git/create-blob (required: content; responses 201, 403, 404, 409, 422); write-probe pattern: ${TRUFFLEHOG} getContentsPermission (invalid payload: 403 = read only, 400/422 = write)`
};
var CONTENTS_READ = {
  id: "contents:read",
  capability: "contents:write",
  permission: "contents",
  level: "read",
  alone: true,
  method: "GET",
  path: "/repos/{owner}/{repo}/commits?per_page=1",
  body: null,
  // 409: an empty repository (OpenAPI repos/list-commits lists 409; trufflehog counts it as read access).
  expect: { granted: [200, 409], denied: [403] },
  cannotWrite: "A GET: it reads one commit.",
  source: `${DOCS_DATA} (contents: "list-commits", read); ${OPENAPI} repos/list-commits (responses 200, 400, 404, 409, 500); ${TRUFFLEHOG} getContentsPermission`
};
var ACTIONS_WRITE = {
  id: "actions:write",
  capability: "actions:write",
  permission: "actions",
  level: "write",
  alone: true,
  method: "POST",
  path: "/repos/{owner}/{repo}/actions/workflows/{random}.yml/dispatches",
  body: {},
  // 404: no workflow with that file name; 422: `ref` missing. Either means the permission check was passed.
  expect: { granted: [404, 422], denied: [403] },
  cannotWrite: "The workflow file name is random, so no workflow exists to run; and the body has no `ref`, which the OpenAPI marks required, so no run could be dispatched even if such a workflow existed.",
  source: `${DOCS_DATA} (actions: "create-a-workflow-dispatch-event", write, no additional permission); ${OPENAPI} actions/create-workflow-dispatch (required: ref; the file name may replace the id); ${TRUFFLEHOG} getActionsPermission (random workflow file name: 403 = no write, 404 = write)`
};
var ACTIONS_READ = {
  id: "actions:read",
  capability: "actions:write",
  permission: "actions",
  level: "read",
  alone: true,
  method: "GET",
  path: "/repos/{owner}/{repo}/actions/workflows?per_page=1",
  body: null,
  expect: { granted: [200], denied: [403] },
  cannotWrite: "A GET: it lists at most one workflow.",
  source: `${DOCS_DATA} (actions: "list-repository-workflows", read); ${OPENAPI} actions/list-repo-workflows`
};
var DEPLOYMENTS_WRITE = {
  id: "deployments:write",
  capability: "deployments:write",
  permission: "deployments",
  level: "write",
  alone: true,
  method: "POST",
  path: "/repos/{owner}/{repo}/deployments",
  body: {},
  // 422 validation_failed (OpenAPI); 409 is listed for merge conflicts/status checks, after the permission check.
  expect: { granted: [409, 422], denied: [403] },
  cannotWrite: "The body has no `ref`, which the OpenAPI marks required: with nothing to deploy no deployment is created, and no auto-merge runs (auto_merge acts on the ref being deployed).",
  source: `${DOCS_DATA} (deployments: "create-a-deployment", write, no additional permission); ${OPENAPI} repos/create-deployment (required: ref; responses 201, 202, 409, 422); ${TRUFFLEHOG} getDeploymentsPermission (empty body: 403 = read, 409/422 = write)`
};
var DEPLOYMENTS_READ = {
  id: "deployments:read",
  capability: "deployments:write",
  permission: "deployments",
  level: "read",
  alone: true,
  method: "GET",
  path: "/repos/{owner}/{repo}/deployments?per_page=1",
  body: null,
  expect: { granted: [200], denied: [403] },
  cannotWrite: "A GET: it lists at most one deployment.",
  source: `${DOCS_DATA} (deployments: "list-deployments", read); ${OPENAPI} repos/list-deployments`
};
var ENVIRONMENTS_WRITE = {
  id: "environments:write",
  capability: "environments:write",
  permission: "environments",
  level: "write",
  alone: false,
  method: "POST",
  path: "/repos/{owner}/{repo}/environments/{random}/variables",
  body: {},
  // 404: no environment by that name; 422: `name` and `value` missing.
  expect: { granted: [404, 422], denied: [403] },
  cannotWrite: "The environment name is random, so there is no environment to hold a variable (a variable is created only in an existing environment); and the body has neither `name` nor `value`, both required by the OpenAPI.",
  source: `${DOCS_DATA} (environments: "create-an-environment-variable", write, additional permission actions_variables); ${OPENAPI} actions/create-environment-variable (required: name, value); write-probe pattern: ${TRUFFLEHOG} getEnvironmentsPermission (403 = read, 422 = write)`
};
var ENVIRONMENTS_READ = {
  id: "environments:read",
  capability: "environments:write",
  permission: "environments",
  level: "read",
  alone: false,
  method: "GET",
  path: "/repos/{owner}/{repo}/environments/{random}/variables?per_page=1",
  body: null,
  // 404: no environment by that name (the permission check was passed).
  expect: { granted: [200, 404], denied: [403] },
  cannotWrite: "A GET on an environment that does not exist.",
  source: `${DOCS_DATA} (environments: "list-environment-variables", read, additional permission actions_variables); ${OPENAPI} actions/list-environment-variables`
};
var PROBE_PAIRS = [
  { capability: "contents:write", write: CONTENTS_WRITE, read: CONTENTS_READ },
  { capability: "actions:write", write: ACTIONS_WRITE, read: ACTIONS_READ },
  { capability: "deployments:write", write: DEPLOYMENTS_WRITE, read: DEPLOYMENTS_READ },
  { capability: "environments:write", write: ENVIRONMENTS_WRITE, read: ENVIRONMENTS_READ }
];
var ALL_PROBES = PROBE_PAIRS.flatMap((pair) => [pair.write, pair.read]);

// src/capabilities/fine-grained.ts
function probePlan(profile, repo) {
  if (repo.kind !== "visible") return [];
  if (repo.role !== null && !atLeast(repo.role, "write")) return [];
  const wanted = new Set(specsFor(profile, repo.ownerIsOrg).map((spec) => spec.name));
  return PROBE_PAIRS.filter((pair) => wanted.has(pair.capability));
}
function fineGrainedCapabilities(input2) {
  const ownerIsOrg = input2.repo.kind === "visible" ? input2.repo.ownerIsOrg : null;
  return specsFor(input2.profile, ownerIsOrg).map((spec) => ({ name: spec.name, needed: spec.needed, ...judge2(spec, input2) }));
}
var verdict2 = (granted, evidence) => ({ granted, evidence });
function judge2(spec, input2) {
  switch (spec.name) {
    case "packages:write":
      return packages2(input2.registry);
    case "metadata:read":
      return metadata2(input2.repo);
    case "organization_administration:write":
      return verdict2(null, "not probed: no profile needs it, and its write endpoints change organization settings");
    default:
      return probed(spec, input2);
  }
}
function packages2(registry) {
  const why = "fine-grained tokens have no Packages permission; GitHub Packages supports only classic personal access tokens";
  switch (registry.kind) {
    case "opened":
      return verdict2(true, `the registry opened an upload for the image, although ${why}`);
    case "refused":
      return verdict2(false, `${why} (the registry refused: ${registry.refusal.quoted})`);
    case "unknown":
      return verdict2(false, why);
  }
}
function metadata2(repo) {
  switch (repo.kind) {
    case "visible":
      return verdict2(true, repo.private ? "GET /repos answered 200" : "GET /repos answered 200 (public repository: every fine-grained token may read it)");
    case "hidden":
      return verdict2(false, hiddenReason(repo));
    case "unknown":
      return verdict2(null, repo.reason);
  }
}
function probed(spec, input2) {
  const { repo } = input2;
  if (repo.kind === "hidden") return verdict2(false, hiddenReason(repo));
  if (repo.kind === "unknown") return verdict2(null, repo.reason);
  if (repo.role !== null && !atLeast(repo.role, "write")) {
    return verdict2(false, `role ${repo.role}: a token cannot give its user more than the user's own access`);
  }
  const found = input2.findings?.get(spec.name);
  if (!found) return verdict2(null, "not probed");
  const { write, read } = found;
  if (write.outcome === "granted") return verdict2(true, `${write.reason}: the permission check was passed`);
  if (write.outcome === "unknown") return verdict2(null, write.reason);
  return verdict2(false, `${write.reason}${readClause(read)}`);
}
function readClause(read) {
  if (read === null) return "";
  if (read.outcome === "granted") return `; read access works (${read.reason})`;
  if (read.outcome === "denied") return `; no read access either (${read.reason})`;
  return `; read access unknown (${read.reason})`;
}
function hiddenReason(repo) {
  const causes = repo.status === 404 ? ": the repository is not among the token's repositories, belongs to another resource owner, or the user cannot see it" : "";
  return `GET /repos answered ${repo.status} (${repo.message})${causes}`;
}

// src/capabilities/run-probes.ts
import { randomBytes } from "crypto";
import { setTimeout as sleep } from "timers/promises";

// src/capabilities/judge-probe.ts
var NOT_ACCESSIBLE_BY_PAT = "Resource not accessible by personal access token";
function parseAcceptedPermissions(header) {
  if (header === null) return null;
  return header.split(";").map((set) => {
    const pairs2 = set.split(",").map((pair) => pair.trim().split("=")).filter((pair) => pair.length === 2 && /^[a-z_]+$/.test(pair[0] ?? "") && /^[a-z]+$/.test(pair[1] ?? ""));
    return new Map(pairs2.map(([name, level]) => [name, level]));
  }).filter((set) => set.size > 0);
}
var LEVEL = { read: 1, write: 2, admin: 3 };
function judgeProbe(probe, answer2) {
  const result = (outcome, reason) => ({ probe, outcome, status: answer2.status, reason });
  const request2 = `${probe.method} ${probe.path.replace(/\?.*$/, "")} answered ${answer2.status}`;
  const message2 = messageOf2(answer2.body);
  if (probe.expect.granted.includes(answer2.status)) return result("granted", request2);
  if (answer2.status === 403 && message2 === NOT_ACCESSIBLE_BY_PAT) return denial(probe, answer2, request2, result);
  if (answer2.status === 403 || answer2.status === 429) {
    return result("unknown", `${request2} (${message2 ?? "no message"}): not a permission answer`);
  }
  if (probe.expect.denied.includes(answer2.status)) return result("denied", request2);
  return result("unknown", `${request2}${message2 ? ` (${message2})` : ""}, which this probe does not expect`);
}
function denial(probe, answer2, request2, result) {
  const header = answer2.headers.get("x-accepted-github-permissions");
  const sets = parseAcceptedPermissions(header);
  const shown = `${request2} ${NOT_ACCESSIBLE_BY_PAT}`;
  if (sets === null) {
    return probe.alone ? result("denied", shown) : result("unknown", `${shown}, without X-Accepted-GitHub-Permissions, and this endpoint may need another permission too`);
  }
  const withHeader = `${shown}; X-Accepted-GitHub-Permissions: ${header}`;
  const ours = sets.some((set) => otherThan(set, probe.permission).length === 0 && (LEVEL[set.get(probe.permission) ?? ""] ?? 0) >= (LEVEL[probe.level] ?? 9));
  if (ours) return result("denied", withHeader);
  const mentioned = sets.some((set) => set.has(probe.permission));
  return result(
    "unknown",
    mentioned ? `${withHeader}: every accepted set also needs another permission, so ${probe.permission} alone is not decided` : `${withHeader}: GitHub did not ask for ${probe.permission}`
  );
}
function otherThan(set, permission) {
  return [...set].filter(([name, level]) => name !== permission && !(name === "metadata" && level === "read")).map(([name]) => name);
}
function messageOf2(body) {
  return isObject(body) && typeof body["message"] === "string" ? body["message"] : null;
}

// src/capabilities/run-probes.ts
async function runProbes(target, plan, deps) {
  const random = (deps.randomName ?? defaultRandomName)();
  const pause = deps.pause ?? sleep;
  const findings = /* @__PURE__ */ new Map();
  let mutated = false;
  let stop = null;
  const send = async (probe) => {
    if (stop !== null) return { probe, outcome: "unknown", status: null, reason: `not sent: ${stop}` };
    if (probe.method !== "GET" && mutated) await pause(deps.pauseMs ?? 1e3);
    if (probe.method !== "GET") mutated = true;
    const result = await sendOne(probe, fillPath(probe.path, target, random), deps.request);
    if (isRateLimit(result)) stop = `GitHub signalled a rate limit (${result.reason})`;
    return result;
  };
  for (const pair of plan) {
    const write = await send(pair.write);
    const read = write.outcome === "denied" ? await send(pair.read) : null;
    findings.set(pair.capability, { write, read });
  }
  return findings;
}
async function sendOne(probe, path, request2) {
  try {
    const answer2 = probe.body === null ? await request2(probe.method, path) : await request2(probe.method, path, probe.body);
    return judgeProbe(probe, answer2);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { probe, outcome: "unknown", status: null, reason: `${probe.method} ${path.replace(/\?.*$/, "")} got no answer (${reason})` };
  }
}
function fillPath(template, target, random) {
  const values = { owner: target.owner, repo: target.repo, random };
  return template.replace(/\{(owner|repo|random)\}/g, (_, key) => encodeURIComponent(values[key] ?? ""));
}
function isRateLimit(result) {
  return result.status === 429 || result.status === 403 && /rate limit/i.test(result.reason);
}
function defaultRandomName() {
  return `crpat-probe-${randomBytes(16).toString("hex")}`;
}

// src/capabilities/assess.ts
async function assessCapabilities(input2, deps) {
  const assessment = await byKind(input2, deps);
  return { ...assessment, capabilities: assessment.capabilities.map((row) => withRole(row, input2)) };
}
async function byKind(input2, deps) {
  switch (input2.tokenKind) {
    case "classic":
    case "oauth":
      return { capabilities: classicCapabilities(input2), probes: [] };
    case "fine-grained": {
      const plan = probePlan(input2.profile, input2.repo);
      const findings = deps !== null && plan.length > 0 ? await runProbes(input2.target, plan, deps) : null;
      const probes = findings ? [...findings.values()].flatMap(({ write, read }) => read ? [write, read] : [write]) : [];
      return { capabilities: fineGrainedCapabilities({ ...input2, findings }), probes };
    }
    default:
      return { capabilities: otherCapabilities(input2), probes: [] };
  }
}
var REPOSITORY_WRITES = /* @__PURE__ */ new Set(["contents:write", "actions:write", "deployments:write", "environments:write"]);
function withRole(row, input2) {
  const role = roleBelowWrite(input2.repo);
  if (row.granted !== null || role === null || input2.tokenKind === "server-to-server" || !REPOSITORY_WRITES.has(row.name)) return row;
  return { ...row, granted: false, evidence: `role ${role}: a token has no more than its user, and the ${role} role cannot write (${row.evidence})` };
}
function otherCapabilities(input2) {
  const ownerIsOrg = input2.repo.kind === "visible" ? input2.repo.ownerIsOrg : null;
  return specsFor(input2.profile, ownerIsOrg).map((spec) => {
    const base = { name: spec.name, needed: spec.needed };
    if (spec.name === "packages:write" && input2.registry.kind !== "unknown") {
      return input2.registry.kind === "opened" ? { ...base, granted: true, evidence: "the registry opened an upload for the image" } : { ...base, granted: false, evidence: `the registry refused: ${input2.registry.refusal.quoted}` };
    }
    return { ...base, granted: null, evidence: `crpat reads capabilities of classic, OAuth and fine-grained tokens only, not of a ${input2.tokenKind} token` };
  });
}

// src/pipeline/assess-target.ts
async function assessTarget(input2, probes, serial = (task) => task()) {
  const [user, repo, push] = await Promise.all([input2.user, input2.repo, input2.push]);
  if (user.meaning.kind === "bad-credentials") {
    const ownerIsOrg = repo.kind === "visible" ? repo.ownerIsOrg : null;
    return { capabilities: rows(input2.profile, ownerIsOrg, false, "GitHub refused the token (401): it cannot do anything"), probes: [] };
  }
  const assess = () => assessCapabilities(
    {
      profile: input2.profile,
      tokenKind: input2.shape.kind,
      target: { owner: input2.target.owner, repo: input2.target.name },
      scopes: user.meaning.kind === "ok" ? user.scopes : null,
      repo,
      registry: push.upload
    },
    probes
  );
  return input2.shape.kind === "fine-grained" && probes !== null ? serial(assess) : assess();
}
function malformedCapabilities(profile) {
  return rows(profile, null, false, "the token is malformed (token.format), so GitHub would refuse it");
}
function rows(profile, ownerIsOrg, granted, evidence) {
  return specsFor(profile, ownerIsOrg).map((spec) => ({ name: spec.name, needed: spec.needed, granted, evidence }));
}
function probeRequest(call) {
  return async (method, path, body) => {
    const outcome = await call(method, path, body === void 0 ? {} : { data: body });
    if (outcome.kind === "network") throw outcome.error;
    return { status: outcome.status, headers: outcome.headers, body: outcome.body };
  };
}

// src/capabilities/probe-pacer.ts
import { setTimeout as delay2 } from "timers/promises";
function createProbePacer(options = {}) {
  const pauseMs = options.pauseMs ?? 1e3;
  const now = options.now ?? Date.now;
  const sleep2 = options.sleep ?? ((ms) => delay2(ms));
  let queue = Promise.resolve();
  let lastMutation = Number.NEGATIVE_INFINITY;
  return {
    /** Runs `task` after every task queued before it has settled. */
    serial(task) {
      const run = queue.then(task, task);
      queue = run.catch(() => {
      });
      return run;
    },
    /** Wraps a request function so each POST is sent at least `pauseMs` after the previous one ended. */
    paced(request2) {
      return async (method, path, body) => {
        if (method !== "GET") {
          const wait = lastMutation + pauseMs - now();
          if (wait > 0) await sleep2(wait);
        }
        try {
          return await request2(method, path, body);
        } finally {
          if (method !== "GET") lastMutation = now();
        }
      };
    }
  };
}

// node_modules/universal-user-agent/index.js
function getUserAgent() {
  if (typeof navigator === "object" && "userAgent" in navigator) {
    return navigator.userAgent;
  }
  if (typeof process === "object" && process.version !== void 0) {
    return `Node.js/${process.version.substr(1)} (${process.platform}; ${process.arch})`;
  }
  return "<environment undetectable>";
}

// node_modules/@octokit/endpoint/dist-bundle/index.js
var VERSION = "0.0.0-development";
var userAgent = `octokit-endpoint.js/${VERSION} ${getUserAgent()}`;
var DEFAULTS = {
  method: "GET",
  baseUrl: "https://api.github.com",
  headers: {
    accept: "application/vnd.github.v3+json",
    "user-agent": userAgent
  },
  mediaType: {
    format: ""
  }
};
function lowercaseKeys(object) {
  if (!object) {
    return {};
  }
  return Object.keys(object).reduce((newObj, key) => {
    newObj[key.toLowerCase()] = object[key];
    return newObj;
  }, {});
}
function isPlainObject(value) {
  if (typeof value !== "object" || value === null) return false;
  if (Object.prototype.toString.call(value) !== "[object Object]") return false;
  const proto = Object.getPrototypeOf(value);
  if (proto === null) return true;
  const Ctor = Object.prototype.hasOwnProperty.call(proto, "constructor") && proto.constructor;
  return typeof Ctor === "function" && Ctor instanceof Ctor && Function.prototype.call(Ctor) === Function.prototype.call(value);
}
function mergeDeep(defaults, options) {
  const result = Object.assign({}, defaults);
  Object.keys(options).forEach((key) => {
    if (isPlainObject(options[key])) {
      if (!(key in defaults)) Object.assign(result, { [key]: options[key] });
      else result[key] = mergeDeep(defaults[key], options[key]);
    } else {
      Object.assign(result, { [key]: options[key] });
    }
  });
  return result;
}
function removeUndefinedProperties(obj) {
  for (const key in obj) {
    if (obj[key] === void 0) {
      delete obj[key];
    }
  }
  return obj;
}
function merge(defaults, route, options) {
  if (typeof route === "string") {
    let [method, url] = route.split(" ");
    options = Object.assign(url ? { method, url } : { url: method }, options);
  } else {
    options = Object.assign({}, route);
  }
  options.headers = lowercaseKeys(options.headers);
  removeUndefinedProperties(options);
  removeUndefinedProperties(options.headers);
  const mergedOptions = mergeDeep(defaults || {}, options);
  if (options.url === "/graphql") {
    if (defaults && defaults.mediaType.previews?.length) {
      mergedOptions.mediaType.previews = defaults.mediaType.previews.filter(
        (preview) => !mergedOptions.mediaType.previews.includes(preview)
      ).concat(mergedOptions.mediaType.previews);
    }
    mergedOptions.mediaType.previews = (mergedOptions.mediaType.previews || []).map((preview) => preview.replace(/-preview/, ""));
  }
  return mergedOptions;
}
function addQueryParameters(url, parameters) {
  const separator = /\?/.test(url) ? "&" : "?";
  const names2 = Object.keys(parameters);
  if (names2.length === 0) {
    return url;
  }
  return url + separator + names2.map((name) => {
    if (name === "q") {
      return "q=" + parameters.q.split("+").map(encodeURIComponent).join("+");
    }
    return `${name}=${encodeURIComponent(parameters[name])}`;
  }).join("&");
}
var urlVariableRegex = /\{[^{}}]+\}/g;
function removeNonChars(variableName) {
  return variableName.replace(/(?:^\W+)|(?:(?<!\W)\W+$)/g, "").split(/,/);
}
function extractUrlVariableNames(url) {
  const matches = url.match(urlVariableRegex);
  if (!matches) {
    return [];
  }
  return matches.map(removeNonChars).reduce((a, b) => a.concat(b), []);
}
function omit(object, keysToOmit) {
  const result = { __proto__: null };
  for (const key of Object.keys(object)) {
    if (keysToOmit.indexOf(key) === -1) {
      result[key] = object[key];
    }
  }
  return result;
}
function encodeReserved(str) {
  return str.split(/(%[0-9A-Fa-f]{2})/g).map(function(part) {
    if (!/%[0-9A-Fa-f]/.test(part)) {
      part = encodeURI(part).replace(/%5B/g, "[").replace(/%5D/g, "]");
    }
    return part;
  }).join("");
}
function encodeUnreserved(str) {
  return encodeURIComponent(str).replace(/[!'()*]/g, function(c) {
    return "%" + c.charCodeAt(0).toString(16).toUpperCase();
  });
}
function encodeValue(operator, value, key) {
  value = operator === "+" || operator === "#" ? encodeReserved(value) : encodeUnreserved(value);
  if (key) {
    return encodeUnreserved(key) + "=" + value;
  } else {
    return value;
  }
}
function isDefined(value) {
  return value !== void 0 && value !== null;
}
function isKeyOperator(operator) {
  return operator === ";" || operator === "&" || operator === "?";
}
function getValues(context, operator, key, modifier) {
  var value = context[key], result = [];
  if (isDefined(value) && value !== "") {
    if (typeof value === "string" || typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") {
      value = value.toString();
      if (modifier && modifier !== "*") {
        value = value.substring(0, parseInt(modifier, 10));
      }
      result.push(
        encodeValue(operator, value, isKeyOperator(operator) ? key : "")
      );
    } else {
      if (modifier === "*") {
        if (Array.isArray(value)) {
          value.filter(isDefined).forEach(function(value2) {
            result.push(
              encodeValue(operator, value2, isKeyOperator(operator) ? key : "")
            );
          });
        } else {
          Object.keys(value).forEach(function(k) {
            if (isDefined(value[k])) {
              result.push(encodeValue(operator, value[k], k));
            }
          });
        }
      } else {
        const tmp = [];
        if (Array.isArray(value)) {
          value.filter(isDefined).forEach(function(value2) {
            tmp.push(encodeValue(operator, value2));
          });
        } else {
          Object.keys(value).forEach(function(k) {
            if (isDefined(value[k])) {
              tmp.push(encodeUnreserved(k));
              tmp.push(encodeValue(operator, value[k].toString()));
            }
          });
        }
        if (isKeyOperator(operator)) {
          result.push(encodeUnreserved(key) + "=" + tmp.join(","));
        } else if (tmp.length !== 0) {
          result.push(tmp.join(","));
        }
      }
    }
  } else {
    if (operator === ";") {
      if (isDefined(value)) {
        result.push(encodeUnreserved(key));
      }
    } else if (value === "" && (operator === "&" || operator === "?")) {
      result.push(encodeUnreserved(key) + "=");
    } else if (value === "") {
      result.push("");
    }
  }
  return result;
}
function parseUrl(template) {
  return {
    expand: expand.bind(null, template)
  };
}
function expand(template, context) {
  var operators = ["+", "#", ".", "/", ";", "?", "&"];
  template = template.replace(
    /\{([^\{\}]+)\}|([^\{\}]+)/g,
    function(_, expression, literal) {
      if (expression) {
        let operator = "";
        const values = [];
        if (operators.indexOf(expression.charAt(0)) !== -1) {
          operator = expression.charAt(0);
          expression = expression.substr(1);
        }
        expression.split(/,/g).forEach(function(variable) {
          var tmp = /([^:\*]*)(?::(\d+)|(\*))?/.exec(variable);
          values.push(getValues(context, operator, tmp[1], tmp[2] || tmp[3]));
        });
        if (operator && operator !== "+") {
          var separator = ",";
          if (operator === "?") {
            separator = "&";
          } else if (operator !== "#") {
            separator = operator;
          }
          return (values.length !== 0 ? operator : "") + values.join(separator);
        } else {
          return values.join(",");
        }
      } else {
        return encodeReserved(literal);
      }
    }
  );
  if (template === "/") {
    return template;
  } else {
    return template.replace(/\/$/, "");
  }
}
function parse(options) {
  let method = options.method.toUpperCase();
  let url = (options.url || "/").replace(/:([a-z]\w+)/g, "{$1}");
  let headers = Object.assign({}, options.headers);
  let body;
  let parameters = omit(options, [
    "method",
    "baseUrl",
    "url",
    "headers",
    "request",
    "mediaType"
  ]);
  const urlVariableNames = extractUrlVariableNames(url);
  url = parseUrl(url).expand(parameters);
  if (!/^http/.test(url)) {
    url = options.baseUrl + url;
  }
  const omittedParameters = Object.keys(options).filter((option) => urlVariableNames.includes(option)).concat("baseUrl");
  const remainingParameters = omit(parameters, omittedParameters);
  const isBinaryRequest = /application\/octet-stream/i.test(headers.accept);
  if (!isBinaryRequest) {
    if (options.mediaType.format) {
      headers.accept = headers.accept.split(/,/).map(
        (format) => format.replace(
          /application\/vnd(\.\w+)(\.v3)?(\.\w+)?(\+json)?$/,
          `application/vnd$1$2.${options.mediaType.format}`
        )
      ).join(",");
    }
    if (url.endsWith("/graphql")) {
      if (options.mediaType.previews?.length) {
        const previewsFromAcceptHeader = headers.accept.match(/(?<![\w-])[\w-]+(?=-preview)/g) || [];
        headers.accept = previewsFromAcceptHeader.concat(options.mediaType.previews).map((preview) => {
          const format = options.mediaType.format ? `.${options.mediaType.format}` : "+json";
          return `application/vnd.github.${preview}-preview${format}`;
        }).join(",");
      }
    }
  }
  if (["GET", "HEAD"].includes(method)) {
    url = addQueryParameters(url, remainingParameters);
  } else {
    if ("data" in remainingParameters) {
      body = remainingParameters.data;
    } else {
      if (Object.keys(remainingParameters).length) {
        body = remainingParameters;
      }
    }
  }
  if (!headers["content-type"] && typeof body !== "undefined") {
    headers["content-type"] = "application/json; charset=utf-8";
  }
  if (["PATCH", "PUT"].includes(method) && typeof body === "undefined") {
    body = "";
  }
  return Object.assign(
    { method, url, headers },
    typeof body !== "undefined" ? { body } : null,
    options.request ? { request: options.request } : null
  );
}
function endpointWithDefaults(defaults, route, options) {
  return parse(merge(defaults, route, options));
}
function withDefaults(oldDefaults, newDefaults) {
  const DEFAULTS2 = merge(oldDefaults, newDefaults);
  const endpoint2 = endpointWithDefaults.bind(null, DEFAULTS2);
  return Object.assign(endpoint2, {
    DEFAULTS: DEFAULTS2,
    defaults: withDefaults.bind(null, DEFAULTS2),
    merge: merge.bind(null, DEFAULTS2),
    parse
  });
}
var endpoint = withDefaults(null, DEFAULTS);

// node_modules/@octokit/request/dist-bundle/index.js
var import_content_type = __toESM(require_dist(), 1);

// node_modules/json-with-bigint/json-with-bigint.js
var intRegex = /^-?\d+$/;
var noiseValue = /^-?\d+n+$/;
var originalStringify = JSON.stringify;
var originalParse = JSON.parse;
var customFormat = /^-?\d+n$/;
var bigIntsStringify = /([\[:])?"(-?\d+)n"($|\s*[,\}\]])/g;
var noiseStringify = /([\[:])?("-?\d+n+)n("$|"\s*[,\}\]])/g;
var isUnstringifiable = (val) => val === void 0 || typeof val === "function" || typeof val === "symbol";
var isRawJSON = (val) => val !== null && typeof val === "object" && val.constructor && val.constructor.name === "RawJSON";
var stringifyIteratively = (rootValue, replacer, spaceParam) => {
  let space = "";
  if (typeof spaceParam === "number") {
    space = " ".repeat(Math.min(10, Math.max(0, Math.floor(spaceParam))));
  } else if (typeof spaceParam === "string") {
    space = spaceParam.slice(0, 10);
  }
  const isFunctionReplacer = typeof replacer === "function";
  const propertyList = Array.isArray(replacer) ? new Set(replacer.map(String)) : null;
  const prepareVal = (parent, key, val) => {
    const isObject3 = val !== null && typeof val === "object";
    const hasToJSON = isObject3 && typeof val.toJSON === "function";
    if (hasToJSON) {
      val = val.toJSON(key);
    }
    const isNoise = typeof val === "string" && noiseValue.test(val);
    if (isNoise) return val + "n";
    const isBigInt = typeof val === "bigint";
    if (isBigInt) {
      const supportsRawJSON = "rawJSON" in JSON;
      if (supportsRawJSON) return JSON.rawJSON(val.toString());
      return val.toString() + "n";
    }
    if (isFunctionReplacer) {
      val = replacer.call(parent, key, val);
    }
    const isPostReplacerObject = val !== null && typeof val === "object";
    if (isPostReplacerObject) {
      const isPrimitiveWrapper = val instanceof Number || val instanceof String || val instanceof Boolean;
      if (isPrimitiveWrapper) {
        val = val.valueOf();
      }
    }
    return val;
  };
  const rootProcessed = prepareVal({ "": rootValue }, "", rootValue);
  if (isUnstringifiable(rootProcessed)) {
    return void 0;
  }
  const isRootPrimitive = rootProcessed === null || typeof rootProcessed !== "object";
  const isRootNativeRawJSON = isRawJSON(rootProcessed);
  if (isRootPrimitive || isRootNativeRawJSON) {
    return originalStringify(rootProcessed);
  }
  const chunks = [];
  let level = 0;
  const stack = [
    {
      parent: { "": rootProcessed },
      key: "",
      val: rootProcessed,
      isArray: Array.isArray(rootProcessed),
      keys: Array.isArray(rootProcessed) ? null : Object.keys(rootProcessed),
      index: 0,
      first: true
    }
  ];
  const visited = new WeakSet([rootProcessed]);
  while (stack.length > 0) {
    const node = stack[stack.length - 1];
    if (node.index === 0) {
      chunks.push(node.isArray ? "[" : "{");
      level++;
    }
    let isDone = false;
    if (node.isArray) {
      if (node.index < node.val.length) {
        if (!node.first) chunks.push(",");
        if (space) chunks.push("\n" + space.repeat(level));
        const childRaw = node.val[node.index];
        const childVal = prepareVal(node.val, String(node.index), childRaw);
        if (isUnstringifiable(childVal)) {
          chunks.push("null");
          node.first = false;
          node.index++;
        } else {
          const isComplexObject = childVal !== null && typeof childVal === "object";
          const isNativeRaw = isRawJSON(childVal);
          if (isComplexObject && !isNativeRaw) {
            if (visited.has(childVal)) {
              throw new TypeError("Converting circular structure to JSON");
            }
            visited.add(childVal);
            stack.push({
              parent: node.val,
              key: String(node.index),
              val: childVal,
              isArray: Array.isArray(childVal),
              keys: Array.isArray(childVal) ? null : Object.keys(childVal),
              index: 0,
              first: true
            });
            node.first = false;
            node.index++;
          } else {
            chunks.push(originalStringify(childVal));
            node.first = false;
            node.index++;
          }
        }
      } else {
        isDone = true;
      }
    } else {
      while (node.index < node.keys.length) {
        const k = node.keys[node.index++];
        const isFilteredOutByArray = propertyList && !propertyList.has(k);
        if (isFilteredOutByArray) continue;
        const childRaw = node.val[k];
        const childVal = prepareVal(node.val, k, childRaw);
        if (isUnstringifiable(childVal)) continue;
        if (!node.first) chunks.push(",");
        if (space) {
          chunks.push("\n" + space.repeat(level) + originalStringify(k) + ": ");
        } else {
          chunks.push(originalStringify(k) + ":");
        }
        const isComplexObject = childVal !== null && typeof childVal === "object";
        const isNativeRaw = isRawJSON(childVal);
        if (isComplexObject && !isNativeRaw) {
          if (visited.has(childVal)) {
            throw new TypeError("Converting circular structure to JSON");
          }
          visited.add(childVal);
          stack.push({
            parent: node.val,
            key: k,
            val: childVal,
            isArray: Array.isArray(childVal),
            keys: Array.isArray(childVal) ? null : Object.keys(childVal),
            index: 0,
            first: true
          });
          node.first = false;
          break;
        } else {
          chunks.push(originalStringify(childVal));
          node.first = false;
        }
      }
      const isNodeFullyProcessed = node.index >= node.keys.length && stack[stack.length - 1] === node;
      if (isNodeFullyProcessed) {
        isDone = true;
      }
    }
    if (isDone) {
      level--;
      if (!node.first && space) chunks.push("\n" + space.repeat(level));
      chunks.push(node.isArray ? "]" : "}");
      visited.delete(node.val);
      stack.pop();
    }
  }
  return chunks.join("");
};
var JSONStringify = (value, replacer, space) => {
  try {
    const supportsRawJSON = "rawJSON" in JSON;
    if (supportsRawJSON) {
      return originalStringify(
        value,
        (key, val) => {
          if (typeof val === "bigint") return JSON.rawJSON(val.toString());
          const hasFunctionReplacer = typeof replacer === "function";
          if (hasFunctionReplacer) return replacer(key, val);
          const isKeyInArrayReplacer = Array.isArray(replacer) && replacer.includes(key);
          if (isKeyInArrayReplacer) return val;
          return val;
        },
        space
      );
    }
    if (!value) return originalStringify(value, replacer, space);
    const convertedToCustomJSON = originalStringify(
      value,
      (key, val) => {
        const isNoise = typeof val === "string" && noiseValue.test(val);
        if (isNoise) return val.toString() + "n";
        if (typeof val === "bigint") return val.toString() + "n";
        const hasFunctionReplacer = typeof replacer === "function";
        if (hasFunctionReplacer) return replacer(key, val);
        const isKeyInArrayReplacer = Array.isArray(replacer) && replacer.includes(key);
        if (isKeyInArrayReplacer) return val;
        return val;
      },
      space
    );
    const processedJSON = convertedToCustomJSON.replace(
      bigIntsStringify,
      "$1$2$3"
    );
    const denoisedJSON = processedJSON.replace(noiseStringify, "$1$2$3");
    return denoisedJSON;
  } catch (error) {
    if (error instanceof RangeError) {
      const convertedJSON = stringifyIteratively(value, replacer, space);
      if (convertedJSON === void 0) return void 0;
      const supportsRawJSON = "rawJSON" in JSON;
      if (supportsRawJSON) return convertedJSON;
      const processedJSON = convertedJSON.replace(bigIntsStringify, "$1$2$3");
      return processedJSON.replace(noiseStringify, "$1$2$3");
    }
    throw error;
  }
};
var featureCache = /* @__PURE__ */ new Map();
var isContextSourceSupported = () => {
  const parseFingerprint = JSON.parse.toString();
  if (featureCache.has(parseFingerprint)) {
    return featureCache.get(parseFingerprint);
  }
  try {
    const result = JSON.parse(
      "1",
      (_, __, context) => !!context?.source && context.source === "1"
    );
    featureCache.set(parseFingerprint, result);
    return result;
  } catch {
    featureCache.set(parseFingerprint, false);
    return false;
  }
};
var convertMarkedBigIntsReviver = (key, value, context, userReviver) => {
  const isCustomFormatBigInt = typeof value === "string" && customFormat.test(value);
  if (isCustomFormatBigInt) return BigInt(value.slice(0, -1));
  const isNoiseValue = typeof value === "string" && noiseValue.test(value);
  if (isNoiseValue) return value.slice(0, -1);
  const hasUserReviver = typeof userReviver === "function";
  if (!hasUserReviver) return value;
  return userReviver(key, value, context);
};
var JSONParseV2 = (text, reviver) => {
  return JSON.parse(text, (key, value, context) => {
    const isNumber = typeof value === "number";
    const isOutOfBounds = value > Number.MAX_SAFE_INTEGER || value < Number.MIN_SAFE_INTEGER;
    const isBigNumber = isNumber && isOutOfBounds;
    const isInt = context && intRegex.test(context.source);
    const isBigInt = isBigNumber && isInt;
    if (isBigInt) return BigInt(context.source);
    const hasCustomReviver = typeof reviver === "function";
    if (!hasCustomReviver) return value;
    return reviver(key, value, context);
  });
};
var MAX_INT = Number.MAX_SAFE_INTEGER.toString();
var MAX_DIGITS = MAX_INT.length;
var stringsOrLargeNumbers = /"(?:[^"\\]|\\.)*"|-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/g;
var noiseValueWithQuotes = /^"-?\d+n+"$/;
var applyReviverIteratively = (parsed, userReviver) => {
  const rootHolder = { "": parsed };
  const stack = [{ parent: rootHolder, key: "", visited: false }];
  while (stack.length > 0) {
    const node = stack[stack.length - 1];
    if (!node.visited) {
      node.visited = true;
      const value = node.parent[node.key];
      const isComplexObject = value !== null && typeof value === "object";
      if (isComplexObject) {
        const keys = Object.keys(value);
        for (let i = keys.length - 1; i >= 0; i--) {
          stack.push({ parent: value, key: keys[i], visited: false });
        }
      }
    } else {
      const { parent, key } = node;
      let value = parent[key];
      if (typeof value === "string") {
        const isCustomFormatBigInt = customFormat.test(value);
        if (isCustomFormatBigInt) {
          value = BigInt(value.slice(0, -1));
        } else {
          const isNoise = noiseValue.test(value);
          if (isNoise) value = value.slice(0, -1);
        }
      }
      const hasUserReviver = typeof userReviver === "function";
      if (hasUserReviver) {
        value = userReviver.call(parent, key, value);
      }
      const isDeleted = value === void 0;
      if (isDeleted) {
        delete parent[key];
      } else {
        parent[key] = value;
      }
      stack.pop();
    }
  }
  return rootHolder[""];
};
var serializeBigInts = (text) => {
  return text.replace(
    stringsOrLargeNumbers,
    (match, digits, fractional, exponential) => {
      const isString = match[0] === '"';
      const isNoise = isString && noiseValueWithQuotes.test(match);
      if (isNoise) return match.substring(0, match.length - 1) + 'n"';
      const hasFractionalOrExponential = fractional || exponential;
      const isLessThanMaxSafeInt = digits && (digits.length < MAX_DIGITS || digits.length === MAX_DIGITS && digits <= MAX_INT);
      const isStandardValue = isString || hasFractionalOrExponential || isLessThanMaxSafeInt;
      if (isStandardValue) return match;
      return '"' + match + 'n"';
    }
  );
};
var JSONParse = (text, reviver) => {
  if (!text) return originalParse(text, reviver);
  try {
    if (isContextSourceSupported()) return JSONParseV2(text, reviver);
    const serializedData = serializeBigInts(text);
    return originalParse(
      serializedData,
      (key, value, context) => convertMarkedBigIntsReviver(key, value, context, reviver)
    );
  } catch (error) {
    if (error instanceof RangeError) {
      const serializedData = serializeBigInts(text);
      const parsed = originalParse(serializedData);
      return applyReviverIteratively(parsed, reviver);
    }
    throw error;
  }
};

// node_modules/@octokit/request-error/dist-src/index.js
var RequestError = class extends Error {
  name;
  /**
   * http status code
   */
  status;
  /**
   * Request options that lead to the error.
   */
  request;
  /**
   * Response object if a response was received
   */
  response;
  constructor(message2, statusCode, options) {
    super(message2, { cause: options.cause });
    this.name = "HttpError";
    this.status = Number.parseInt(statusCode);
    if (Number.isNaN(this.status)) {
      this.status = 0;
    }
    if ("response" in options) {
      this.response = options.response;
    }
    const requestCopy = Object.assign({}, options.request);
    if (options.request.headers.authorization) {
      requestCopy.headers = Object.assign({}, options.request.headers, {
        authorization: options.request.headers.authorization.replace(
          /(?<! ) .*$/,
          " [REDACTED]"
        )
      });
    }
    requestCopy.url = requestCopy.url.replace(/\bclient_secret=\w+/g, "client_secret=[REDACTED]").replace(/\baccess_token=\w+/g, "access_token=[REDACTED]");
    this.request = requestCopy;
  }
};

// node_modules/@octokit/request/dist-bundle/index.js
var VERSION2 = "10.0.14";
var defaults_default = {
  headers: {
    "user-agent": `octokit-request.js/${VERSION2} ${getUserAgent()}`
  }
};
function isPlainObject2(value) {
  if (typeof value !== "object" || value === null) return false;
  if (Object.prototype.toString.call(value) !== "[object Object]") return false;
  const proto = Object.getPrototypeOf(value);
  if (proto === null) return true;
  const Ctor = Object.prototype.hasOwnProperty.call(proto, "constructor") && proto.constructor;
  return typeof Ctor === "function" && Ctor instanceof Ctor && Function.prototype.call(Ctor) === Function.prototype.call(value);
}
var noop = () => "";
async function fetchWrapper(requestOptions) {
  const fetch = requestOptions.request?.fetch || globalThis.fetch;
  if (!fetch) {
    throw new Error(
      "fetch is not set. Please pass a fetch implementation as new Octokit({ request: { fetch }}). Learn more at https://github.com/octokit/octokit.js/#fetch-missing"
    );
  }
  const log = requestOptions.request?.log || console;
  const parseSuccessResponseBody = requestOptions.request?.parseSuccessResponseBody !== false;
  const body = isPlainObject2(requestOptions.body) || Array.isArray(requestOptions.body) ? JSONStringify(requestOptions.body) : requestOptions.body;
  const requestHeaders = Object.fromEntries(
    Object.entries(requestOptions.headers).map(([name, value]) => [
      name,
      String(value)
    ])
  );
  let fetchResponse;
  try {
    fetchResponse = await fetch(requestOptions.url, {
      method: requestOptions.method,
      body,
      redirect: requestOptions.request?.redirect,
      headers: requestHeaders,
      signal: requestOptions.request?.signal,
      // duplex must be set if request.body is ReadableStream or Async Iterables.
      // See https://fetch.spec.whatwg.org/#dom-requestinit-duplex.
      ...requestOptions.body && { duplex: "half" }
    });
  } catch (error) {
    let message2 = "Unknown Error";
    if (error instanceof Error) {
      if (error.name === "AbortError") {
        error.status = 500;
        throw error;
      }
      message2 = error.message;
      if (error.name === "TypeError" && "cause" in error) {
        if (error.cause instanceof Error) {
          message2 = error.cause.message;
        } else if (typeof error.cause === "string") {
          message2 = error.cause;
        }
      }
    }
    const requestError = new RequestError(message2, 500, {
      request: requestOptions
    });
    requestError.cause = error;
    throw requestError;
  }
  const status = fetchResponse.status;
  const url = fetchResponse.url;
  const responseHeaders = {};
  for (const [key, value] of fetchResponse.headers) {
    responseHeaders[key] = value;
  }
  const octokitResponse = {
    url,
    status,
    headers: responseHeaders,
    data: ""
  };
  if ("deprecation" in responseHeaders) {
    const matches = responseHeaders.link && responseHeaders.link.match(/<([^<>]+)>; rel="deprecation"/);
    const deprecationLink = matches && matches.pop();
    log.warn(
      `[@octokit/request] "${requestOptions.method} ${requestOptions.url}" is deprecated. It is scheduled to be removed on ${responseHeaders.sunset}${deprecationLink ? `. See ${deprecationLink}` : ""}`
    );
  }
  if (status === 204 || status === 205) {
    return octokitResponse;
  }
  if (requestOptions.method === "HEAD") {
    if (status < 400) {
      return octokitResponse;
    }
    throw new RequestError(fetchResponse.statusText, status, {
      response: octokitResponse,
      request: requestOptions
    });
  }
  if (status === 304) {
    octokitResponse.data = await getResponseData(fetchResponse);
    throw new RequestError("Not modified", status, {
      response: octokitResponse,
      request: requestOptions
    });
  }
  if (status >= 400) {
    octokitResponse.data = await getResponseData(fetchResponse);
    throw new RequestError(toErrorMessage(octokitResponse.data), status, {
      response: octokitResponse,
      request: requestOptions
    });
  }
  octokitResponse.data = parseSuccessResponseBody ? await getResponseData(fetchResponse) : fetchResponse.body;
  return octokitResponse;
}
async function getResponseData(response) {
  const contentType = response.headers.get("content-type");
  if (!contentType) {
    return response.text().catch(noop);
  }
  const mimetype = (0, import_content_type.parse)(contentType);
  if (isJSONResponse(mimetype)) {
    let text = "";
    try {
      text = await response.text();
      return JSONParse(text);
    } catch (err2) {
      return text;
    }
  } else if (mimetype.type.startsWith("text/") || // `application/octet-stream` is the canonical "arbitrary binary" type
  // (RFC 2046) and must never be decoded as text, even when the response
  // carries a (misleading) `charset=utf-8` parameter — see #751.
  mimetype.parameters.charset?.toLowerCase() === "utf-8" && mimetype.type !== "application/octet-stream") {
    return response.text().catch(noop);
  } else {
    return response.arrayBuffer().catch(
      /* v8 ignore next -- @preserve */
      () => new ArrayBuffer(0)
    );
  }
}
function isJSONResponse(mimetype) {
  return mimetype.type === "application/json" || mimetype.type === "application/scim+json";
}
function toErrorMessage(data) {
  if (typeof data === "string") {
    return data;
  }
  if (data instanceof ArrayBuffer) {
    return "Unknown error";
  }
  if (typeof data === "object" && data !== null && "message" in data) {
    const objectData = data;
    const suffix = "documentation_url" in objectData ? ` - ${objectData.documentation_url}` : "";
    return Array.isArray(objectData.errors) ? `${objectData.message}: ${objectData.errors.map((v) => JSON.stringify(v)).join(", ")}${suffix}` : `${objectData.message}${suffix}`;
  }
  return `Unknown error: ${JSON.stringify(data)}`;
}
function withDefaults2(oldEndpoint, newDefaults) {
  const endpoint2 = oldEndpoint.defaults(newDefaults);
  const newApi = function(route, parameters) {
    const endpointOptions = endpoint2.merge(route, parameters);
    if (!endpointOptions.request || !endpointOptions.request.hook) {
      return fetchWrapper(endpoint2.parse(endpointOptions));
    }
    const request2 = (route2, parameters2) => {
      return fetchWrapper(
        endpoint2.parse(endpoint2.merge(route2, parameters2))
      );
    };
    Object.assign(request2, {
      endpoint: endpoint2,
      defaults: withDefaults2.bind(null, endpoint2)
    });
    return endpointOptions.request.hook(request2, endpointOptions);
  };
  return Object.assign(newApi, {
    endpoint: endpoint2,
    defaults: withDefaults2.bind(null, endpoint2)
  });
}
var request = withDefaults2(endpoint, defaults_default);

// src/github/client.ts
var API_VERSION = "2022-11-28";
function createApiGet(options) {
  const call = createApiRequest(options);
  return (route, params = {}) => call("GET", route, params);
}
function createApiRequest(options) {
  const client = request.defaults({
    baseUrl: options.apiUrl,
    headers: {
      authorization: `Bearer ${options.token}`,
      "user-agent": options.userAgent,
      "x-github-api-version": API_VERSION
    },
    request: { fetch: options.fetch }
  });
  return async (method, route, params = {}) => {
    try {
      const response = await client(`${method} ${route}`, params);
      return answer(response.status, response.headers, response.data);
    } catch (error) {
      return outcomeOfError(error, options.apiUrl);
    }
  };
}
function outcomeOfError(error, apiUrl) {
  const response = error.response;
  if (response) return answer(response.status, response.headers, response.data);
  const cause = error.cause;
  return { kind: "network", error: cause instanceof NetError ? cause : toNetError(cause ?? error, new URL(apiUrl).host, 0) };
}
function answer(status, rawHeaders, body) {
  const headers = new HttpHeaders();
  for (const [name, value] of Object.entries(rawHeaders)) {
    if (value !== void 0 && value !== null) headers.set(name, String(value));
  }
  return { kind: "response", status, headers, body, requestId: headers.get("x-github-request-id") };
}

// src/http/tls-env.ts
function tlsVerificationDisabled(env) {
  return env["NODE_TLS_REJECT_UNAUTHORIZED"] === "0";
}
var UNVERIFIED_TLS = "NODE_TLS_REJECT_UNAUTHORIZED=0 turns off TLS certificate checks, so crpat will not send the token over https: unset it (for a private CA, point NODE_EXTRA_CA_CERTS at its certificate instead)";

// src/http/guarded-fetch.ts
var REDIRECTS = /* @__PURE__ */ new Set([301, 302, 303, 307, 308]);
var NULL_BODY = /* @__PURE__ */ new Set([101, 103, 204, 205, 304]);
function createGuardedFetch(options) {
  const maxBody = options.maxBodyBytes ?? 1024 * 1024;
  const maxRedirects = options.maxRedirects ?? 5;
  return async (input2, init = {}) => {
    let url = onLoopbackLiteral(new URL(urlOf(input2)));
    let method = (init.method ?? "GET").toUpperCase();
    const headers = new HttpHeaders(init.headers);
    for (let hop = 0; ; hop++) {
      assertAllowed(url, headers, options.credentialOrigins, options.env ?? process.env);
      const response = await exchange(url, method, { ...init, headers, method }, options, maxBody);
      const location = response.headers.get("location");
      if (!REDIRECTS.has(response.status) || location === null || !["GET", "HEAD"].includes(method)) {
        return response;
      }
      const next = resolve(location, url);
      if (next === null) throw new NetError("redirect", `${url.host} redirected to an address that is not a URL`);
      if (originOf(next) !== originOf(url)) {
        const where = next.protocol === url.protocol ? next.host : next.origin;
        throw new NetError("redirect", `${url.host} redirected to ${where}; crpat does not follow a redirect to another host, port or scheme`);
      }
      if (hop + 1 >= maxRedirects) throw new NetError("redirect", `${url.host} redirected more than ${maxRedirects} times (a redirect loop)`);
      if (response.status === 303) method = "GET";
      url = next;
    }
  };
}
function resolve(location, base) {
  try {
    return onLoopbackLiteral(new URL(location, base));
  } catch {
    return null;
  }
}
function assertAllowed(url, headers, credentialOrigins, env) {
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopbackHost(url.hostname))) {
    throw new NetError("insecure", `refused to use ${url.protocol}//${url.host}: only https is allowed, except to a loopback address`);
  }
  if (url.username !== "" || url.password !== "") {
    throw new NetError("insecure", `refused to use an address on ${url.host} that carries a user name or password (user:password@)`);
  }
  if (headers.has("authorization") && !isOnOrigin(url, credentialOrigins)) {
    throw new NetError("off-host", `refused to send the token to ${url.origin}: it is neither the API's origin nor the registry's (scheme, host and port)`);
  }
  if (headers.has("authorization") && url.protocol === "https:" && tlsVerificationDisabled(env)) {
    throw new NetError("unverified-tls", UNVERIFIED_TLS);
  }
}
async function exchange(url, method, init, options, maxBody) {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  const started = performance.now();
  const trace = (status, requestId, error) => options.onHttp?.({ method, url: url.href, status, requestId, ms: Math.round(performance.now() - started), ...error ? { error } : {} });
  try {
    const raw = await options.fetch(url, { ...init, method, redirect: "manual", signal });
    const body = NULL_BODY.has(raw.status) ? null : await readCapped(raw, maxBody, url.host);
    trace(raw.status, raw.headers.get("x-github-request-id"));
    const answer2 = new HttpResponse(body, { status: raw.status, statusText: raw.statusText, headers: raw.headers });
    answer2.headers.delete(RETRY_HEADER);
    return answer2;
  } catch (error) {
    const netError = options.signal?.aborted ? stopped(options.signal, url.host) : toNetError(error, url.host, options.timeoutMs);
    trace(null, null, netError.message);
    throw netError;
  }
}
function stopped(signal, host) {
  const reason = signal.reason;
  return reason instanceof Error && reason.name === "TimeoutError" ? new NetError("timeout", `crpat's overall time limit ran out before ${host} answered`) : new NetError("aborted", `the request to ${host} was cancelled`);
}
function sizeText(bytes) {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}
async function readCapped(response, maxBytes, host) {
  const own = response instanceof HttpResponse ? response : null;
  const stream = own ? null : response.body;
  if (!own && !stream) return new Uint8Array();
  if (Number(response.headers.get("content-length")) > maxBytes) {
    await (own ? own.cancel() : stream?.cancel());
    throw new NetError("too-large", `${host} announced an answer larger than ${sizeText(maxBytes)}; crpat did not read it`);
  }
  const chunks = [];
  let size = 0;
  for await (const chunk of own ? own.chunks() : stream) {
    size += chunk.byteLength;
    if (size > maxBytes) {
      throw new NetError("too-large", `${host} sent an answer larger than ${sizeText(maxBytes)}; crpat stopped reading it`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

// src/http/record.ts
var NULL_BODY2 = /* @__PURE__ */ new Set([101, 103, 204, 205, 304]);
function recordExchanges(fetch, sink, maxBodyBytes = 1024 * 1024) {
  return async (input2, init = {}) => {
    const startedAt = performance.now();
    const request2 = {
      startedAt,
      method: (init.method ?? "GET").toUpperCase(),
      url: urlOf(input2),
      requestHeaders: new HttpHeaders(init.headers)
    };
    const elapsed = () => Math.round(performance.now() - startedAt);
    let response;
    try {
      response = await fetch(input2, init);
    } catch (error) {
      sink({ ...request2, status: null, responseHeaders: null, body: new Uint8Array(), bodyBytes: 0, cancelled: false, failure: { phase: "headers", error }, ms: elapsed() });
      throw error;
    }
    const answer2 = { ...request2, status: response.status, responseHeaders: new HttpHeaders(response.headers) };
    const empty = response instanceof HttpResponse ? !response.hasBody : response.body === null;
    if (empty || NULL_BODY2.has(response.status)) {
      sink({ ...answer2, body: new Uint8Array(), bodyBytes: 0, cancelled: false, failure: null, ms: elapsed() });
      return response;
    }
    const chunks = [];
    let kept = 0;
    let bodyBytes2 = 0;
    let told = false;
    const tell = (end) => {
      if (told) return;
      told = true;
      sink({ ...answer2, body: Buffer.concat(chunks), bodyBytes: bodyBytes2, cancelled: end.cancelled ?? false, failure: end.failure ?? null, ms: elapsed() });
    };
    async function* recorded(source2) {
      let finished = false;
      try {
        for await (const value of source2) {
          bodyBytes2 += value.byteLength;
          if (kept < maxBodyBytes) {
            const part = value.subarray(0, maxBodyBytes - kept);
            chunks.push(part);
            kept += part.byteLength;
          }
          yield value;
        }
        finished = true;
        tell({});
      } catch (error) {
        tell({ failure: { phase: "body", error } });
        throw error;
      } finally {
        if (!finished) tell({ cancelled: true });
      }
    }
    const source = response instanceof HttpResponse ? response.chunks() : response.body;
    return new HttpResponse(recorded(source), { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

// src/http/fetch-stack.ts
function createFetchStack(options) {
  const deadline = AbortSignal.timeout(options.timeoutMs * 3 + 5e3);
  const signal = options.signal ? AbortSignal.any([deadline, options.signal]) : deadline;
  const { observe } = options;
  const seen = observe ? async (input2, init) => {
    const response = await options.fetch(input2, init);
    if (new URL(urlOf(input2)).origin === observe.origin) observe.headers(response.headers);
    return response;
  } : options.fetch;
  const guarded = createGuardedFetch({
    fetch: options.onExchange ? recordExchanges(seen, options.onExchange) : seen,
    credentialOrigins: options.credentialOrigins,
    timeoutMs: options.timeoutMs,
    signal,
    ...options.onHttp ? { onHttp: options.onHttp } : {}
  });
  return withRetries(released(guarded), { signal, ...options.onRetry ? { onRetry: options.onRetry } : {}, ...options.now ? { now: options.now } : {} });
}
function released(fetch) {
  return async (input2, init) => {
    const response = await fetch(input2, init);
    await new Promise((resolve2) => setImmediate(resolve2));
    return response;
  };
}

// src/http/node-fetch.ts
import { Agent as HttpAgent, request as httpRequest } from "http";
import { Agent as HttpsAgent, request as httpsRequest } from "https";
function createNodeFetch() {
  const agents = { "http:": new HttpAgent({ keepAlive: true }), "https:": new HttpsAgent({ keepAlive: true }) };
  return (input2, init = {}) => {
    const url = new URL(input2 instanceof URL ? input2.href : typeof input2 === "string" ? input2 : input2.url);
    const send = url.protocol === "https:" ? httpsRequest : url.protocol === "http:" ? httpRequest : null;
    if (send === null) return Promise.reject(new TypeError(`crpat's HTTP client cannot fetch ${url.protocol} URLs`));
    const signal = init.signal ?? void 0;
    if (signal?.aborted) return Promise.reject(signal.reason);
    const method = (init.method ?? "GET").toUpperCase();
    const headers = headerRecord(init.headers);
    const body = bodyBytes(init.body);
    if (body !== null || !["GET", "HEAD", "DELETE", "OPTIONS"].includes(method)) {
      headers["content-length"] = String(body?.byteLength ?? 0);
    }
    return new Promise((resolve2, reject) => {
      let answered = null;
      const wire = { reset: false };
      const onAbort = () => {
        const reason = signal?.reason;
        if (answered) answered.destroy(reason instanceof Error ? reason : void 0);
        request2.destroy();
        reject(reason);
      };
      const request2 = send(url, { method, headers, agent: agents[url.protocol] }, (response) => {
        answered = response;
        response.once("close", () => signal?.removeEventListener("abort", onAbort));
        const nullBody = method === "HEAD" || [101, 103, 204, 205, 304].includes(response.statusCode ?? 0);
        if (nullBody) response.resume();
        const init2 = { status: response.statusCode ?? 0, statusText: response.statusMessage ?? "", headers: pairs(response.rawHeaders) };
        resolve2(new HttpResponse(nullBody ? null : bodyOf(response, signal, wire), init2, () => response.destroy()));
      });
      signal?.addEventListener("abort", onAbort, { once: true });
      request2.once("socket", (socket) => {
        const onError = (error) => {
          if (error.code === "ECONNRESET") wire.reset = true;
        };
        socket.on("error", onError);
        request2.once("close", () => socket.off("error", onError));
      });
      request2.once("error", (error) => {
        signal?.removeEventListener("abort", onAbort);
        reject(signal?.aborted ? signal.reason : error.code === "ECONNRESET" && error.syscall === void 0 ? prematureClose() : error);
      });
      request2.end(body ?? void 0);
    });
  };
}
async function* bodyOf(response, signal, wire) {
  try {
    for await (const chunk of response) yield chunk;
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    if (!response.complete && !wire.reset && error.code === "ECONNRESET") throw prematureClose();
    throw error;
  }
}
function prematureClose() {
  return Object.assign(new Error("the connection closed before the answer was complete"), { code: "ERR_STREAM_PREMATURE_CLOSE" });
}
function headerRecord(init) {
  const out = {};
  if (!init) return out;
  const entries = Array.isArray(init) || typeof init.entries === "function" ? init : Object.entries(init);
  for (const [name, value] of entries) out[name.toLowerCase()] = value;
  return out;
}
function bodyBytes(body) {
  if (body === void 0 || body === null) return null;
  if (typeof body === "string") return Buffer.from(body);
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  throw new TypeError("crpat's HTTP client sends only string and byte bodies");
}
function pairs(raw) {
  const out = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i], raw[i + 1]]);
  return out;
}
var shared;
function defaultFetch() {
  return shared ??= createNodeFetch();
}

// src/registry/memo.ts
function createRegistryMemo() {
  return { realms: /* @__PURE__ */ new Map(), cancels: /* @__PURE__ */ new Map() };
}

// src/version.ts
var VERSION3 = "0.1.0";

// src/pipeline/session.ts
function openSession(settings, deps, observe) {
  const credentialOrigins = [originOf(settings.apiUrl), originOf(settings.registry.origin)];
  const partial = {
    settings,
    shape: settings.shape,
    webUrl: settings.webUrl,
    credentialOrigins,
    deps,
    memo: createRegistryMemo(),
    now: (deps.now ?? (() => /* @__PURE__ */ new Date()))(),
    pacer: createProbePacer(),
    ...observe ? { observe } : {}
  };
  const user = apiClient(partial)("/user");
  return { ...partial, user, userRecord: user.then(readUser) };
}
function fetchStack(session) {
  const { deps, settings, observe } = session;
  return createFetchStack({
    fetch: deps.fetch ?? defaultFetch(),
    credentialOrigins: session.credentialOrigins,
    timeoutMs: settings.timeoutMs,
    ...deps.signal ? { signal: deps.signal } : {},
    ...observe ? { observe: { origin: new URL(settings.apiUrl).origin, headers: observe } } : {},
    ...deps.onHttp ? { onHttp: deps.onHttp } : {},
    ...deps.onRetry ? { onRetry: deps.onRetry } : {},
    ...deps.onExchange ? { onExchange: deps.onExchange } : {},
    ...deps.now ? { now: deps.now } : {}
  });
}
function apiClient(session, fetch = fetchStack(session)) {
  return createApiGet(clientOptions(session, fetch));
}
function clientOptions(session, fetch) {
  return { apiUrl: session.settings.apiUrl, token: session.settings.token, fetch, userAgent: `crpat/${VERSION3}` };
}
function probeDeps(session, gated) {
  let request2 = null;
  const build = () => {
    const call = createApiRequest(clientOptions(session, fetchStack(session)));
    return session.pacer.paced(probeRequest((method, route, params) => gated(() => call(method, route, params))));
  };
  return { request: (method, path, body) => (request2 ??= build())(method, path, body) };
}

// src/pipeline/gather.ts
function gatherEvidence(session, target, image, options = {}) {
  const { settings } = session;
  const profile = settings.profile;
  const fetch = fetchStack(session);
  const api = apiClient(session, fetch);
  const registryClient = {
    origin: settings.registry.origin,
    host: settings.registry.host,
    fetch,
    token: settings.token,
    credentialOrigins: session.credentialOrigins,
    memo: session.memo
  };
  const loginOutcome = registryLogin(registryClient, image.path);
  const sendRepo = () => api("/repos/{owner}/{repo}", { owner: target.owner, repo: target.name });
  const repoOutcome = options.repoCall ? options.repoCall(sendRepo) : sendRepo();
  const pushOutcome = loginOutcome.then((outcome) => outcome.kind === "token" || outcome.kind === "anonymous" ? probePush(registryClient, image.path, outcome) : null);
  const user = session.userRecord;
  const repo = repoOutcome.then(readRepo);
  const login = loginOutcome.then(readLogin);
  const push = pushOutcome.then(readPush);
  const gated = options.apiCall ?? ((send) => send());
  const capabilityInputs = { profile, shape: session.shape, target, user, repo, push };
  const evidence = {
    shape: session.shape,
    target,
    image,
    registryHost: settings.registry.host,
    webUrl: session.webUrl,
    now: session.now,
    expiryWarnDays: settings.expiryWarnDays,
    profile,
    workflowRepository: settings.workflowRepository,
    words: session.deps.settingWords ?? OPTION_WORDS,
    user,
    repo,
    login,
    push,
    // Never rejects: a bug in the assessment must not hide the ten checks' answers.
    assessment: assessTarget(capabilityInputs, probeDeps(session, gated), session.pacer.serial).catch(
      (error) => ({ capabilities: rows(profile, null, null, `not assessed (${error instanceof Error ? error.message : String(error)})`), probes: [] })
    )
  };
  const advice = adviseGithubToken(
    { workflowRepository: settings.workflowRepository, shape: session.shape, target, links: linksOf(evidence).target, user, repo, push },
    (path) => gated(() => api(path))
  ).catch(() => null);
  return { evidence, advice };
}

// src/types.ts
var CHECK_IDS = [
  "token.format",
  "token.valid",
  "token.expiry",
  "token.scopes",
  "org.sso",
  "org.policy",
  "repo.access",
  "repo.push",
  "registry.login",
  "registry.push"
];

// src/checks/ground-truth.ts
var PUSH_CONTRACT = new Set(CHECK_IDS);
function yieldToRegistry(result, push) {
  if (result.status !== "fail" || result.id === "registry.push" || !PUSH_CONTRACT.has(result.id)) return result;
  if (push.upload.kind !== "opened") return result;
  return {
    ...result,
    status: "warn",
    summary: `${result.summary} The registry opened the upload all the same, so this does not stop a push (registry.push).`
  };
}

// src/pipeline/run-checks.ts
async function runChecks(checks, evidence, onProgress) {
  return Promise.all(
    checks.map(async (check) => {
      onProgress?.({ type: "start", id: check.id, title: check.title });
      let result;
      try {
        result = await check.run(evidence);
        if (result.status === "fail") result = yieldToRegistry(result, await evidence.push);
      } catch (error) {
        result = finding(check.id, "error", `The check failed unexpectedly: ${error instanceof Error ? error.message : String(error)}.`);
      }
      onProgress?.({ type: "finish", finding: result });
      return result;
    })
  );
}
function skipAllBut(checks, first, onProgress) {
  return checks.map((check) => {
    const result = check.id === first.id ? first : finding(check.id, "skip", `Skipped: the token is malformed (${first.id}).`);
    onProgress?.({ type: "finish", finding: result });
    return result;
  });
}

// src/pipeline/verdict.ts
function verdictOf(findings) {
  if (findings.some((f) => f.status === "fail")) return "fail";
  if (findings.some((f) => f.status === "error")) return "inconclusive";
  return "pass";
}

// src/pipeline/report.ts
async function targetReport(evidence, checks, githubToken, settings) {
  const [assessment, user] = await Promise.all([evidence.assessment, evidence.user]);
  const classicLike = hasScopes(evidence.shape);
  return {
    ...reportHeader(evidence.target, evidence.image, settings),
    verdict: verdictOf(checks),
    token: { kind: evidence.shape.kind, login: user.login, scopes: classicLike ? user.scopes ?? [] : [], expiresAt: expiresAtOf(user) },
    checks,
    profile: evidence.profile.id,
    capabilities: assessment.capabilities,
    githubToken
  };
}
function malformedReport(shape, format, target, image, settings, onProgress) {
  const checks = skipAllBut(checksFor(settings.profile.id), format, onProgress);
  return {
    ...reportHeader(target, image, settings),
    verdict: verdictOf(checks),
    token: { kind: shape.kind, login: null, scopes: [], expiresAt: null },
    checks,
    profile: settings.profile.id,
    capabilities: malformedCapabilities(settings.profile),
    githubToken: null
  };
}
function reportHeader(target, image, settings) {
  return {
    schemaVersion: 1,
    target: { repository: `${target.owner}/${target.name}`, image: image.reference, apiUrl: settings.apiUrl, registry: settings.registry.host }
  };
}

// src/pipeline/check-target.ts
async function checkTarget(session, target, image, options = {}) {
  const { evidence, advice } = gatherEvidence(session, target, image, options);
  const [judged, githubToken] = await Promise.all([runChecks(checksFor(session.settings.profile.id), evidence, options.onProgress), advice]);
  return targetReport(evidence, withTraceHint(judged, evidence.words), githubToken, session.settings);
}

// src/token/looks-like-token.ts
var TOKEN_IN_TEXT = /(?:github_pat_|gh[pousr]_)[A-Za-z0-9._-]{16,}/;
function looksLikeToken(text) {
  return /^(?:github_pat_|gh[pousr]_)/.test(text) || TOKEN_IN_TEXT.test(text);
}

// src/destination/image.ts
var IMAGE_NAME = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*$/;
function parseImageTarget(target, image, registryHost) {
  const name = image ?? target.name;
  if (name.split("/").some(looksLikeToken)) return err(tokenAsName("image name"));
  const unsafe = unsafeTextReason(name, "image name", "use lower-case letters, digits and . _ -");
  if (unsafe) return err(unsafe);
  const given = `${target.owner}/${name}`;
  const path = given.toLowerCase();
  if (!IMAGE_NAME.test(path)) return err(`"${name}" cannot be a container image name: use lower-case letters, digits, and . _ - separators`);
  return ok({ path, reference: `${registryHost}/${path}`, loweredFrom: path === given ? null : `${registryHost}/${given}` });
}

// src/destination/trust.ts
var FORGES = [
  ["gitlab.com", "GitLab"],
  ["bitbucket.org", "Bitbucket"],
  ["bitbucket.com", "Bitbucket"],
  ["codeberg.org", "Codeberg"],
  ["gitea.com", "Gitea"],
  ["gitea.io", "Gitea"],
  ["dev.azure.com", "Azure DevOps"],
  ["visualstudio.com", "Azure DevOps"],
  ["sr.ht", "SourceHut"],
  ["gitee.com", "Gitee"],
  ["sourceforge.net", "SourceForge"],
  ["launchpad.net", "Launchpad"],
  ["framagit.org", "GitLab (Framagit)"],
  ["salsa.debian.org", "GitLab (Debian Salsa)"],
  ["invent.kde.org", "GitLab (KDE Invent)"],
  ["gitlab.gnome.org", "GitLab (GNOME)"],
  ["gitlab.freedesktop.org", "GitLab (freedesktop.org)"],
  ["notabug.org", "NotABug"],
  ["pagure.io", "Pagure"],
  ["huggingface.co", "Hugging Face"],
  ["source.developers.google.com", "Google Cloud Source Repositories"]
];
var GITHUB_SERVICES = ["github.com", "githubusercontent.com", "github.io", "githubassets.com"];
var GITHUB = /* @__PURE__ */ new Set(["github.com", "ssh.github.com"]);
var GHE_COM2 = /^([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)\.ghe\.com$/;
function classifyHost(host) {
  const { name, port } = splitPort(host.toLowerCase());
  const forge = FORGES.find(([domain]) => name === domain || name.endsWith(`.${domain}`));
  if (forge) return refused(`${host} is ${forge[1]}, not GitHub: crpat checks GitHub tokens, so it sent nothing there`);
  if (GITHUB.has(name)) {
    return port === null ? { kind: "github" } : refused(`GitHub serves repositories at https://github.com, not on port ${port}; pass owner/name`);
  }
  const sub = GHE_COM2.exec(name);
  if (sub) {
    return port === null ? { kind: "ghe-com", subdomain: sub[1] } : refused(`${host}: GHE.com serves repositories without a port; pass https://${name}/owner/name`);
  }
  if (name === "ghe.com" || name.endsWith(".ghe.com")) {
    return refused(`${host} is not where a GHE.com enterprise names its repositories; pass https://SUBDOMAIN.ghe.com/owner/name`);
  }
  const service = GITHUB_SERVICES.find((domain) => name === domain || name.endsWith(`.${domain}`));
  if (service) return refused(`${host} is a GitHub service, not a repository host; pass owner/name or https://github.com/owner/name`);
  if (port === null && isTypoOf(name, "github.com")) {
    return refused(`${host} is not github.com (a typo?), and crpat sent nothing there; pass owner/name or https://github.com/owner/name`);
  }
  return { kind: "unknown" };
}
function decideEndpoints(input2, flag = "--api-url") {
  const kind = classifyHost(input2.host);
  const explicit = (derived) => ({
    apiUrl: input2.apiUrl ?? derived.apiUrl,
    registry: input2.registry ?? derived.registry
  });
  switch (kind.kind) {
    case "refused":
      return { kind: "refused", reason: kind.reason };
    case "github":
      return { kind: "trusted", ...explicit(defaultEndpoints("github.com")), webUrl: "https://github.com" };
    case "ghe-com":
      return { kind: "trusted", ...explicit(defaultEndpoints(`${kind.subdomain}.ghe.com`)), webUrl: `https://${kind.subdomain}.ghe.com` };
    case "unknown":
      return enterpriseServer(input2, flag);
  }
}
function enterpriseServer(input2, flag) {
  const { host } = input2;
  const name = splitPort(host).name;
  const derived = defaultEndpoints(host);
  const endpoints = { apiUrl: input2.apiUrl ?? derived.apiUrl, registry: input2.registry ?? derived.registry, webUrl: `https://${host}` };
  if (input2.apiUrl !== null) {
    const api = parseApiUrl(input2.apiUrl);
    if (!api.ok || api.value.hostname.toLowerCase() === name) return { kind: "trusted", ...endpoints };
    return {
      kind: "refused",
      reason: `the repository is on ${host}, but ${flag} names ${api.value.host}: crpat takes ${host} for a GitHub Enterprise Server only when ${flag} is on that host, so it sent nothing`
    };
  }
  if (input2.enterpriseHost !== null && sameHost(input2.enterpriseHost, host)) return { kind: "trusted", ...endpoints };
  return { kind: "unconfirmed", host, ...endpoints };
}
function unconfirmedReason(host, apiUrl, flag = "--api-url") {
  return `${host} is not github.com or a GHE.com host, and crpat sent nothing there. If it is your GitHub Enterprise Server, pass ${flag} ${apiUrl}${flag === "--api-url" ? ` (or set GH_HOST=${host})` : ""}`;
}
function sameHost(enterpriseHost, host) {
  const given = enterpriseHost.trim().toLowerCase().replace(/^https?:\/\//, "").replace(/\/+$/, "");
  return given !== "" && given === host.toLowerCase();
}
function splitPort(host) {
  const match = /^(\[[^\]]*\]|[^:]*)(?::(\d+))?$/.exec(host);
  return { name: match?.[1] ?? host, port: match?.[2] ?? null };
}
function refused(reason) {
  return { kind: "refused", reason };
}
function isTypoOf(name, target) {
  if (name === target || Math.abs(name.length - target.length) > 2) return false;
  return editDistance(name, target) <= 2;
}
function editDistance(a, b) {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_2, j) => i === 0 ? j : j === 0 ? i : 0));
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2][j - 2] + 1);
      d[i][j] = best;
    }
  }
  return d[a.length][b.length];
}

// src/errors.ts
var UsageError = class extends Error {
  name = "UsageError";
};

// src/pipeline/validate.ts
var OWNER_NAME = /^[A-Za-z0-9_-]+\/[A-Za-z0-9._-]+$/;
function resolveRunSettings(options, host) {
  const decision = decideEndpoints({ host, apiUrl: options.apiUrl ?? null, registry: options.registry ?? null, enterpriseHost: null }, "apiUrl");
  if (decision.kind === "refused") throw new UsageError(decision.reason);
  if (decision.kind === "unconfirmed") throw new UsageError(unconfirmedReason(host, decision.apiUrl, "apiUrl"));
  const token2 = options.token.trim();
  if (token2 === "") throw new UsageError("no token given: the token option is empty");
  const apiUrl = unwrap(parseApiUrl(decision.apiUrl)).href.replace(/\/$/, "");
  const registry = unwrap(parseRegistry(decision.registry));
  const seconds = options.timeoutSeconds ?? 10;
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > MAX_TIMEOUT_SECONDS) {
    throw new UsageError(`timeoutSeconds must be a positive number of seconds, at most ${MAX_TIMEOUT_SECONDS}, not ${seconds}`);
  }
  const profile = profileById(options.profile ?? "push");
  if (!profile) throw new UsageError(`unknown profile ${JSON.stringify(String(options.profile)).slice(0, 40)}: use ${PROFILE_IDS.join(" or ")}`);
  const workflow = options.workflowRepository;
  if (workflow !== void 0 && !OWNER_NAME.test(workflow)) throw new UsageError("workflowRepository must be owner/name, as GITHUB_REPOSITORY is");
  const warnDays = options.expiryWarnDays ?? DEFAULT_EXPIRY_WARN_DAYS;
  if (!Number.isFinite(warnDays) || warnDays < 0) throw new UsageError(`expiryWarnDays must be a number of days (0 or more), not ${warnDays}`);
  return { token: token2, shape: recognizeToken(token2), apiUrl, registry, webUrl: decision.webUrl, timeoutMs: Math.round(seconds * 1e3), profile, workflowRepository: workflow ?? null, expiryWarnDays: warnDays };
}
function assertOptionShape(options, targets) {
  if (typeof options !== "object" || options === null) throw new UsageError(`the options must be an object: { ${targets}, token }`);
  const o = options;
  const target = o[targets];
  if (targets === "repositories" ? !Array.isArray(target) : typeof target !== "string" && !isRepoTarget(target)) {
    throw new UsageError(`the ${targets} option ${target === void 0 ? "is missing" : "must be " + (targets === "repositories" ? "an array of repositories" : "a string such as owner/name, or { host, owner, name }")}`);
  }
  if (typeof o.token !== "string") throw new UsageError(`the token option ${o.token === void 0 ? "is missing" : "must be a string"}`);
  for (const key of ["apiUrl", "registry", "image", "profile", "workflowRepository"]) {
    if (o[key] !== void 0 && typeof o[key] !== "string") throw new UsageError(`the ${key} option must be a string`);
  }
  for (const key of ["timeoutSeconds", "expiryWarnDays", "concurrency"]) {
    if (o[key] !== void 0 && typeof o[key] !== "number") throw new UsageError(`the ${key} option must be a number`);
  }
}
function isRepoTarget(value) {
  if (typeof value !== "object" || value === null) return false;
  const { host, owner, name } = value;
  return typeof host === "string" && typeof owner === "string" && typeof name === "string";
}
function resolveTarget(repository) {
  const text = typeof repository === "string" ? repository : `${repository.host}/${repository.owner}/${repository.name}`;
  if (looksLikeToken(text) || text.split(/[/:@]/).some(looksLikeToken)) throw new UsageError(tokenAsName("repository"));
  return typeof repository === "string" ? unwrap(parseRepoTarget(repository)) : repository;
}
function resolveImage(target, image, settings) {
  return unwrap(parseImageTarget(target, image, settings.registry.host));
}
function formatProblem(shape, links) {
  const finding2 = judgeTokenFormat(shape, links);
  return finding2.status === "fail" ? finding2 : null;
}
function linksFor(target, image, settings) {
  return linksOf({ webUrl: settings.webUrl, target, image, profile: settings.profile });
}
function unwrap(result) {
  if (!result.ok) throw new UsageError(result.reason);
  return result.value;
}

// src/pipeline/check-token.ts
async function checkToken(options, deps = {}) {
  assertOptionShape(options, "repository");
  const target = resolveTarget(options.repository);
  const settings = resolveRunSettings(options, target.host);
  const image = resolveImage(target, options.image, settings);
  const format = formatProblem(settings.shape, linksFor(target, image, settings));
  if (format) return malformedReport(settings.shape, format, target, image, settings, deps.onProgress);
  const session = openSession(settings, deps);
  return checkTarget(session, target, image, deps.onProgress ? { onProgress: deps.onProgress } : {});
}

// src/action/commands.ts
function escapeData(text) {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(text) {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
function workflowCommand(name, properties, message2) {
  const props = Object.entries(properties).map(([key, value]) => `${key}=${escapeProperty(value)}`).join(",");
  return `::${name}${props ? ` ${props}` : ""}::${escapeData(message2)}
`;
}
function verbatim(text, token2) {
  if (!/^[A-Za-z0-9_-]{16,}$/.test(token2)) throw new Error("the stop-commands token must be 16+ random letters or digits");
  if (text.includes(token2)) throw new Error("the text contains the stop-commands token");
  const body = text.endsWith("\n") ? text : `${text}
`;
  return `::stop-commands::${token2}
${body}::${token2}::
`;
}
function addMask(secret) {
  const lines = secret.split(/\r?\n/).filter((line) => line.trim() !== "");
  const values = lines.length > 1 ? [secret, ...lines] : [secret];
  return values.map((value) => workflowCommand("add-mask", {}, value)).join("");
}
function annotation(level, title, message2) {
  return workflowCommand(level, { title }, message2);
}
function outputEntry(name, value, delimiter) {
  if (!/[\r\n]/.test(value)) return `${name}=${value}
`;
  if (value.includes(delimiter)) throw new Error(`the value of output ${name} contains its delimiter`);
  return `${name}<<${delimiter}
${value}
${delimiter}
`;
}

// src/action/inputs.ts
var INPUT_WORDS = {
  names: { apiUrl: "the api-url input", registry: "the registry input", timeout: null, image: "the image input", trace: "the trace input set to a file path" },
  give: (name, value) => `set ${name} to ${value}`
};
function inputVariable(name) {
  return `INPUT_${name.replace(/ /g, "_").toUpperCase()}`;
}
function input(env, name) {
  return (env[inputVariable(name)] ?? "").trim();
}
function readInputs(env) {
  const profile = input(env, "for") || "push";
  if (!PROFILE_IDS.includes(profile)) {
    return err(`Unknown value for the input "for": use one of ${PROFILE_IDS.join(", ")}.`);
  }
  const failOn = input(env, "fail-on") || "fail";
  if (failOn !== "fail" && failOn !== "warn") return err(`Unknown value "${failOn}" for the input "fail-on": use "fail" or "warn".`);
  const warnDaysText = input(env, "warn-days") || "7";
  if (!/^\d{1,4}$/.test(warnDaysText)) return err(`Unknown value "${warnDaysText.slice(0, 20)}" for the input "warn-days": use a whole number of days, e.g. 14.`);
  const given = input(env, "repository") || (env["GITHUB_REPOSITORY"] ?? "").trim();
  if (given === "") return err('No repository: set the input "repository" (owner/name); GITHUB_REPOSITORY is not set either.');
  const server = serverHost(env["GITHUB_SERVER_URL"]);
  const runner = defaultEndpoints(server);
  const apiUrl = input(env, "api-url") || (env["GITHUB_API_URL"] ?? "").trim() || runner.apiUrl;
  const registry = input(env, "registry") || runner.registry;
  const repository = onServer(given, server);
  const target = parseRepoTarget(repository);
  if (target.ok) {
    const trust = decideEndpoints({ host: target.value.host, apiUrl, registry, enterpriseHost: null }, "the api-url input");
    if (trust.kind === "refused") return err(`The input "repository": ${trust.reason}.`);
  }
  return ok({
    token: input(env, "token"),
    repository,
    image: input(env, "image") || null,
    registry,
    apiUrl,
    profile,
    workflowRepository: (env["GITHUB_REPOSITORY"] ?? "").trim() || null,
    failOn,
    warnDays: Number(warnDaysText),
    trace: input(env, "trace") || null
  });
}
function serverHost(serverUrl) {
  try {
    return serverUrl ? new URL(serverUrl).host.toLowerCase() : "github.com";
  } catch {
    return "github.com";
  }
}
function onServer(repository, host) {
  if (!/^[^/\s:]+\/[^/\s]+$/.test(repository)) return repository;
  return host === "github.com" ? repository : `https://${host}/${repository}`;
}

// src/action/run.ts
import { randomUUID } from "crypto";

// src/report/sanitize.ts
var MAX = 4e3;
function sanitizeReport(report) {
  const text = (value) => terminalSafe(value, MAX);
  return {
    ...report,
    target: { ...report.target, repository: text(report.target.repository), image: text(report.target.image) },
    token: { ...report.token, login: report.token.login === null ? null : text(report.token.login), scopes: report.token.scopes.map(text) },
    checks: report.checks.map((f) => ({ ...f, summary: text(f.summary), fix: f.fix === null ? null : text(f.fix), details: f.details.map(text) })),
    // Older report objects (a caller's own, or a stored JSON document) may lack the fields issue 6 added.
    capabilities: (report.capabilities ?? []).map((c) => ({ ...c, name: text(c.name), evidence: text(c.evidence) })),
    githubToken: report.githubToken ? {
      ...report.githubToken,
      summary: text(report.githubToken.summary),
      steps: report.githubToken.steps.map(text),
      fix: report.githubToken.fix ? { text: text(report.githubToken.fix.text), url: text(report.githubToken.fix.url) } : null
    } : null
  };
}

// src/report/layout.ts
var DETAIL_INDENT = "    ";
var FIX_LABEL = "Fix: ";

// src/report/wrap.ts
var MIN_WIDTH = 30;
function wrap(text, width, firstIndent, indent) {
  return text.split("\n").map((paragraph, i) => wrapLine(paragraph, width, i === 0 ? firstIndent : indent.length, indent)).join(`
${indent}`);
}
var LINK = /^\(?https?:\/\//;
var SGR = /\u001b\[[0-9;]*m/g;
var visible = (text) => text.replace(SGR, "").length;
function wrapLine(text, width, firstIndent, indent) {
  if (width < MIN_WIDTH) return text;
  const words = unbreakable(text.split(" ")).filter((word, i) => word !== "" || i === 0);
  let out = "";
  let line = "";
  let room = width - firstIndent;
  const breakLine = (prefix) => {
    out += `${line}
${prefix}`;
    line = "";
    room = width - prefix.length;
  };
  let afterLink = false;
  for (const word of words) {
    const unindented = LINK.test(word.replace(SGR, "")) && indent.length + visible(word) > width;
    if (line === "") {
      line = word;
    } else if (!afterLink && visible(line) + 1 + visible(word) <= room) {
      line += ` ${word}`;
    } else {
      breakLine(unindented ? "" : indent);
      line = word;
    }
    afterLink = unindented && line === word && out !== "";
  }
  return `${out}${line}`;
}
function unbreakable(words) {
  const out = [];
  let open = null;
  for (const word of words) {
    if (open !== null) {
      open.push(word);
      if (word.includes("}}")) {
        out.push(open.join(" "));
        open = null;
      }
    } else if (word.includes("${{") && !word.slice(word.lastIndexOf("${{")).includes("}}")) {
      open = [word];
    } else {
      out.push(word);
    }
  }
  return open === null ? out : [...out, ...open];
}

// src/report/capability-table.ts
var GRANTED = { true: "yes", false: "no", null: "unknown" };
var TABLE_INDENT = "  ";
var MIN_EVIDENCE = 24;
function capabilityTableAddsSomething(profile, rows2) {
  if (rows2.length === 0) return false;
  return profile !== void 0 && profile !== "push" || rows2.some((row) => row.granted === null);
}
function capabilityTable(profile, rows2, width, style) {
  const header = { name: "capability", needed: "needed", granted: "granted" };
  const nameWidth = Math.max(header.name.length, ...rows2.map((row) => row.name.length));
  const neededWidth = header.needed.length;
  const grantedWidth = Math.max(header.granted.length, ...Object.values(GRANTED).map((word) => word.length));
  const lead = TABLE_INDENT.length + nameWidth + 2 + neededWidth + 2 + grantedWidth + 2;
  const stacked = width > 0 && width - lead < MIN_EVIDENCE;
  const cells = (name, needed, granted) => `${TABLE_INDENT}${name.padEnd(nameWidth)}  ${needed.padEnd(neededWidth)}  ${granted}`;
  const lines = [style("bold", `Capabilities for ${profile}:`)];
  lines.push(style("dim", stacked ? cells(header.name, header.needed, header.granted) : `${cells(header.name, header.needed, header.granted.padEnd(grantedWidth))}  evidence`));
  for (const row of rows2) {
    const word = GRANTED[String(row.granted)];
    const color = row.granted === true ? "green" : row.granted === null ? "yellow" : row.needed ? "red" : "gray";
    const granted = style(color, stacked ? word : word.padEnd(grantedWidth));
    const start = cells(row.name, row.needed ? "yes" : "no", granted);
    if (stacked) {
      const indent = `${TABLE_INDENT}${DETAIL_INDENT}`;
      lines.push(start, `${indent}${wrap(row.evidence, width, indent.length, indent)}`);
    } else {
      lines.push(`${start}  ${wrap(row.evidence, width, lead, " ".repeat(lead))}`);
    }
  }
  return lines.join("\n");
}

// src/report/github-token-advice.ts
var LABEL2 = "GITHUB_TOKEN";
function adviceBlock(advice, width, style) {
  const ownHeading = advice.summary.startsWith(`${LABEL2} `);
  const rest = ownHeading ? advice.summary.slice(LABEL2.length + 1) : advice.summary;
  const head = ownHeading ? `${LABEL2} ` : `${LABEL2}: `;
  const lines = [`${style("bold", LABEL2)}${head.slice(LABEL2.length)}${wrap(rest, width, head.length, DETAIL_INDENT)}`];
  const stepIndent = `${DETAIL_INDENT}  `;
  for (const step of advice.steps) lines.push(`${DETAIL_INDENT}- ${wrap(step, width, stepIndent.length, stepIndent)}`);
  if (advice.fix !== null) {
    const fixIndent = DETAIL_INDENT + " ".repeat(FIX_LABEL.length);
    const text = `${advice.fix.text.replace(/\.$/, "")}: ${advice.fix.url}`;
    lines.push(`${DETAIL_INDENT}${style(["bold", "cyan"], FIX_LABEL.trimEnd())} ${wrap(text, width, fixIndent.length, fixIndent)}`);
  }
  return lines.join("\n");
}

// src/report/style.ts
import { styleText } from "util";
function createStyle(color) {
  if (!color) return (_format, text) => text;
  return (format, text) => styleText(format, text, { validateStream: false });
}

// src/report/symbols.ts
var UNICODE_SYMBOLS = {
  status: { pass: "\u2714", fail: "\u2716", warn: "\u26A0", skip: "-", error: "?" },
  verdict: { pass: "\u2714", fail: "\u2716", inconclusive: "?" },
  spinner: ["\u280B", "\u2819", "\u2839", "\u2838", "\u283C", "\u2834", "\u2826", "\u2827", "\u2807", "\u280F"],
  dash: "\u2014",
  arrow: "\u2192",
  ellipsis: "\u2026"
};
var ASCII_SYMBOLS = {
  status: { pass: "[ok]", fail: "[x]", warn: "[!]", skip: "[-]", error: "[?]" },
  verdict: { pass: "[ok]", fail: "[x]", inconclusive: "[?]" },
  spinner: ["|", "/", "-", "\\"],
  dash: "-",
  arrow: "->",
  ellipsis: "..."
};
function symbols(unicode) {
  return unicode ? UNICODE_SYMBOLS : ASCII_SYMBOLS;
}

// src/report/token-kind.ts
var TOKEN_KIND_DISPLAY = {
  classic: { prefix: "ghp_", label: "classic personal access token" },
  "fine-grained": { prefix: "github_pat_", label: "fine-grained personal access token" },
  oauth: { prefix: "gho_", label: "OAuth app token" },
  "user-to-server": { prefix: "ghu_", label: "GitHub App user-to-server token" },
  "server-to-server": { prefix: "ghs_", label: "GitHub App installation token" },
  refresh: { prefix: "ghr_", label: "GitHub App refresh token" },
  unknown: { prefix: "", label: "unrecognized token" }
};
function maskedForKind(kind) {
  return `${TOKEN_KIND_DISPLAY[kind].prefix}****`;
}

// src/report/human.ts
var STATUS_COLOR = {
  pass: "green",
  fail: "red",
  warn: "yellow",
  error: "yellow",
  skip: "gray"
};
function renderHuman(unsafe, options) {
  const report = sanitizeReport(unsafe);
  const style = createStyle(options.color);
  const sym = symbols(options.unicode);
  const problems = report.checks.filter((f) => f.status === "fail" || f.status === "error");
  const warnings = report.checks.filter((f) => f.status === "warn");
  const others = report.checks.filter((f) => f.status === "pass" || f.status === "skip");
  const blocks = [verdictLine(report, sym, style, options.width)];
  const table = !options.quiet && capabilityTableAddsSomething(report.profile, report.capabilities);
  const links = linksOnce();
  const once = (finding2) => links(table ? withoutTableEvidence(finding2, report) : finding2);
  if (!options.quiet) blocks.push(tokenLines(report, options, style));
  for (const finding2 of problems) blocks.push(findingBlock(once(finding2), options.width, sym, style));
  if (!options.quiet) {
    if (table) blocks.push(capabilityTable(report.profile, report.capabilities, options.width, style));
    for (const finding2 of warnings) blocks.push(findingBlock(once(finding2), options.width, sym, style));
    if (report.githubToken) blocks.push(adviceBlock(report.githubToken, options.width, style));
    if (others.length > 0) blocks.push(briefLines(others, options.width, sym, style));
  }
  return `${blocks.join("\n\n")}
`;
}
function withoutTableEvidence(finding2, report) {
  if (finding2.id !== "token.capabilities") return finding2;
  const inTable = (detail) => report.capabilities.some((row) => detail.startsWith(`${row.name}: `));
  const details = finding2.details.filter((detail) => !inTable(detail));
  if (details.length === finding2.details.length) return finding2;
  const where = finding2.status === "warn" ? "above" : "below";
  return { ...finding2, details: [`How each was established: the capability table ${where}.`, ...details] };
}
function verdictLine(report, sym, style, width) {
  const image = report.target.image;
  const failed = count(report.checks, "fail");
  const errored = count(report.checks, "error");
  const undecided = errored === 1 ? "1 check could not be completed" : `${errored} checks could not be completed`;
  const line = (symbol, text, color) => style(["bold", color], `${symbol} ${wrap(text, width, symbol.length + 1, " ".repeat(symbol.length + 1))}`);
  const profile = report.profile !== void 0 && report.profile !== "push" ? report.profile : null;
  const needs = `what ${profile} needs on ${report.target.repository}`;
  const corePassed = report.checks.every((f) => !CHECK_IDS.includes(f.id) || f.status !== "fail" && f.status !== "error");
  switch (report.verdict) {
    case "pass":
      return line(sym.verdict.pass, profile ? `This token can push to ${image} and has ${needs}` : `This token can push to ${image}`, "green");
    case "fail": {
      const parts = [failed === 1 ? "1 problem" : `${failed} problems`];
      if (errored > 0) parts.push(undecided);
      const suffix = failed > 0 ? ` ${sym.dash} ${parts.join("; ")}` : "";
      if (profile && corePassed) return line(sym.verdict.fail, `This token can push to ${image}, but lacks ${needs}${suffix}`, "red");
      return line(sym.verdict.fail, `This token cannot push to ${image}${suffix}`, "red");
    }
    case "inconclusive": {
      const suffix = errored > 0 ? ` ${sym.dash} ${undecided}` : "";
      return line(sym.verdict.inconclusive, `Could not decide whether this token can push to ${image}${suffix}`, "yellow");
    }
  }
}
function tokenLines(report, options, style) {
  const { kind, login, expiresAt, scopes } = report.token;
  const width = options.width;
  const shown = options.tokenDisplay ?? { masked: maskedForKind(kind), label: TOKEN_KIND_DISPLAY[kind].label };
  let text = `${shown.masked} (${shown.label})`;
  if (login !== null) text += ` of ${login}`;
  if (expiresAt !== null) text += `, expires ${formatDate(expiresAt)}`;
  const lines = [`${style("bold", "Token:")} ${wrap(text, width, "Token: ".length, DETAIL_INDENT)}`];
  if (scopes.length > 0) {
    lines.push(`${style("bold", "Scopes:")} ${wrap(scopes.join(", "), width, "Scopes: ".length, DETAIL_INDENT)}`);
  }
  return lines.join("\n");
}
var FIX_LINK = /https?:\/\/\S+?(?=[.,;:]?(?:\s|$))/g;
var LONG_LINK = 60;
function linksOnce() {
  const firstShown = /* @__PURE__ */ new Map();
  return (finding2) => {
    if (finding2.fix === null) return finding2;
    const fix = finding2.fix.replace(FIX_LINK, (link) => {
      const first = firstShown.get(link);
      if (first === void 0) firstShown.set(link, finding2.id);
      return first === void 0 || first === finding2.id || link.length < LONG_LINK ? link : `the link under ${first} above`;
    });
    return { ...finding2, fix };
  };
}
function findingBlock(finding2, width, sym, style) {
  const symbol = sym.status[finding2.status];
  const head = `${symbol} ${finding2.id}  `;
  const lines = [
    `${style(STATUS_COLOR[finding2.status], symbol)} ${style("bold", finding2.id)}  ${wrap(finding2.summary, width, head.length, DETAIL_INDENT)}`
  ];
  for (const detail of finding2.details) {
    lines.push(`${DETAIL_INDENT}${wrap(detail, width, DETAIL_INDENT.length, DETAIL_INDENT)}`);
  }
  if (finding2.fix !== null) {
    const fixIndent = DETAIL_INDENT + " ".repeat(FIX_LABEL.length);
    const fix = wrap(finding2.fix, width, fixIndent.length, fixIndent);
    lines.push(`${DETAIL_INDENT}${style(["bold", "cyan"], FIX_LABEL.trimEnd())} ${fix}`);
  }
  return lines.join("\n");
}
var SAME_SKIP_GROUP = 3;
function briefLines(findings, width, sym, style) {
  const sameSkip = skipGroups(findings);
  const groupOf = (finding2) => finding2.status === "skip" ? sameSkip.get(finding2.summary) : void 0;
  const shown = findings.filter((finding2) => (groupOf(finding2)?.[0] ?? finding2) === finding2);
  const idWidth = Math.max(...shown.map((f) => f.id.length));
  const symbolWidth = Math.max(...shown.map((f) => sym.status[f.status].length));
  return shown.map((finding2) => {
    const group = groupOf(finding2);
    const symbol = sym.status[finding2.status].padEnd(symbolWidth);
    const head = `${symbol} ${finding2.id.padEnd(idWidth)}  `;
    const indent = " ".repeat(head.length);
    const summary = wrap(finding2.summary, width, head.length, indent);
    const lines = [`${style(STATUS_COLOR[finding2.status], symbol)} ${finding2.id.padEnd(idWidth)}  ${summary}`];
    if (group !== void 0) {
      const rest = `Also skipped: ${group.slice(1).map((f) => f.id).join(", ")}.`;
      lines.push(`${indent}${wrap(rest, width, indent.length, indent)}`);
    }
    const text = lines.join("\n");
    return finding2.status === "skip" ? style("dim", text) : text;
  }).join("\n");
}
function skipGroups(findings) {
  const byReason = /* @__PURE__ */ new Map();
  for (const finding2 of findings) {
    if (finding2.status !== "skip") continue;
    byReason.set(finding2.summary, [...byReason.get(finding2.summary) ?? [], finding2]);
  }
  return new Map([...byReason].filter(([, group]) => group.length >= SAME_SKIP_GROUP));
}
function count(findings, status) {
  return findings.filter((f) => f.status === status).length;
}
function formatDate(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

// src/report/json.ts
function renderJson(report) {
  return `${escapeC1(JSON.stringify(report, null, 2))}
`;
}
function escapeC1(json) {
  return json.replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

// src/token/mask.ts
function maskToken(token2) {
  const text = token2.trim();
  const prefix = TOKEN_PREFIXES.find((p) => text.startsWith(p)) ?? "";
  return `${prefix}****`;
}

// src/trace/redact.ts
var FILL = "REDACTED";
var EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
var EMAIL_PLACEHOLDER = "redacted@example.invalid";
var BASIC_USER2 = "crpat";
var FRAGMENT = 16;
function createRedactor(token2, options = {}) {
  const counts = { token: 0, "registry-token": 0, "sso-code": 0, "public-key": 0, "secret-value": 0, email: 0 };
  const prefix = TOKEN_PREFIXES.find((p) => token2.startsWith(p)) ?? "";
  const tokenPlaceholder = prefix + shaped(token2.slice(prefix.length));
  const forms = [];
  const addForms = (value, placeholder, kind) => {
    if (value.length < 4) return;
    forms.push({ from: value, to: placeholder, kind });
    const encoded = encodeURIComponent(value);
    if (encoded !== value) forms.push({ from: encoded, to: encodeURIComponent(placeholder), kind });
    forms.sort((a, b) => b.from.length - a.from.length);
  };
  if (token2 !== "") {
    addForms(token2, tokenPlaceholder, "token");
    const basic = (t) => Buffer.from(`${BASIC_USER2}:${t}`).toString("base64");
    addForms(basic(token2), basic(tokenPlaceholder), "token");
    for (const core of base64Cores(token2)) addForms(core, shaped(core), "token");
  }
  const secret = token2.slice(prefix.length);
  return {
    tokenPlaceholder,
    add(value, kind) {
      if (value === "" || forms.some((f) => f.from === value)) return;
      addForms(value, shaped(value), kind);
    },
    text(text) {
      let out = text;
      for (const form of forms) {
        if (!out.includes(form.from)) continue;
        const parts = out.split(form.from);
        counts[form.kind] += parts.length - 1;
        out = parts.join(form.to);
      }
      if (options.emails !== false) out = out.replace(EMAIL, (address) => {
        if (address === EMAIL_PLACEHOLDER) return address;
        counts.email += 1;
        return EMAIL_PLACEHOLDER;
      });
      return withoutFragments(out, secret, () => counts.token += 1);
    },
    counts: () => ({ ...counts })
  };
}
function shaped(value) {
  let at = 0;
  return value.replace(/[A-Za-z0-9]/g, () => FILL[at++ % FILL.length]);
}
function base64Cores(value) {
  const bytes = Buffer.from(value);
  const cores = [];
  for (const lead of [0, 1, 2]) {
    const encoded = Buffer.concat([Buffer.alloc(lead), bytes]).toString("base64").replace(/=+$/, "");
    const core = encoded.slice(Math.ceil(lead * 8 / 6), -2);
    if (core.length >= FRAGMENT) cores.push(core, core.replaceAll("+", "-").replaceAll("/", "_"));
  }
  return [...new Set(cores)];
}
function withoutFragments(text, secret, counted) {
  if (secret.length < FRAGMENT) return text;
  let out = text;
  for (let at = 0; at + FRAGMENT <= secret.length; at += 1) {
    const piece = secret.slice(at, at + FRAGMENT);
    if (!out.includes(piece)) continue;
    const parts = out.split(piece);
    for (let i = 1; i < parts.length; i++) counted();
    out = parts.join(shaped(piece));
  }
  return out;
}

// src/trace/document.ts
var TRACE_HEADERS = [
  "content-type",
  "content-length",
  "location",
  "www-authenticate",
  "retry-after",
  "link",
  "x-oauth-scopes",
  "x-accepted-oauth-scopes",
  "x-accepted-github-permissions",
  "x-oauth-client-id",
  "github-authentication-token-expiration",
  "x-github-sso",
  "x-github-request-id",
  "x-github-media-type",
  "x-github-api-version-selected",
  "x-ratelimit-limit",
  "x-ratelimit-remaining",
  "x-ratelimit-reset",
  "x-ratelimit-used",
  "x-ratelimit-resource",
  "docker-distribution-api-version",
  "docker-upload-uuid",
  "range"
];
var REQUEST_HEADERS = ["authorization", "accept", "content-type", "x-github-api-version"];
var CUT_BODY_BYTES = 1024;
var WHAT = {
  token: "the token, in every form (as is, URL-encoded, inside the Basic credential, base64 at any alignment, any 16 of its characters)",
  "registry-token": "the registry's bearer tokens (from its token service, and wherever they were sent back)",
  "sso-code": "SAML SSO authorization codes (X-GitHub-SSO authorization_request=\u2026)",
  "public-key": "public keys for Actions secrets",
  "secret-value": "encrypted secret values",
  email: "e-mail addresses"
};
function buildTrace(input2) {
  const redactor = createRedactor(input2.token);
  const ordered = [...input2.exchanges].sort((a, b) => a.startedAt - b.startedAt);
  const timeoutMs = input2.options.timeoutSeconds * 1e3;
  const drafts = ordered.map((exchange2) => draft(exchange2, input2.startedAt, timeoutMs));
  for (const exchange2 of drafts) learnSecrets(exchange2, redactor);
  const shape = input2.shape ?? recognizeToken(input2.token);
  const body = {
    crpat: input2.version,
    time: input2.time.toISOString(),
    options: input2.options,
    token: { kind: shape.kind, label: shape.label, masked: maskToken(input2.token), problem: shape.problem?.code ?? null },
    exchanges: drafts,
    report: input2.report
  };
  const clean = redactDeep(body, redactor);
  const counts = redactor.counts();
  const placeholders = {
    token: redactor.tokenPlaceholder,
    "registry-token": "REDACTED\u2026 (same length)",
    "sso-code": "REDACTED\u2026 (same length)",
    "public-key": "REDACTED\u2026 (same length)",
    "secret-value": "REDACTED\u2026 (same length)",
    email: "redacted@example.invalid"
  };
  const redacted = Object.keys(WHAT).map((kind) => ({ what: WHAT[kind], kind, placeholder: placeholders[kind], count: counts[kind] }));
  return { crpatTrace: 1, redacted, ...clean };
}
function renderTrace(trace) {
  return `${JSON.stringify(trace, null, 2)}
`;
}
function draft(exchange2, runStart, timeoutMs) {
  const url = new URL(exchange2.url);
  const request2 = {};
  for (const name of REQUEST_HEADERS) {
    const value = exchange2.requestHeaders.get(name);
    if (value !== null) request2[name] = value;
  }
  const headers = {};
  for (const name of TRACE_HEADERS) {
    const value = exchange2.responseHeaders?.get(name);
    if (value !== null && value !== void 0) headers[name] = value;
  }
  const kept = exchange2.cancelled ? exchange2.body.subarray(0, CUT_BODY_BYTES) : exchange2.body;
  const error = exchange2.failure ? toNetError(exchange2.failure.error, url.host, timeoutMs) : null;
  return {
    method: exchange2.method,
    url: exchange2.url,
    request: request2,
    status: exchange2.status,
    headers,
    ...bodyOf2(kept, headers["content-type"] ?? "", !exchange2.cancelled && kept.byteLength === exchange2.bodyBytes),
    bodyBytes: exchange2.bodyBytes,
    ...kept.byteLength < exchange2.bodyBytes ? { bodyCut: true } : {},
    ...exchange2.cancelled ? { cancelled: true } : {},
    ...error && exchange2.failure ? { error: { phase: exchange2.failure.phase, kind: error.kind, message: error.message } } : {},
    at: Math.max(0, Math.round(exchange2.startedAt - runStart)),
    ms: exchange2.ms
  };
}
function bodyOf2(bytes, contentType, whole) {
  if (bytes.byteLength === 0) return {};
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { body: Buffer.from(bytes).toString("base64"), bodyEncoding: "base64" };
  }
  if (whole && /\bjson\b/i.test(contentType)) {
    try {
      return { json: JSON.parse(text) };
    } catch {
    }
  }
  return { body: text };
}
function learnSecrets(exchange2, redactor) {
  const sso = exchange2.headers["x-github-sso"];
  for (const match of sso?.matchAll(/authorization_request=([^&;,\s]+)/g) ?? []) redactor.add(match[1], "sso-code");
  const auth = exchange2.request["authorization"];
  const bearer = auth ? /^Bearer\s+(\S+)$/i.exec(auth) : null;
  if (bearer && exchange2.url.includes("/v2/")) redactor.add(bearer[1], "registry-token");
  const json = exchange2.json;
  if (typeof json !== "object" || json === null) return;
  const record = json;
  for (const field of ["token", "access_token", "refresh_token"]) {
    const value = record[field];
    if (typeof value === "string") redactor.add(value, "registry-token");
  }
  if (typeof record["key"] === "string" && "key_id" in record) redactor.add(record["key"], "public-key");
  if (typeof record["encrypted_value"] === "string") redactor.add(record["encrypted_value"], "secret-value");
}
function redactDeep(value, redactor) {
  if (typeof value === "string") return redactor.text(value);
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, redactor));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactDeep(item, redactor)]));
  }
  return value;
}

// src/trace/recorder.ts
function createTraceRecorder(clock = { now: () => /* @__PURE__ */ new Date(), performanceNow: () => performance.now() }) {
  const time = clock.now();
  const startedAt = clock.performanceNow();
  const exchanges = [];
  return {
    onExchange: (exchange2) => void exchanges.push(exchange2),
    finish: ({ options, token: token2, shape, report }) => buildTrace({ version: VERSION3, time, startedAt, options: { ...options, registry: registryOrigin(options.registry, report) }, token: token2, ...shape ? { shape } : {}, exchanges, report })
  };
}
function registryOrigin(given, report) {
  const first = "results" in report ? report.results[0] : report;
  const fallback = first ? `https://${first.target.registry}` : defaultEndpoints("github.com").registry;
  const parsed = parseRegistry(given ?? fallback);
  return parsed.ok ? parsed.value.origin : fallback;
}

// src/action/missing-token.ts
var PR_EVENTS = /* @__PURE__ */ new Set(["pull_request", "pull_request_review", "pull_request_review_comment"]);
var CHECK_SECRET = "Check that the secret exists (repository or organization Settings \u2192 Secrets and variables \u2192 Actions, and for an organization secret that this repository may read it), that the name in ${{ secrets.NAME }} is spelt exactly, and that a called reusable workflow receives it (secrets: inherit or an explicit secrets: entry).";
function diagnoseMissingToken(env, event) {
  const eventName = env["GITHUB_EVENT_NAME"] ?? "";
  if (env["GITHUB_ACTOR"] === "dependabot[bot]" || env["GITHUB_TRIGGERING_ACTOR"] === "dependabot[bot]") {
    return {
      cause: "dependabot",
      message: `The token input is empty: this run was triggered by Dependabot (${eventName || "event"}), and such runs get no Actions secrets, only Dependabot secrets. Add the secret under Settings \u2192 Secrets and variables \u2192 Dependabot as well, or skip this step when github.actor is dependabot[bot].`
    };
  }
  if (PR_EVENTS.has(eventName)) {
    const fork = isForkPullRequest(event);
    if (fork !== false) {
      return {
        cause: fork ? "fork" : "maybe-fork",
        message: `The token input is empty: ${fork ? "this" : "if this"} ${eventName} run is for a pull request from a fork, GitHub gives it no secrets (only a read-only GITHUB_TOKEN). Run the push on push events, or skip this step for pull requests from forks. ${fork ? "" : CHECK_SECRET}`.trim()
      };
    }
  }
  return { cause: "missing", message: `The token input is empty: the secret is missing, misspelt, or not given to this run. ${CHECK_SECRET}` };
}
function isForkPullRequest(event) {
  const pr = event?.pull_request;
  if (!pr) return null;
  const head = pr.head?.repo;
  const base = pr.base?.repo;
  if (head === null) return true;
  if (typeof head?.full_name !== "string" || typeof base?.full_name !== "string") return null;
  return head.full_name.toLowerCase() !== base.full_name.toLowerCase();
}

// src/action/outcome.ts
function exitCodeFor(report, failOn) {
  if (report.verdict !== "pass") return 1;
  return failOn === "warn" && report.checks.some((c) => c.status === "warn") ? 1 : 0;
}
function annotationsFor(report, failOn) {
  const lines = report.checks.map((finding2) => {
    switch (finding2.status) {
      case "fail":
        return annotation("error", finding2.id, message(finding2));
      case "error":
        return annotation("error", finding2.id, `Could not be decided: ${message(finding2)}`);
      case "warn":
        return annotation("warning", finding2.id, message(finding2));
      default:
        return "";
    }
  });
  const warned = report.checks.filter((c) => c.status === "warn").length;
  if (failOn === "warn" && warned > 0 && report.verdict === "pass") {
    const checks = warned === 1 ? "1 check warned" : `${warned} checks warned`;
    lines.push(annotation("error", "fail-on: warn", `The token can push to ${report.target.image}, but ${checks} and fail-on is warn.`));
  }
  if (report.verdict === "inconclusive") {
    lines.push(annotation("error", "crpat", `Could not decide whether this token can push to ${report.target.image}; the step fails rather than let an unverified token through. Re-run it, or see the checks above.`));
  }
  return lines.join("");
}
function message(finding2) {
  const text = finding2.fix === null ? finding2.summary : `${finding2.summary} \u2014 ${finding2.fix}`;
  const step = guideStepOf(finding2);
  return step === void 0 ? text : `${text}
${runnerGuideLine(step)}`;
}
function guideStepOf(finding2) {
  return finding2.details.map((detail) => GUIDE_LINE.exec(detail)?.[1]).find((anchor) => anchor !== void 0);
}
var GUIDE_LINE = /^Guide: crpat guide ([a-z0-9-]+)$/;
var runnerGuideCommand = (step) => `npx ${guideCommand(step)}`;
var runnerGuideLine = (step) => `Guide: ${runnerGuideCommand(step)}`;
function forRunnerLog(report) {
  const checks = report.checks.map((finding2) => ({
    ...finding2,
    details: finding2.details.map((detail) => {
      const step = GUIDE_LINE.exec(detail)?.[1];
      return step === void 0 ? detail : runnerGuideLine(step);
    })
  }));
  return { ...report, checks };
}

// src/action/summary.ts
var STATUS = {
  pass: "\u2705 pass",
  fail: "\u274C fail",
  warn: "\u26A0\uFE0F warn",
  skip: "\u23ED\uFE0F skip",
  error: "\u2753 error"
};
var HEADLINE = {
  pass: (image) => `\u2705 This token can push to \`${image}\``,
  fail: (image) => `\u274C This token cannot push to \`${image}\``,
  inconclusive: (image) => `\u2753 Could not decide whether this token can push to \`${image}\``
};
function renderSummary(report) {
  const { kind, login, expiresAt, scopes } = report.token;
  const about = [`Token: ${kind}`, login ? `of ${code(login)}` : null, expiresAt ? `expires ${cell(expiresAt)}` : "no expiry known"];
  const lines = [
    `### crpat: ${HEADLINE[report.verdict](report.target.image)}`,
    "",
    `${about.filter(Boolean).join(", ")}${scopes.length > 0 ? `; scopes: ${scopes.map(code).join(", ")}` : ""}.`,
    "",
    "| Check | Status | Summary | Fix |",
    "| --- | --- | --- | --- |",
    ...report.checks.map((c) => `| \`${c.id}\` | ${STATUS[c.status]} | ${cell(c.summary)} | ${fixCell(c)} |`)
  ];
  return `${lines.join("\n")}

`;
}
function fixCell(finding2) {
  const step = guideStepOf(finding2);
  const guide = step === void 0 ? "" : `Guide: \`${runnerGuideCommand(step)}\``;
  return [finding2.fix === null ? "" : cell(finding2.fix), guide].filter(Boolean).join("<br>");
}
function renderProblemSummary(title, message2) {
  return `### crpat: \u274C ${cell(title)}

${cell(message2)}

`;
}
function code(text) {
  return /^[A-Za-z0-9:._-]+$/.test(text) ? `\`${text}\`` : cell(text.replace(/[\\`*_[\]()#!~]/g, (c) => `\\${c}`));
}
function cell(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
}

// src/action/run.ts
async function runAction(env, deps) {
  const token2 = input(env, "token");
  if (token2 !== "") deps.write(addMask(token2));
  const io = scrubbed(deps, env, token2);
  try {
    const inputs = readInputs(env);
    if (!inputs.ok) return await problem2(io, "crpat", inputs.reason);
    if (token2 === "") return await missingToken(io, env, deps);
    const recorder = inputs.value.trace !== null ? createTraceRecorder(deps.now ? { now: deps.now, performanceNow: () => performance.now() } : void 0) : null;
    const report = await deps.checkToken(checkOptions(inputs.value), { ...checkDeps(deps), ...recorder ? { onExchange: recorder.onExchange } : {} });
    if (recorder) await writeTrace(io, deps, inputs.value, recorder.finish({ options: traceOptions(inputs.value, report), token: token2, report }));
    io.write(verbatim(renderHuman(forRunnerLog(report), { color: false, unicode: true, quiet: false, width: 0 }), `crpat-${(deps.randomUUID ?? randomUUID)()}`));
    io.write(annotationsFor(report, inputs.value.failOn));
    await io.outputs({
      verdict: report.verdict,
      login: report.token.login ?? "",
      "expires-at": report.token.expiresAt ?? "",
      "days-left": daysLeft(report.token.expiresAt, (deps.now ?? (() => /* @__PURE__ */ new Date()))()),
      json: renderJson(report).trimEnd()
    });
    await io.summary(renderSummary(report));
    return exitCodeFor(report, inputs.value.failOn);
  } catch (error) {
    if (error instanceof UsageError) return await problem2(io, "crpat", error.message);
    const text = error instanceof Error ? error.message : String(error);
    io.write(annotation("error", "crpat", `internal error: ${text}`));
    return 1;
  }
}
function scrubbed(deps, env, token2) {
  const scrub = (text) => token2 === "" ? text : text.split(token2).join("***");
  const write = (text) => deps.write(scrub(text));
  const append = async (variable, text) => {
    const path = env[variable];
    if (!path) return write(annotation("warning", "crpat", `${variable} is not set, so nothing was written to it.`));
    await deps.appendFile(path, scrub(text));
  };
  const uuid = deps.randomUUID ?? randomUUID;
  return {
    write,
    outputs: (values) => append("GITHUB_OUTPUT", Object.entries(values).map(([name, value]) => outputEntry(name, value, `ghadelimiter_${uuid()}`)).join("")),
    summary: (markdown) => append("GITHUB_STEP_SUMMARY", markdown)
  };
}
async function problem2(io, title, message2) {
  io.write(annotation("error", title, message2));
  await io.summary(renderProblemSummary(title, message2));
  return 1;
}
async function missingToken(io, env, deps) {
  const diagnosis = diagnoseMissingToken(env, await readEvent(env, deps));
  io.write(annotation("error", "token", diagnosis.message));
  await io.outputs({ verdict: "fail", login: "", "expires-at": "", "days-left": "", json: "" });
  await io.summary(renderProblemSummary("The token input is empty", diagnosis.message));
  return 1;
}
async function readEvent(env, deps) {
  const path = env["GITHUB_EVENT_PATH"];
  if (!path) return null;
  try {
    return JSON.parse(await deps.readFile(path));
  } catch {
    return null;
  }
}
async function writeTrace(io, deps, inputs, trace) {
  const path = inputs.trace ?? "";
  try {
    if (!deps.writeFile) throw new Error("no file system");
    await deps.writeFile(path, renderTrace(trace));
    io.write(`Trace written to ${path}: upload it with actions/upload-artifact and attach it to a Wrong verdict issue: ${WRONG_VERDICT_FORM}
`);
  } catch (error) {
    const code2 = error.code;
    io.write(annotation("warning", "crpat", `The trace could not be written to ${path}${code2 ? ` (${code2})` : ""}.`));
  }
}
function traceOptions(inputs, report) {
  return {
    apiUrl: report.target.apiUrl,
    registry: inputs.registry,
    repositories: [report.target.repository],
    image: inputs.image,
    profile: inputs.profile,
    timeoutSeconds: 10,
    workflowRepository: inputs.workflowRepository
  };
}
function checkOptions(inputs) {
  return {
    repository: inputs.repository,
    token: inputs.token,
    profile: inputs.profile,
    expiryWarnDays: inputs.warnDays,
    ...inputs.workflowRepository !== null ? { workflowRepository: inputs.workflowRepository } : {},
    ...inputs.image !== null ? { image: inputs.image } : {},
    apiUrl: inputs.apiUrl,
    registry: inputs.registry
  };
}
function daysLeft(expiresAt, now) {
  if (expiresAt === null) return "";
  const at = Date.parse(expiresAt);
  return Number.isNaN(at) ? "" : String(Math.floor((at - now.getTime()) / 864e5));
}
function checkDeps(deps) {
  return { settingWords: INPUT_WORDS, ...deps.fetch ? { fetch: deps.fetch } : {}, ...deps.now ? { now: deps.now } : {} };
}

// src/action/main.ts
runAction(process.env, {
  write: (text) => void process.stdout.write(text),
  appendFile: (path, text) => appendFile(path, text, "utf8"),
  readFile: (path) => readFile(path, "utf8"),
  writeFile: (path, text) => writeFile(path, text, "utf8"),
  checkToken
}).then(
  (code2) => {
    process.exitCode = code2;
  },
  (error) => {
    const token2 = input(process.env, "token");
    const text = error instanceof Error ? error.message : String(error);
    process.stdout.write(`::error title=crpat::${escapeData(`internal error: ${token2 ? text.split(token2).join("***") : text}`)}
`);
    process.exitCode = 1;
  }
);
/*! Bundled license information:

content-type/dist/index.js:
  (*!
   * content-type
   * Copyright(c) 2015 Douglas Christopher Wilson
   * MIT Licensed
   *)

@octokit/request-error/dist-src/index.js:
  (* v8 ignore else -- @preserve -- Bug with vitest coverage where it sees an else branch that doesn't exist *)

@octokit/request/dist-bundle/index.js:
  (* v8 ignore next -- @preserve *)
  (* v8 ignore else -- @preserve *)
*/
