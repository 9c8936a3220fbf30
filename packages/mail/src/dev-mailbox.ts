// The local mailer: every email is kept as a JSON file under .data/mail (git-ignored), so the
// dev server can list what a separate worker process sent, and its links are printed in the log.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Mailer, OutgoingEmail } from './mailer';

export interface DevMailboxMessage {
  id: string;
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** The http(s) links found in the text, in order: what a developer clicks. */
  links: string[];
  idempotencyKey: string;
  /** ISO 8601. */
  sentAt: string;
  /** Files sent with it, their content in base64 (absent when there were none). */
  attachments?: DevMailboxAttachment[];
}

export interface DevMailboxAttachment {
  filename: string;
  contentType: string;
  sizeBytes: number;
  /** Base64. */
  content: string;
}

/** A message as listed: everything but the HTML body and the attachments' content. */
export type DevMailboxSummary = Omit<DevMailboxMessage, 'html' | 'attachments'> & {
  attachments?: Omit<DevMailboxAttachment, 'content'>[];
};

export interface DevMailboxOptions {
  /** Where messages are kept. Default `<repo>/.data/mail`. */
  dir?: string;
  from?: string;
  /** Receives one line per delivered email. Default console.log; pass `() => {}` for silence. */
  log?: (line: string) => void;
  now?: () => Date;
}

/** `<repo>/.data/mail`: this file and the server's bundle both sit three levels below the repo. */
export function defaultDevMailDir(): string {
  return fileURLToPath(new URL('../../../.data/mail', import.meta.url));
}

const ID = /^[0-9a-f]{32}$/;

export class DevMailbox implements Mailer {
  readonly dir: string;
  private readonly from: string;
  private readonly log: (line: string) => void;
  private readonly now: () => Date;

  constructor(opts: DevMailboxOptions = {}) {
    this.dir = opts.dir ?? defaultDevMailDir();
    this.from = opts.from ?? 'LearninGPT <no-reply@learningpt.dev>';
    this.log = opts.log ?? ((line) => console.log(line));
    this.now = opts.now ?? (() => new Date());
  }

  async send(message: OutgoingEmail): Promise<{ id: string }> {
    // The id is derived from the idempotency key, so a second send of the same email finds the first.
    const id = createHash('sha256').update(message.idempotencyKey).digest('hex').slice(0, 32);
    const stored: DevMailboxMessage = {
      id,
      from: this.from,
      to: message.to,
      subject: message.subject,
      html: message.html,
      text: message.text,
      links: extractLinks(message.text),
      idempotencyKey: message.idempotencyKey,
      sentAt: this.now().toISOString(),
      ...(message.attachments?.length
        ? {
            attachments: message.attachments.map((a) => ({
              filename: a.filename,
              contentType: a.contentType,
              sizeBytes: a.content.byteLength,
              content: Buffer.from(a.content).toString('base64'),
            })),
          }
        : {}),
    };
    await fs.mkdir(this.dir, { recursive: true });
    // Written whole to a temporary name, then linked into place: link() fails if the message
    // exists, which makes the dedup atomic across processes, and readers never see half a file.
    const tmp = path.join(this.dir, `.${id}.${randomBytes(4).toString('hex')}.tmp`);
    await fs.writeFile(tmp, JSON.stringify(stored, null, 2));
    try {
      await fs.link(tmp, this.file(id));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      return { id }; // already delivered
    } finally {
      await fs.rm(tmp, { force: true });
    }
    const files = stored.attachments?.length ? ` (+ ${stored.attachments.map((a) => a.filename).join(', ')})` : '';
    const links = (stored.links.length ? ` — ${stored.links.join(' ')}` : '') + files;
    this.log(`✉ to ${stored.to}: ${stored.subject}${links}`);
    return { id };
  }

  /** Every kept message, newest first, without the HTML. */
  async list(): Promise<DevMailboxSummary[]> {
    const names = await fs.readdir(this.dir).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return [] as string[];
      throw err;
    });
    const messages = await Promise.all(
      names
        .filter((n) => ID.test(n.replace(/\.json$/, '')) && n.endsWith('.json'))
        .map((n) => this.read(n.slice(0, -5))),
    );
    return messages
      .filter((m): m is DevMailboxMessage => m !== undefined)
      .sort((a, b) => b.sentAt.localeCompare(a.sentAt) || a.id.localeCompare(b.id))
      .map(({ html: _html, attachments, ...summary }) =>
        attachments ? { ...summary, attachments: attachments.map(({ content: _content, ...a }) => a) } : summary,
      );
  }

  /** One message, or undefined when there is none with that id. */
  async get(id: string): Promise<DevMailboxMessage | undefined> {
    return ID.test(id) ? this.read(id) : undefined;
  }

  /** Removes every kept message (tests). */
  async clear(): Promise<void> {
    await fs.rm(this.dir, { recursive: true, force: true });
  }

  private file(id: string): string {
    return path.join(this.dir, `${id}.json`);
  }

  private async read(id: string): Promise<DevMailboxMessage | undefined> {
    try {
      return JSON.parse(await fs.readFile(this.file(id), 'utf8')) as DevMailboxMessage;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }
}

/** The http(s) URLs in a plain-text body, without trailing punctuation, each once. */
export function extractLinks(text: string): string[] {
  const found = text.match(/https?:\/\/[^\s<>"'()]+/g) ?? [];
  return [...new Set(found.map((l) => l.replace(/[.,;:!?]+$/, '')))];
}
