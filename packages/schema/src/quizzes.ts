import { z } from 'zod';
import { ZId, ZPagination, paginationInput } from './common';

/* ------------------------------------------------------------------------------------------------
 * Enums: the API spells them as the seeds do ("multiple-choice", "medium") and accepts any case,
 * spaces or underscores ("Multiple Choice", "multiple_choice", "Hard").
 * ---------------------------------------------------------------------------------------------- */

export const QUESTION_TYPES = ['multiple-choice', 'multi-select', 'true-false', 'short-answer'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const QUIZ_DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export type QuizDifficulty = (typeof QUIZ_DIFFICULTIES)[number];

export const QUIZ_STATUSES = ['draft', 'published', 'archived'] as const;
export type QuizStatus = (typeof QUIZ_STATUSES)[number];

export const ATTEMPT_STATUSES = ['in_progress', 'submitted', 'expired'] as const;
export type AttemptStatus = (typeof ATTEMPT_STATUSES)[number];

/** "Multiple Choice" / "multiple_choice" / "MULTIPLE-choice" -> "multiple-choice". */
const enumKey = (v: string) =>
  v
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-');

const QUESTION_TYPE_ALIASES: Record<string, QuestionType> = {
  'multiple-choice': 'multiple-choice',
  'single-choice': 'multiple-choice',
  single: 'multiple-choice',
  mcq: 'multiple-choice',
  'multi-select': 'multi-select',
  'multiple-select': 'multi-select',
  'multiple-answer': 'multi-select',
  'multiple-answers': 'multi-select',
  'multiple-response': 'multi-select',
  checkbox: 'multi-select',
  'true-false': 'true-false',
  'true-or-false': 'true-false',
  truefalse: 'true-false',
  boolean: 'true-false',
  'short-answer': 'short-answer',
  'short-text': 'short-answer',
  text: 'short-answer',
  'fill-in-the-blank': 'short-answer',
};

export const ZQuestionType = z
  .string({ message: `questionType must be one of: ${QUESTION_TYPES.join(', ')}` })
  .transform((v) => QUESTION_TYPE_ALIASES[enumKey(v)] ?? v)
  .pipe(z.enum(QUESTION_TYPES, { message: `questionType must be one of: ${QUESTION_TYPES.join(', ')}` }));

export const ZQuizDifficulty = z
  .string({ message: 'difficulty must be easy, medium or hard' })
  .transform(enumKey)
  .pipe(z.enum(QUIZ_DIFFICULTIES, { message: 'difficulty must be easy, medium or hard' }));

export const ZQuizStatus = z
  .string({ message: 'status must be draft, published or archived' })
  .transform(enumKey)
  .pipe(z.enum(QUIZ_STATUSES, { message: 'status must be draft, published or archived' }));

/* ------------------------------------------------------------------------------------------------
 * Questions as an owner writes them (quizzes.create/update, the question bank)
 * ---------------------------------------------------------------------------------------------- */

const TRUE_FALSE = ['True', 'False'] as const;
/** Case- and space-insensitive key for matching an answer to an option. */
export const optionKey = (s: string) => s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

const ZAnswerText = z
  .string()
  .trim()
  .min(1, 'An answer cannot be empty')
  .max(500, 'An answer is at most 500 characters');
const ZAnswerValue = z.union([ZAnswerText, z.boolean()]);

const questionShape = {
  questionText: z
    .string({ message: 'questionText is required' })
    .trim()
    .min(3, 'questionText needs at least 3 characters')
    .max(4000, 'questionText can be at most 4000 characters'),
  questionType: ZQuestionType.default('multiple-choice'),
  /** The choices; not used by short-answer questions; ["True", "False"] for true-false. */
  options: z
    .array(z.string().trim().min(1, 'An option cannot be empty').max(500, 'An option is at most 500 characters'))
    .max(12, 'A question has at most 12 options')
    .default([]),
  /** The correct option (multiple-choice, true-false: also true/false), or an accepted short answer. */
  correctAnswer: ZAnswerValue.optional(),
  /** Every correct option (multi-select), or every accepted short answer. */
  correctAnswers: z.array(ZAnswerValue).max(20, 'At most 20 correct answers').optional(),
  explanation: z.string().trim().max(4000, 'explanation can be at most 4000 characters').nullish(),
  points: z
    .number({ message: 'points must be a whole number from 1 to 100' })
    .int('points must be a whole number from 1 to 100')
    .min(1, 'points must be at least 1')
    .max(100, 'points can be at most 100')
    .default(1),
  difficulty: ZQuizDifficulty.nullish(),
  topic: z.string().trim().max(100, 'topic can be at most 100 characters').nullish(),
};

/** A question in one canonical form: what the server stores. */
export interface QuestionDraft {
  questionText: string;
  questionType: QuestionType;
  options: string[];
  correctAnswers: string[];
  explanation: string | null;
  points: number;
  difficulty: QuizDifficulty | null;
  topic: string | null;
}

const asText = (v: string | boolean) => (typeof v === 'boolean' ? (v ? 'True' : 'False') : v);

/**
 * Checks a question and brings it into canonical form: correct answers spelled exactly as their
 * options, true/false as "True"/"False". Each problem is an issue on the field that has it.
 */
function canonicalQuestion(q: z.output<z.ZodObject<typeof questionShape>>, ctx: z.RefinementCtx): QuestionDraft {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const given: { value: string; path: (string | number)[] }[] = [
    ...(q.correctAnswer !== undefined ? [{ value: asText(q.correctAnswer), path: ['correctAnswer'] }] : []),
    ...(q.correctAnswers ?? []).map((v, i) => ({ value: asText(v), path: ['correctAnswers', i] })),
  ];
  const base = {
    questionText: q.questionText,
    questionType: q.questionType,
    explanation: q.explanation || null,
    points: q.points,
    difficulty: q.difficulty ?? null,
    topic: q.topic || null,
  };
  if (given.length === 0) {
    issue(
      [q.questionType === 'multi-select' ? 'correctAnswers' : 'correctAnswer'],
      q.questionType === 'short-answer'
        ? 'Give the accepted answer(s) in correctAnswer or correctAnswers'
        : 'correctAnswer is required: the option that is correct',
    );
    return z.NEVER;
  }
  const unique = (xs: string[]) => [...new Map(xs.map((x) => [optionKey(x), x])).values()];

  if (q.questionType === 'short-answer') {
    if (q.options.length > 0) issue(['options'], 'A short-answer question has no options');
    for (const g of given) {
      if (!/[\p{L}\p{N}]/u.test(g.value)) issue(g.path, 'An accepted answer needs at least one letter or digit');
    }
    return { ...base, options: [], correctAnswers: unique(given.map((g) => g.value)) };
  }

  let options = q.options;
  if (q.questionType === 'true-false') {
    if (
      options.length > 0 &&
      (options.length !== 2 || options.some((o) => !['true', 'false'].includes(optionKey(o))))
    ) {
      issue(['options'], 'A true-false question has the options True and False (or send none)');
    }
    options = [...TRUE_FALSE];
  } else {
    if (options.length < 2) issue(['options'], 'A choice question needs at least 2 options');
    const seen = new Set<string>();
    options.forEach((o, i) => {
      if (seen.has(optionKey(o))) issue(['options', i], `The option "${o}" appears twice`);
      seen.add(optionKey(o));
    });
  }
  const byKey = new Map(options.map((o) => [optionKey(o), o]));
  const correct: string[] = [];
  for (const g of given) {
    const option = byKey.get(optionKey(g.value));
    if (option === undefined) {
      issue(
        g.path,
        q.questionType === 'true-false'
          ? `${g.path[0] as string} of a true-false question must be true or false`
          : `${g.path[0] as string} "${g.value}" is not one of the options`,
      );
    } else correct.push(option);
  }
  const distinct = unique(correct);
  if (q.questionType !== 'multi-select' && distinct.length > 1) {
    issue(['correctAnswers'], `A ${q.questionType} question has exactly one correct answer`);
  }
  return { ...base, options, correctAnswers: distinct };
}

export const ZQuestionInput = z.object(questionShape).transform(canonicalQuestion);
export type QuestionInput = z.input<typeof ZQuestionInput>;

/** In quizzes.update: a question with the id of one to keep and edit, or without for a new one. */
export const ZQuizQuestionUpdate = z
  .object({ id: ZId.optional(), ...questionShape })
  .transform((q, ctx) => ({ id: q.id, ...canonicalQuestion(q, ctx) }));

/* ------------------------------------------------------------------------------------------------
 * Quizzes as an owner writes them
 * ---------------------------------------------------------------------------------------------- */

/** Each attempt draws `count` questions of this topic and difficulty (null: any) from the program's bank. */
export const ZBlueprintEntry = z.object({
  topic: z.string().trim().min(1, 'topic cannot be empty (leave it out for any topic)').max(100).nullish(),
  difficulty: ZQuizDifficulty.nullish(),
  count: z
    .number({ message: 'count must be a whole number from 1 to 200' })
    .int('count must be a whole number from 1 to 200')
    .min(1, 'count must be at least 1')
    .max(200, 'count can be at most 200'),
});
export type BlueprintEntryInput = z.input<typeof ZBlueprintEntry>;
export interface BlueprintEntry {
  topic: string | null;
  difficulty: QuizDifficulty | null;
  count: number;
}

const quizFields = {
  title: z
    .string({ message: 'title is required' })
    .trim()
    .min(3, 'title needs at least 3 characters')
    .max(200, 'title can be at most 200 characters'),
  description: z.string().trim().max(2000, 'description can be at most 2000 characters').nullish(),
  difficulty: ZQuizDifficulty,
  /** Minutes allowed when isTimed. */
  duration: z
    .number({ message: 'duration is a number of minutes' })
    .int('duration is a whole number of minutes')
    .min(1, 'duration must be at least 1 minute')
    .max(600, 'duration can be at most 600 minutes'),
  /** Percent needed to pass. */
  passingScore: z
    .number({ message: 'passingScore is a percentage from 0 to 100' })
    .int('passingScore is a whole percentage')
    .min(0, 'passingScore must be between 0 and 100')
    .max(100, 'passingScore must be between 0 and 100'),
  isTimed: z.boolean(),
  allowRetake: z.boolean(),
  /** Attempts allowed (previews not counted); null = no limit while allowRetake. */
  maxAttempts: z
    .number()
    .int('maxAttempts is a whole number')
    .min(1, 'maxAttempts must be at least 1')
    .max(1000, 'maxAttempts can be at most 1000')
    .nullable(),
  /** Minutes to wait after a failed attempt before the next one. */
  retakeCooldownMinutes: z
    .number()
    .int('retakeCooldownMinutes is a whole number of minutes')
    .min(0, 'retakeCooldownMinutes cannot be negative')
    .max(525_600, 'retakeCooldownMinutes can be at most a year'),
  shuffleQuestions: z.boolean(),
  shuffleOptions: z.boolean(),
  showAnswersAfterSubmit: z.boolean(),
  status: ZQuizStatus,
  questions: z.array(ZQuestionInput).max(200, 'A quiz has at most 200 questions'),
  blueprint: z.array(ZBlueprintEntry).min(1, 'A blueprint needs at least one entry').max(50).nullable(),
};

const policyIssue = (v: { allowRetake?: boolean; maxAttempts?: number | null | undefined }, ctx: z.RefinementCtx) => {
  if (v.allowRetake === false && v.maxAttempts != null && v.maxAttempts > 1) {
    ctx.addIssue({ code: 'custom', path: ['maxAttempts'], message: 'maxAttempts above 1 needs allowRetake: true' });
  }
};

export const ZQuizCreateInput = z
  .object({
    programId: ZId,
    title: quizFields.title,
    description: quizFields.description,
    difficulty: quizFields.difficulty.default('medium'),
    duration: quizFields.duration.default(30),
    passingScore: quizFields.passingScore.default(70),
    isTimed: quizFields.isTimed.default(true),
    allowRetake: quizFields.allowRetake.default(true),
    maxAttempts: quizFields.maxAttempts.optional(),
    retakeCooldownMinutes: quizFields.retakeCooldownMinutes.default(0),
    shuffleQuestions: quizFields.shuffleQuestions.default(false),
    shuffleOptions: quizFields.shuffleOptions.default(false),
    showAnswersAfterSubmit: quizFields.showAnswersAfterSubmit.default(false),
    /** The seed API has no publish step, so a new quiz is published unless sent as a draft. */
    status: quizFields.status.default('published'),
    questions: quizFields.questions.optional(),
    blueprint: quizFields.blueprint.optional(),
  })
  .superRefine((v, ctx) => {
    policyIssue(v, ctx);
    const hasQuestions = (v.questions?.length ?? 0) > 0;
    if (hasQuestions && v.blueprint) {
      ctx.addIssue({ code: 'custom', path: ['blueprint'], message: 'Send either questions or a blueprint, not both' });
    } else if (!hasQuestions && !v.blueprint) {
      ctx.addIssue({
        code: 'custom',
        path: ['questions'],
        message: 'A quiz needs at least one question (or a blueprint that draws them from the question bank)',
      });
    }
  });
export type QuizCreateInput = z.input<typeof ZQuizCreateInput>;
export type QuizCreateData = z.output<typeof ZQuizCreateInput>;

/**
 * Every field optional. `questions` replaces the quiz's questions (send the id of a question to
 * keep and edit it); `blueprint: null` goes back to the quiz's own questions.
 */
export const ZQuizUpdateInput = z
  .object({
    id: ZId,
    title: quizFields.title.optional(),
    description: quizFields.description,
    difficulty: quizFields.difficulty.optional(),
    duration: quizFields.duration.optional(),
    passingScore: quizFields.passingScore.optional(),
    isTimed: quizFields.isTimed.optional(),
    allowRetake: quizFields.allowRetake.optional(),
    maxAttempts: quizFields.maxAttempts.optional(),
    retakeCooldownMinutes: quizFields.retakeCooldownMinutes.optional(),
    shuffleQuestions: quizFields.shuffleQuestions.optional(),
    shuffleOptions: quizFields.shuffleOptions.optional(),
    showAnswersAfterSubmit: quizFields.showAnswersAfterSubmit.optional(),
    status: quizFields.status.optional(),
    questions: z.array(ZQuizQuestionUpdate).max(200, 'A quiz has at most 200 questions').optional(),
    blueprint: quizFields.blueprint.optional(),
  })
  .superRefine((v, ctx) => {
    policyIssue(v, ctx);
    if ((v.questions?.length ?? 0) > 0 && v.blueprint) {
      ctx.addIssue({ code: 'custom', path: ['blueprint'], message: 'Send either questions or a blueprint, not both' });
    }
  });
export type QuizUpdateInput = z.input<typeof ZQuizUpdateInput>;
export type QuizUpdateData = z.output<typeof ZQuizUpdateInput>;

export const ZQuizIdInput = z.object({ id: ZId });

export const ZQuizListInput = z
  .object({
    ...paginationInput(20),
    programId: ZId.optional(),
    difficulty: ZQuizDifficulty.optional(),
    /** Owners and admins: filter by status (students only ever see published quizzes). */
    status: ZQuizStatus.optional(),
  })
  .default({ page: 1, limit: 20 });
export type QuizListInput = z.input<typeof ZQuizListInput>;
export type QuizListData = z.output<typeof ZQuizListInput>;

/* ------------------------------------------------------------------------------------------------
 * Quizzes as they are shown. Output schemas are allow-lists: nothing here carries an answer
 * except ZManagedQuestion, which only owners and admins receive.
 * ---------------------------------------------------------------------------------------------- */

const ZDifficultyOut = z.enum(QUIZ_DIFFICULTIES);
const ZQuizStatusOut = z.enum(QUIZ_STATUSES);
const ZQuestionTypeOut = z.enum(QUESTION_TYPES);

export const ZQuizSummary = z.object({
  id: ZId,
  title: z.string(),
  description: z.string().nullable(),
  programId: ZId,
  programTitle: z.string(),
  difficulty: ZDifficultyOut,
  status: ZQuizStatusOut,
  /** Questions each attempt has (for a blueprint: the questions it draws). */
  questionCount: z.number().int(),
  /** Minutes. */
  duration: z.number().int(),
  passingScore: z.number().int(),
  isTimed: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type QuizSummary = z.infer<typeof ZQuizSummary>;

export const ZQuizListOutput = z.object({ quizzes: z.array(ZQuizSummary), pagination: ZPagination });

export const ZQuizSettings = ZQuizSummary.extend({
  allowRetake: z.boolean(),
  maxAttempts: z.number().int().nullable(),
  retakeCooldownMinutes: z.number().int(),
  shuffleQuestions: z.boolean(),
  shuffleOptions: z.boolean(),
  showAnswersAfterSubmit: z.boolean(),
  usesBlueprint: z.boolean(),
});
export type QuizSettings = z.infer<typeof ZQuizSettings>;

export const ZQuizDetail = ZQuizSettings.extend({
  /** What the signed-in viewer may do with this quiz. */
  viewer: z.object({
    canManage: z.boolean(),
    hasExamAccess: z.boolean(),
    /** Without exam access: the questions of the free preview (0 = no preview). */
    previewQuestionCount: z.number().int(),
    /** Graded attempts, previews not counted. */
    attemptsUsed: z.number().int(),
    attemptsLeft: z.number().int().nullable(),
    openAttemptId: ZId.nullable(),
  }),
});
export type QuizDetail = z.infer<typeof ZQuizDetail>;
export const ZQuizByIdOutput = z.object({ quiz: ZQuizDetail });

export const ZManagedQuestion = z.object({
  id: ZId,
  questionText: z.string(),
  questionType: ZQuestionTypeOut,
  options: z.array(z.string()),
  /** The single correct answer (multiple-choice, true-false), else the first accepted one. */
  correctAnswer: z.string(),
  correctAnswers: z.array(z.string()),
  explanation: z.string().nullable(),
  points: z.number().int(),
  difficulty: ZDifficultyOut.nullable(),
  topic: z.string().nullable(),
  position: z.number().int(),
  /** Written by the AI and not reviewed yet: blueprints do not draw it until it is approved. */
  draft: z.boolean(),
});
export type ManagedQuestion = z.infer<typeof ZManagedQuestion>;

export const ZBlueprintOut = z.object({
  topic: z.string().nullable(),
  difficulty: ZDifficultyOut.nullable(),
  count: z.number().int(),
});

/** A quiz as its owner edits it: settings, its questions with answers, the blueprint. */
export const ZManagedQuiz = ZQuizSettings.extend({
  questions: z.array(ZManagedQuestion),
  blueprint: z.array(ZBlueprintOut).nullable(),
});
export type ManagedQuiz = z.infer<typeof ZManagedQuiz>;
export const ZManagedQuizOutput = z.object({ quiz: ZManagedQuiz });

export const ZQuizDeleteOutput = z.object({ id: ZId, message: z.string() });

/* ------------------------------------------------------------------------------------------------
 * The question bank of a program (owner, admin)
 * ---------------------------------------------------------------------------------------------- */

export const ZBankListInput = z.object({
  programId: ZId,
  ...paginationInput(50),
  topic: z.string().trim().max(100).optional(),
  difficulty: ZQuizDifficulty.optional(),
});
export const ZBankListOutput = z.object({
  questions: z.array(ZManagedQuestion),
  /** How many bank questions each topic × difficulty has (for writing blueprints). */
  topics: z.array(
    z.object({ topic: z.string().nullable(), difficulty: ZDifficultyOut.nullable(), count: z.number().int() }),
  ),
  pagination: ZPagination,
});
export const ZBankAddInput = z.object({
  programId: ZId,
  questions: z.array(ZQuestionInput).min(1, 'Send at least one question').max(200, 'At most 200 questions at once'),
});
export const ZBankAddOutput = z.object({ questions: z.array(ZManagedQuestion) });
export const ZBankUpdateInput = z
  .object({ programId: ZId, questionId: ZId, ...questionShape })
  .transform(({ programId, questionId, ...q }, ctx) => ({
    programId,
    questionId,
    question: canonicalQuestion(q, ctx),
  }));
export const ZBankQuestionOutput = z.object({ question: ZManagedQuestion });
export const ZBankQuestionIdInput = z.object({ programId: ZId, questionId: ZId });

/* ------------------------------------------------------------------------------------------------
 * Attempts
 * ---------------------------------------------------------------------------------------------- */

/** A question as served during an attempt: never its answers or explanation. */
export const ZAttemptQuestion = z.object({
  id: ZId,
  questionText: z.string(),
  questionType: ZQuestionTypeOut,
  /** In the order served (fixed at start); [] for short-answer. */
  options: z.array(z.string()),
  points: z.number().int(),
  topic: z.string().nullable(),
  difficulty: ZDifficultyOut.nullable(),
});
export type AttemptQuestion = z.infer<typeof ZAttemptQuestion>;

export const ZSavedAnswer = z.object({
  questionId: ZId,
  /** The chosen option or the typed answer (the first of selectedAnswers); null when none. */
  selectedAnswer: z.string().nullable(),
  selectedAnswers: z.array(z.string()),
});
export type SavedAnswer = z.infer<typeof ZSavedAnswer>;

/**
 * An answer: `selectedAnswer` (one option, a typed answer, or true/false) or `selectedAnswers`
 * (multi-select). null or [] clears it.
 */
export const ZAnswerInput = z
  .object({
    questionId: ZId,
    selectedAnswer: z
      .union([z.string().max(1000, 'An answer is at most 1000 characters'), z.boolean(), z.array(z.string().max(500))])
      .nullish(),
    selectedAnswers: z.array(z.string().max(500)).max(20).nullish(),
  })
  .transform((a) => {
    const raw = a.selectedAnswers ?? a.selectedAnswer ?? [];
    const list = Array.isArray(raw) ? raw : [asText(raw)];
    return { questionId: a.questionId, selected: list.map((s) => s.trim()).filter((s) => s.length > 0) };
  });
export type AnswerInput = z.input<typeof ZAnswerInput>;
export type AnswerData = z.output<typeof ZAnswerInput>;

const ZAnswers = z.array(ZAnswerInput).max(500, 'At most 500 answers at once');

export const ZStartAttemptOutput = z.object({
  attemptId: ZId,
  quizId: ZId,
  questions: z.array(ZAttemptQuestion),
  /** Answers saved so far (when an open attempt is resumed). */
  answers: z.array(ZSavedAnswer),
  startedAt: z.date(),
  /** Null for an untimed quiz. */
  expiresAt: z.date().nullable(),
  timeLeftSeconds: z.number().int().nullable(),
  /** A free preview (only the program's free questions; no certificate). */
  isPreview: z.boolean(),
  /** True when an open attempt was resumed rather than a new one started. */
  resumed: z.boolean(),
});
export type StartAttemptOutput = z.infer<typeof ZStartAttemptOutput>;

export const ZAttemptIdInput = z.object({ id: ZId, attemptId: ZId });

export const ZSaveAnswersInput = z.object({ id: ZId, attemptId: ZId, answers: ZAnswers });
export const ZSaveAnswersOutput = z.object({
  attemptId: ZId,
  saved: z.number().int(),
  savedAt: z.date(),
  timeLeftSeconds: z.number().int().nullable(),
});

export const ZSubmitAttemptInput = z.object({ id: ZId, attemptId: ZId, answers: ZAnswers.default([]) });

export const ZAnswerFeedback = z.object({
  questionId: ZId,
  questionText: z.string(),
  questionType: ZQuestionTypeOut,
  isCorrect: z.boolean(),
  points: z.number().int(),
  pointsAwarded: z.number(),
  selectedAnswer: z.string().nullable(),
  selectedAnswers: z.array(z.string()),
  correctAnswer: z.string(),
  correctAnswers: z.array(z.string()),
  explanation: z.string().nullable(),
});

export const ZAttemptResult = z.object({
  attemptId: ZId,
  quizId: ZId,
  /** Points scored (partial credit can make it fractional). */
  score: z.number(),
  totalPoints: z.number().int(),
  scorePercentage: z.number().int(),
  passed: z.boolean(),
  passingScore: z.number().int(),
  correctAnswers: z.number().int(),
  incorrectAnswers: z.number().int(),
  /** Seconds from start to submission (at most the time allowed). */
  timeTaken: z.number().int(),
  /** Graded by the server from the saved answers because the time ran out. */
  timedOut: z.boolean(),
  isPreview: z.boolean(),
  submittedAt: z.date(),
  /** Per question with the correct answers, when the quiz shows them after submission; else []. */
  feedback: z.array(ZAnswerFeedback),
  certificateGenerated: z.boolean(),
  certificateId: ZId.nullable(),
});
export type AttemptResult = z.infer<typeof ZAttemptResult>;
export const ZSubmitAttemptOutput = z.object({ result: ZAttemptResult });

export const ZAttemptOutput = z.object({
  attempt: z.object({
    attemptId: ZId,
    quizId: ZId,
    quizTitle: z.string(),
    status: z.enum(ATTEMPT_STATUSES),
    isPreview: z.boolean(),
    questions: z.array(ZAttemptQuestion),
    answers: z.array(ZSavedAnswer),
    startedAt: z.date(),
    expiresAt: z.date().nullable(),
    timeLeftSeconds: z.number().int().nullable(),
    /** Once graded. */
    result: ZAttemptResult.nullable(),
  }),
});
export type AttemptOutput = z.infer<typeof ZAttemptOutput>;

export const ZAttemptSummary = z.object({
  id: ZId,
  quizId: ZId,
  quizTitle: z.string(),
  status: z.enum(ATTEMPT_STATUSES),
  isPreview: z.boolean(),
  /** Points scored; null until graded. */
  score: z.number().nullable(),
  totalPoints: z.number().int().nullable(),
  scorePercentage: z.number().int().nullable(),
  passed: z.boolean().nullable(),
  timedOut: z.boolean(),
  attemptedAt: z.date(),
  submittedAt: z.date().nullable(),
  timeTaken: z.number().int().nullable(),
});
export const ZAttemptsOutput = z.object({ attempts: z.array(ZAttemptSummary) });

/** Per-topic results of a user's graded attempts (for the tutor and learning paths). */
export const ZTopicResult = z.object({
  programId: ZId,
  topic: z.string().nullable(),
  correct: z.number().int(),
  total: z.number().int(),
  percent: z.number(),
  pointsEarned: z.number(),
  pointsPossible: z.number().int(),
});
export type TopicResult = z.infer<typeof ZTopicResult>;

/** quizzes.generate: the AI writes questions into the program's bank, as drafts to review. */
export const ZGenerateQuestionsInput = z.object({
  programId: ZId,
  topic: z
    .string({ message: 'topic is required' })
    .trim()
    .min(2, 'Name the topic in at least 2 characters')
    .max(200, 'The topic can be at most 200 characters'),
  difficulty: ZQuizDifficulty.default('medium'),
  count: z.coerce
    .number({ message: 'count must be a number of questions' })
    .int('count must be a whole number')
    .min(1, 'Ask for at least 1 question')
    .max(20, 'Ask for at most 20 questions at a time')
    .default(5),
});
export const ZGenerateQuestionsOutput = z.object({
  /** Saved in the bank as drafts (draft: true): approve them before blueprints can draw them. */
  questions: z.array(ZManagedQuestion),
  /** Questions the AI wrote that failed validation (not saved). */
  rejected: z.number().int(),
});

export const ZBankApproveInput = z.object({
  programId: ZId,
  questionIds: z.array(ZId).min(1, 'Name at least one question to approve').max(200),
});
export const ZBankApproveOutput = z.object({ approved: z.number().int() });
