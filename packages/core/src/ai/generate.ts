// What the AI writes besides chat answers, as structured output validated with zod:
//   - quizzes.generate: questions for a program's bank, saved as drafts the instructor reviews;
//   - ai.learningPath: the next programs from the real catalog, with reasons;
//   - ai.reviewCode: the spec's four-part review of a learner's code.
// Writing needs a provider: without one, generation answers a clear "not configured" 503, and the
// learning path is ranked by rules (it is still useful offline).
import { Output, generateText, NoObjectGeneratedError, type LanguageModel } from 'ai';
import { z } from 'zod';
import { ZQuestionInput, type QuestionDraft } from '@learningpt/schema';
import { findManageableProgram } from '../catalog/program-access-check';
import { addBankQuestions } from '../quizzes/question-bank';
import { getTopicResults } from '../quizzes/topic-results';
import { AppError } from '../shared/errors';
import type { Viewer } from '../shared/viewer';
import { findPassages } from './context';
import { aiAllowanceOf, releaseAiMessage, reserveAiMessage } from './limits';
import type { TutorDeps } from './chat';

type GenDeps = Pick<TutorDeps, 'db' | 'clock' | 'models' | 'gate' | 'log'>;

function generationModel(deps: GenDeps, what: string): LanguageModel {
  if (!deps.models.generation) {
    throw new AppError(
      'UNAVAILABLE',
      `${what} needs an AI provider, and none is configured on this server (set OPENAI_API_KEY or MISTRAL_API_KEY). The offline tutor only quotes the course.`,
    );
  }
  return deps.models.generation;
}

/** One structured call: a slot among the model calls, the timeout, and clear errors. */
async function structured<T>(
  deps: GenDeps,
  what: string,
  opts: { schema: z.ZodType<T>; system: string; prompt: string; priority?: boolean; maxOutputTokens?: number },
): Promise<T> {
  const model = generationModel(deps, what);
  const release = await deps.gate.acquire({ priority: opts.priority ?? false });
  try {
    const { output } = await generateText({
      model,
      output: Output.object({ schema: opts.schema }),
      system: opts.system,
      prompt: opts.prompt,
      maxRetries: 1,
      maxOutputTokens: opts.maxOutputTokens ?? 4000,
      abortSignal: AbortSignal.timeout(deps.models.timeoutMs),
    });
    return output;
  } catch (err) {
    deps.log?.warn({ err, what }, 'AI generation failed');
    if (NoObjectGeneratedError.isInstance(err)) {
      throw new AppError('UNAVAILABLE', `${what}: the AI did not answer in the expected form. Please try again.`);
    }
    throw new AppError('UNAVAILABLE', `${what}: the AI provider failed. Please try again in a moment.`);
  } finally {
    release();
  }
}

/* ---------------------------------------------------------------------------------------------
 * quizzes.generate
 * ------------------------------------------------------------------------------------------- */

// What the model fills in (OpenAI strict mode: every field required, no optional ones).
const ZGeneratedQuestions = z.object({
  questions: z.array(
    z.object({
      questionText: z.string(),
      options: z.array(z.string()),
      correctAnswer: z.string(),
      explanation: z.string(),
    }),
  ),
});

