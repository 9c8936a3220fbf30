/** Auth settings the host reads from its configuration and passes in (apps/server/src/config.ts). */
export interface AuthSettings {
  /** A session unused this long ends (sliding). */
  sessionIdleTimeoutMs: number;
  /** A session ends this long after sign-in whatever its use. */
  sessionMaxAgeMs: number;
  /** The web app's root, for links in emails (verify, reset) and certificate share links. */
  publicWebUrl: string;
  /** How long a deleted account is kept before its personal data is erased. */
  accountErasureDelayMs: number;
  /**
   * Register, forgot-password and resend-verification answer no sooner than this, so the time
   * taken does not tell whether the address has an account.
   */
  responseFloorMs: number;
}

export const DAY_MS = 24 * 60 * 60 * 1000;
export const VERIFICATION_TOKEN_TTL_MS = DAY_MS;
export const RESET_TOKEN_TTL_MS = 60 * 60 * 1000;

export const defaultAuthSettings: AuthSettings = {
  sessionIdleTimeoutMs: 7 * DAY_MS,
  sessionMaxAgeMs: 30 * DAY_MS,
  publicWebUrl: 'http://localhost:5173',
  accountErasureDelayMs: 30 * DAY_MS,
  responseFloorMs: 250,
};

export function webLink(settings: Pick<AuthSettings, 'publicWebUrl'>, pathAndQuery: string): string {
  return settings.publicWebUrl.replace(/\/+$/, '') + pathAndQuery;
}

/**
 * Runs `fn` and resolves no sooner than `floorMs` after the start (real time, not the domain
 * clock: this is about what an observer can measure). Errors wait too.
 */
export async function withResponseFloor<T>(floorMs: number, fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const wait = () => {
    const left = floorMs - (performance.now() - started);
    return left > 0 ? new Promise<void>((r) => setTimeout(r, left)) : Promise.resolve();
  };
  try {
    const out = await fn();
    await wait();
    return out;
  } catch (err) {
    await wait();
    throw err;
  }
}
