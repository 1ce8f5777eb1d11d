import { CANCELLED, type Cancelled, type Prompter, type Validate } from '../../src/io/prompter.js';

type Expectation =
  | { kind: 'confirm'; message: string | RegExp; answer: boolean | Cancelled; initial?: boolean }
  | { kind: 'text'; message: string | RegExp; answers: Array<string | Cancelled> }
  | { kind: 'password'; message: string | RegExp; answers: Array<string | Cancelled> };

export interface PromptCall {
  kind: Expectation['kind'];
  message: string;
  /** For confirm: the default offered. */
  initial?: boolean;
  /** Messages `validate` gave for rejected answers, in order. */
  rejected: string[];
}

/**
 * A queued fake prompter (gh's MockPrompter): each prompt must match the next expectation, an unexpected prompt throws,
 * and `verify()` throws when an expected prompt was never asked. For text/password, several answers can be queued:
 * each is run through `validate` like a person typing again after an error, and the first accepted one is returned.
 */
export class FakePrompter implements Prompter {
  private readonly queue: Expectation[] = [];
  readonly calls: PromptCall[] = [];
  /** Mismatches, kept because the code under test may catch the thrown error (run() turns it into exit 3). */
  private readonly failures: string[] = [];

  expectConfirm(message: string | RegExp, answer: boolean | 'cancel', initial?: boolean): this {
    this.queue.push({
      kind: 'confirm',
      message,
      answer: answer === 'cancel' ? CANCELLED : answer,
      ...(initial !== undefined ? { initial } : {}),
    });
    return this;
  }

  expectText(message: string | RegExp, ...answers: Array<string | 'cancel'>): this {
    this.queue.push({ kind: 'text', message, answers: answers.map(toAnswer) });
    return this;
  }

  expectPassword(message: string | RegExp, ...answers: Array<string | 'cancel'>): this {
    this.queue.push({ kind: 'password', message, answers: answers.map(toAnswer) });
    return this;
  }

  async confirm(message: string, initial: boolean): Promise<boolean | Cancelled> {
    const expected = this.next('confirm', message);
    this.calls.push({ kind: 'confirm', message, initial, rejected: [] });
    if (expected.kind !== 'confirm') throw new Error('unreachable');
    if (expected.initial !== undefined && expected.initial !== initial) {
      this.fail(`confirm "${message}": default was ${initial}, expected ${expected.initial}`);
    }
    return expected.answer;
  }

  async text(message: string, validate: Validate): Promise<string | Cancelled> {
    return this.answer('text', message, validate);
  }

  async password(message: string, validate?: Validate): Promise<string | Cancelled> {
    return this.answer('password', message, validate);
  }

  /** Throws when queued prompts were never asked. */
  verify(): void {
    if (this.failures.length > 0) throw new Error(this.failures.join('\n'));
    if (this.queue.length > 0) {
      throw new Error(`expected prompts never asked: ${this.queue.map((e) => `${e.kind} ${String(e.message)}`).join('; ')}`);
    }
  }

  private answer(kind: 'text' | 'password', message: string, validate: Validate | undefined): string | Cancelled {
    const expected = this.next(kind, message);
    if (expected.kind === 'confirm') throw new Error('unreachable');
    const call: PromptCall = { kind, message, rejected: [] };
    this.calls.push(call);
    for (const answer of expected.answers) {
      if (answer === CANCELLED) return CANCELLED;
      const problem = validate?.(answer);
      if (problem === undefined) return answer;
      call.rejected.push(problem);
    }
    return this.fail(`${kind} "${message}": every queued answer was rejected: ${call.rejected.join(' | ')}`);
  }

  private next(kind: Expectation['kind'], message: string): Expectation {
    const expected = this.queue.shift();
    if (!expected) return this.fail(`unexpected ${kind} prompt: "${message}"`);
    if (expected.kind !== kind) return this.fail(`expected a ${expected.kind} prompt, got ${kind}: "${message}"`);
    const matches = typeof expected.message === 'string' ? expected.message === message : expected.message.test(message);
    if (!matches) return this.fail(`${kind} prompt "${message}" does not match ${String(expected.message)}`);
    return expected;
  }

  private fail(message: string): never {
    this.failures.push(message);
    throw new Error(message);
  }
}

function toAnswer(answer: string): string | Cancelled {
  return answer === 'cancel' ? CANCELLED : answer;
}