export async function generateQuizQuestions(
  deps: GenDeps,
  {
    viewer,
    input,
  }: {
    viewer: Viewer;
    input: { programId: string; topic: string; difficulty: 'easy' | 'medium' | 'hard'; count: number };
  },
) {
  const program = await findManageableProgram({ db: deps.db, programId: input.programId, viewer });
  generationModel(deps, 'Question generation');
  const passages = await findPassages({ db: deps.db, programIds: [program.id], question: input.topic, lessonId: null });
  const material = passages.map((p, i) => `[${i + 1}] ${p.lessonTitle}: ${p.text}`).join('\n\n');
  const out = await structured(deps, 'Question generation', {
    schema: ZGeneratedQuestions,
    system:
      'You write exam questions for an online learning platform. Each question has exactly 4 distinct options, ' +
      'one correct answer that is exactly one of the options, and a short explanation of why it is correct. ' +
      'Questions must be answerable from the course material when it is given.',
    prompt: [
      `Write ${input.count} ${input.difficulty} multiple-choice questions about "${input.topic}" for the program "${program.title}".`,
      material ? `Course material:\n${material}` : 'No course material matched the topic: use general knowledge of it.',
    ].join('\n\n'),
  });

  // Each question through the same validation as one an instructor writes.
  const valid: QuestionDraft[] = [];
  let rejected = 0;
  for (const q of out.questions.slice(0, input.count)) {
    const parsed = ZQuestionInput.safeParse({
      questionText: q.questionText,
      questionType: 'multiple-choice',
      options: q.options,
      correctAnswer: q.correctAnswer,
      explanation: q.explanation,
      points: 1,
      difficulty: input.difficulty,
      topic: input.topic,
    });
    if (parsed.success) valid.push(parsed.data);
    else rejected++;
  }
  if (valid.length === 0) {
    throw new AppError(
      'UNAVAILABLE',
      `Question generation: none of the ${out.questions.length} questions the AI wrote was valid (each needs distinct options and a correct answer among them). Please try again.`,
    );
  }
  const { questions } = await addBankQuestions({
    db: deps.db,
    clock: deps.clock,
    viewer,
    programId: program.id,
    questions: valid,
    draft: true,
  });
  return { questions, rejected };
}

/* ---------------------------------------------------------------------------------------------
 * ai.learningPath
 * ------------------------------------------------------------------------------------------- */

const LEVELS = ['beginner', 'intermediate', 'advanced'] as const;

interface Candidate {
  id: string;
  slug: string;
  title: string;
  level: (typeof LEVELS)[number];
  categoryId: string;
  categoryName: string;
  score: number;
  why: string;
}

const ZPathChoice = z.object({
  recommendations: z.array(z.object({ programId: z.string(), reason: z.string() })),
  summary: z.string(),
});

