// Rows for the catalog / learning / reviews tests, written straight to the database (not through
// the code under test), so each test starts from a state it fully knows.
import { expect } from 'vitest';
import type { EnrollmentSource, ProgramLevel, ProgramStatus } from '@learningpt/db';
import type { Caller, Role, TestServer } from './harness';

let seq = 0;
const unique = () => `${Date.now().toString(36)}-${(++seq).toString(36)}`;

export interface TestUser {
  id: string;
  name: string;
  caller: Caller;
  token: string;
}

/** A fresh, active, verified user of this role, signed in with a real session. */
export async function makeUser(s: TestServer, role: Role, name = `Test ${role} ${seq + 1}`): Promise<TestUser> {
  const user = await s.db.user.create({
    data: { email: `${role}.${unique()}@example.org`, name, role, emailVerified: true },
  });
  const { token } = await s.sessionFor(role, user.id);
  return { id: user.id, name, caller: s.withToken(token), token };
}

export interface TestProgram {
  id: string;
  slug: string;
  title: string;
  sectionIds: string[];
  /** Lessons in order; the first one is a preview lesson. */
  lessonIds: string[];
}

/** A program with `sections` × `lessonsPerSection` lessons (the very first lesson is a preview). */
export async function makeProgram(
  s: TestServer,
  opts: {
    ownerId: string;
    status?: ProgramStatus;
    /** chatbot, documentation, examSimulator, bundle in cents, or 'free'. */
    prices?: readonly [number, number, number, number] | 'free';
    level?: ProgramLevel;
    sections?: number;
    lessonsPerSection?: number;
    deleted?: boolean;
  },
): Promise<TestProgram> {
  const category = await s.db.category.findFirstOrThrow({ where: { isActive: true }, orderBy: { sortOrder: 'asc' } });
  const prices = opts.prices === 'free' ? [0, 0, 0, 0] : (opts.prices ?? [999, 1499, 1999, 3499]);
  const slug = `test-program-${unique()}`;
  const now = s.clock.now();
  const program = await s.db.program.create({
    data: {
      slug,
      title: `Test Program ${slug}`,
      description: 'A program made by the test fixtures.',
      categoryId: category.id,
      instructorId: opts.ownerId,
      status: opts.status ?? 'published',
      level: opts.level ?? 'intermediate',
      priceChatbot: prices[0],
      priceDocumentation: prices[1],
      priceExamSimulator: prices[2],
      priceBundle: prices[3],
      publishedAt: opts.status === 'draft' ? null : now,
      deletedAt: opts.deleted ? now : null,
    },
  });
  const sectionIds: string[] = [];
  const lessonIds: string[] = [];
  for (let si = 0; si < (opts.sections ?? 2); si++) {
    const section = await s.db.curriculumSection.create({
      data: { programId: program.id, title: `Section ${si + 1}`, position: si },
    });
    sectionIds.push(section.id);
    for (let li = 0; li < (opts.lessonsPerSection ?? 2); li++) {
      const lesson = await s.db.lesson.create({
        data: {
          programId: program.id,
          sectionId: section.id,
          title: `Lesson ${si + 1}.${li + 1}`,
          slug: `lesson-${si + 1}-${li + 1}`,
          position: li,
          durationMinutes: 10 + li,
          content: `<p>Content of lesson ${si + 1}.${li + 1}</p>`,
          isPreview: si === 0 && li === 0,
        },
      });
      lessonIds.push(lesson.id);
    }
  }
  return { id: program.id, slug, title: program.title, sectionIds, lessonIds };
}

/** An enrollment as a purchase / grant would leave it, with the program's counter kept in step. */
export async function enrollDirectly(
  s: TestServer,
  userId: string,
  programId: string,
  opts: {
    source?: EnrollmentSource;
    access?: { chatbot?: boolean; documentation?: boolean; examSimulator?: boolean };
    status?: 'active' | 'completed' | 'cancelled';
  } = {},
) {
  const access = opts.access ?? { chatbot: true, documentation: true, examSimulator: true };
  const enrollment = await s.db.enrollment.create({
    data: {
      userId,
      programId,
      source: opts.source ?? 'purchase',
      status: opts.status ?? 'active',
      chatbotAccess: access.chatbot ?? false,
      documentationAccess: access.documentation ?? false,
      examSimulatorAccess: access.examSimulator ?? false,
      enrolledAt: s.clock.now(),
    },
  });
  if ((opts.status ?? 'active') !== 'cancelled') {
    await s.db.program.update({ where: { id: programId }, data: { enrolledCount: { increment: 1 } } });
  }
  return enrollment;
}

/** A subscription to `planId`; live by default (active, period ending in 10 days by the test clock). */
export async function subscribe(
  s: TestServer,
  userId: string,
  planId: string,
  opts: { status?: 'active' | 'trialing' | 'past_due' | 'canceled'; periodEndsInDays?: number } = {},
) {
  const now = s.clock.now().getTime();
  const end = new Date(now + (opts.periodEndsInDays ?? 10) * 86_400_000);
  const start = new Date(Math.min(now, end.getTime()) - 30 * 86_400_000);
  return s.db.subscription.create({
    data: {
      userId,
      planId,
      status: opts.status ?? 'active',
      currentPeriodStart: start,
      currentPeriodEnd: end,
    },
  });
}

/** The tRPC error code of a rejected call, or 'OK'. */
export async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'OK';
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    throw err;
  }
}

/** expect.stringContaining, typed for use inside toMatchObject patterns. */
export function containing(text: string): string {
  const matcher: unknown = expect.stringContaining(text);
  return matcher as string;
}