export async function learningPath(deps: GenDeps, { viewer }: { viewer: Viewer }) {
  const { db } = deps;
  const enrollments = await db.enrollment.findMany({
    where: { userId: viewer.userId, status: { in: ['active', 'completed'] } },
    select: {
      status: true,
      progressPercent: true,
      program: {
        select: { id: true, title: true, level: true, categoryId: true, category: { select: { name: true } } },
      },
    },
  });
  const topics = await getTopicResults({ db, userId: viewer.userId });
  const weak = topics.filter((t) => t.topic && t.percent < 60).map((t) => t.topic!);
  const done = enrollments.filter((e) => e.status === 'completed' || e.progressPercent >= 100);
  const enrolledIds = new Set(enrollments.map((e) => e.program.id));
  const categories = new Map(enrollments.map((e) => [e.program.categoryId, e.program.category.name]));
  const highest = new Map<string, number>();
  for (const e of enrollments) {
    const lvl = LEVELS.indexOf(e.program.level);
    highest.set(e.program.categoryId, Math.max(highest.get(e.program.categoryId) ?? -1, lvl));
  }

  const rows = await db.program.findMany({
    where: { status: 'published', deletedAt: null, id: { notIn: [...enrolledIds] } },
    select: {
      id: true,
      slug: true,
      title: true,
      level: true,
      categoryId: true,
      ratingTotal: true,
      reviewCount: true,
      enrolledCount: true,
      category: { select: { name: true } },
    },
    orderBy: [{ enrolledCount: 'desc' }, { id: 'asc' }],
    take: 200,
  });
  const candidates: Candidate[] = rows.map((p) => {
    const lvl = LEVELS.indexOf(p.level);
    const top = highest.get(p.categoryId);
    const rating = p.reviewCount > 0 ? p.ratingTotal / p.reviewCount : 0;
    let score = rating + Math.log10(1 + p.enrolledCount);
    let why =
      p.reviewCount > 0
        ? `Popular in ${p.category.name} (rated ${rating.toFixed(1)} by ${p.reviewCount} learners).`
        : `New in ${p.category.name}.`;
    if (top !== undefined) {
      score += 10;
      if (lvl === top + 1) {
        score += 5;
        why = `The next level in ${p.category.name}, after what you have studied there.`;
      } else if (lvl === top) why = `More ${p.category.name} at the level you are studying.`;
      else if (lvl < top) {
        score -= 4;
        why = `A refresher in ${p.category.name}.`;
      }
    } else if (enrollments.length === 0 && lvl === 0) {
      score += 3;
      why = `A good first program in ${p.category.name} (beginner level).`;
    }
    return {
      id: p.id,
      slug: p.slug,
      title: p.title,
      level: p.level,
      categoryId: p.categoryId,
      categoryName: p.category.name,
      score,
      why,
    };
  });
  candidates.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  const shortlist = candidates.slice(0, 12);
  const view = (c: Candidate, reason: string) => ({
    program: { id: c.id, slug: c.slug, title: c.title, level: c.level, category: c.categoryName },
    reason,
  });
  const basedOn = {
    completedPrograms: done.map((e) => e.program.title),
    enrolledPrograms: enrollments.map((e) => e.program.title),
    weakTopics: weak,
  };
  const byRules = () => ({
    recommendations: shortlist.slice(0, 3).map((c) => view(c, c.why)),
    summary:
      weak.length > 0
        ? `Review ${weak.slice(0, 3).join(', ')} in your current programs, then continue with these.`
        : enrollments.length > 0
          ? `Next steps from the ${[...categories.values()].join(', ')} programs you study.`
          : 'Popular programs to start with.',
    basedOn,
    generatedBy: 'rules' as const,
  });
  if (!deps.models.generation || shortlist.length === 0) return byRules();

  const allowance = await aiAllowanceOf({ db, clock: deps.clock, userId: viewer.userId });
  const choice = await structured(deps, 'The learning path', {
    schema: ZPathChoice,
    priority: allowance.priority,
    maxOutputTokens: 1500,
    system:
      'You are a learning advisor. Choose at most 3 next programs for the student ONLY from the candidate list (use their ids), ' +
      'each with a one-sentence reason that refers to what the student has done, and a one-sentence summary.',
    prompt: JSON.stringify({
      completed: basedOn.completedPrograms,
      enrolled: basedOn.enrolledPrograms,
      weakTopics: weak,
      candidates: shortlist.map((c) => ({ id: c.id, title: c.title, level: c.level, category: c.categoryName })),
    }),
  }).catch((err: unknown) => {
    deps.log?.warn({ err }, 'learning path by the AI failed; ranked by rules');
    return null;
  });
  const picked = (choice?.recommendations ?? [])
    .map((r) => ({ c: shortlist.find((c) => c.id === r.programId), reason: r.reason.trim() }))
    .filter((r): r is { c: Candidate; reason: string } => r.c !== undefined && r.reason.length > 0)
    .filter((r, i, all) => all.findIndex((x) => x.c.id === r.c.id) === i)
    .slice(0, 3);
  // The model may only pick from the real catalog; nothing usable: the rules' ranking.
  if (!choice || picked.length === 0) return byRules();
  return {
    recommendations: picked.map((r) => view(r.c, r.reason)),
    summary: choice.summary,
    basedOn,
    generatedBy: 'ai' as const,
  };
}

/* ---------------------------------------------------------------------------------------------
 * ai.reviewCode
 * ------------------------------------------------------------------------------------------- */

const ZCodeReview = z.object({
  correctness: z.string(),
  bestPractices: z.string(),
  improvements: z.string(),
  learningPoints: z.string(),
});

export async function reviewCode(
  deps: GenDeps,
  { viewer, input }: { viewer: Viewer; input: { code: string; language: string; topic?: string | undefined } },
) {
  generationModel(deps, 'Code review');
  const allowance = await aiAllowanceOf({ db: deps.db, clock: deps.clock, userId: viewer.userId });
  // A review is a tutor message: it uses one of today's.
  const { day } = await reserveAiMessage({ db: deps.db, clock: deps.clock, userId: viewer.userId, allowance });
  try {
    const review = await structured(deps, 'Code review', {
      schema: ZCodeReview,
      priority: allowance.priority,
      maxOutputTokens: Math.max(allowance.tokensPerMessage, 800),
      system:
        'You review code written by a student. Write each part in Markdown, kindly and concretely: ' +
        '1. correctness (does it work, bugs), 2. best practices, 3. potential improvements, 4. learning points.',
      prompt: `Review this ${input.language} code for a student learning ${input.topic ?? input.language}:\n\n\`\`\`${input.language}\n${input.code}\n\`\`\``,
    });
    return { review, language: input.language };
  } catch (err) {
    await releaseAiMessage({ db: deps.db, userId: viewer.userId, day });
    throw err;
  }
}
