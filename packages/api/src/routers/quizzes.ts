import {
  addBankQuestions,
  approveBankQuestions,
  generateQuizQuestions,
  createQuiz,
  deleteBankQuestion,
  deleteQuiz,
  findBankQuestions,
  findMyAttempts,
  findQuizzes,
  getAttempt,
  getQuiz,
  getQuizForEditing,
  saveAnswers,
  startAttempt,
  submitAttempt,
  updateBankQuestion,
  updateQuiz,
} from '@learningpt/core';
import {
  ZAttemptIdInput,
  ZAttemptOutput,
  ZAttemptsOutput,
  ZBankAddInput,
  ZBankAddOutput,
  ZBankListInput,
  ZBankListOutput,
  ZBankQuestionIdInput,
  ZBankQuestionOutput,
  ZBankUpdateInput,
  ZManagedQuizOutput,
  ZQuizByIdOutput,
  ZQuizCreateInput,
  ZQuizDeleteOutput,
  ZQuizIdInput,
  ZQuizListInput,
  ZQuizListOutput,
  ZQuizUpdateInput,
  ZSaveAnswersInput,
  ZSaveAnswersOutput,
  ZStartAttemptOutput,
  ZSubmitAttemptInput,
  ZSubmitAttemptOutput,
  ZBankApproveInput,
  ZBankApproveOutput,
  ZGenerateQuestionsInput,
  ZGenerateQuestionsOutput,
} from '@learningpt/schema';
import { authedProcedure, createTRPCRouter, instructorProcedure, signedIn } from '../trpc';
import { tutorDeps } from './ai';

const tags = ['quizzes'];

/** quizzes.bank.*: a program's question bank, which blueprint quizzes draw from (owner or admin). */
const bankRouter = createTRPCRouter({
  list: instructorProcedure
    .meta({
      route: {
        method: 'GET',
        path: '/programs/{programId}/question-bank',
        tags,
        summary: 'The question bank of a program',
      },
    })
    .input(ZBankListInput)
    .output(ZBankListOutput)
    .query(({ ctx, input }) => findBankQuestions({ db: ctx.db, viewer: signedIn(ctx), ...input })),

  add: instructorProcedure
    .meta({
      route: {
        method: 'POST',
        path: '/programs/{programId}/question-bank',
        tags,
        summary: 'Add questions to the bank',
      },
    })
    .input(ZBankAddInput)
    .output(ZBankAddOutput)
    .mutation(({ ctx, input }) => addBankQuestions({ db: ctx.db, clock: ctx.clock, viewer: signedIn(ctx), ...input })),

  update: instructorProcedure
    .meta({
      route: {
        method: 'PUT',
        path: '/programs/{programId}/question-bank/{questionId}',
        tags,
        summary: 'Change a bank question',
      },
    })
    .input(ZBankUpdateInput)
    .output(ZBankQuestionOutput)
    .mutation(({ ctx, input }) =>
      updateBankQuestion({ db: ctx.db, clock: ctx.clock, viewer: signedIn(ctx), ...input }),
    ),

  approve: instructorProcedure
    .meta({
      route: {
        method: 'POST',
        path: '/programs/{programId}/question-bank/approve',
        tags,
        summary: 'Approve AI-written draft questions of the bank (blueprints may then draw them)',
      },
    })
    .input(ZBankApproveInput)
    .output(ZBankApproveOutput)
    .mutation(({ ctx, input }) =>
      approveBankQuestions({ db: ctx.db, clock: ctx.clock, viewer: signedIn(ctx), ...input }),
    ),

  delete: instructorProcedure
    .meta({
      route: {
        method: 'DELETE',
        path: '/programs/{programId}/question-bank/{questionId}',
        tags,
        summary: 'Remove a question from the bank',
      },
    })
    .input(ZBankQuestionIdInput)
    .output(ZQuizDeleteOutput)
    .mutation(({ ctx, input }) =>
      deleteBankQuestion({ db: ctx.db, clock: ctx.clock, viewer: signedIn(ctx), ...input }),
    ),
});

export const quizzesRouter = createTRPCRouter({
  // Before the {id} routes: a literal segment must win.
  generate: instructorProcedure
    .meta({
      route: {
        method: 'POST',
        path: '/quizzes/generate',
        tags,
        summary: "The AI writes questions into the program's bank, as drafts to review (owner or admin)",
      },
    })
    .input(ZGenerateQuestionsInput)
    .output(ZGenerateQuestionsOutput)
    .mutation(({ ctx, input }) => generateQuizQuestions(tutorDeps(ctx), { viewer: signedIn(ctx), input })),

  list: authedProcedure
    .meta({ route: { method: 'GET', path: '/quizzes', tags, summary: 'Quizzes I can see or manage' } })
    .input(ZQuizListInput)
    .output(ZQuizListOutput)
    .query(({ ctx, input }) => findQuizzes({ db: ctx.db, viewer: signedIn(ctx), input })),

  byId: authedProcedure
    .meta({ route: { method: 'GET', path: '/quizzes/{id}', tags, summary: 'A quiz (without its questions)' } })
    .input(ZQuizIdInput)
    .output(ZQuizByIdOutput)
    .query(({ ctx, input }) => getQuiz({ db: ctx.db, clock: ctx.clock, viewer: signedIn(ctx), quizId: input.id })),

  questions: instructorProcedure
    .meta({
      route: {
        method: 'GET',
        path: '/quizzes/{id}/questions',
        tags,
        summary: 'A quiz with its questions and answers, for its editor (owner or admin)',
      },
    })
    .input(ZQuizIdInput)
    .output(ZManagedQuizOutput)
    .query(({ ctx, input }) => getQuizForEditing({ db: ctx.db, viewer: signedIn(ctx), quizId: input.id })),

  create: instructorProcedure
    .meta({ route: { method: 'POST', path: '/quizzes', tags, summary: 'Create a quiz' } })
    .input(ZQuizCreateInput)
    .output(ZManagedQuizOutput)
    .mutation(({ ctx, input }) => createQuiz({ db: ctx.db, clock: ctx.clock, viewer: signedIn(ctx), input })),

  update: instructorProcedure
    .meta({ route: { method: 'PUT', path: '/quizzes/{id}', tags, summary: 'Change a quiz' } })
    .input(ZQuizUpdateInput)
    .output(ZManagedQuizOutput)
    .mutation(({ ctx, input }) => updateQuiz({ db: ctx.db, clock: ctx.clock, viewer: signedIn(ctx), input })),

  delete: instructorProcedure
    .meta({ route: { method: 'DELETE', path: '/quizzes/{id}', tags, summary: 'Delete a quiz' } })
    .input(ZQuizIdInput)
    .output(ZQuizDeleteOutput)
    .mutation(({ ctx, input }) =>
      deleteQuiz({ db: ctx.db, clock: ctx.clock, viewer: signedIn(ctx), quizId: input.id }),
    ),

  start: authedProcedure
    .meta({
      route: {
        method: 'POST',
        path: '/quizzes/{id}/start',
        tags,
        summary: 'Start an attempt (or resume the open one)',
      },
    })
    .input(ZQuizIdInput)
    .output(ZStartAttemptOutput)
    .mutation(({ ctx, input }) =>
      startAttempt({ db: ctx.db, clock: ctx.clock, viewer: signedIn(ctx), quizId: input.id }),
    ),

  attempt: authedProcedure
    .meta({
      route: {
        method: 'GET',
        path: '/quizzes/{id}/attempts/{attemptId}',
        tags,
        summary: 'One of my attempts: questions, saved answers, time left, result',
      },
    })
    .input(ZAttemptIdInput)
    .output(ZAttemptOutput)
    .query(({ ctx, input }) =>
      getAttempt({ db: ctx.db, clock: ctx.clock, viewer: signedIn(ctx), quizId: input.id, attemptId: input.attemptId }),
    ),

  saveAnswers: authedProcedure
    .meta({
      route: {
        method: 'PUT',
        path: '/quizzes/{id}/attempts/{attemptId}/answers',
        tags,
        summary: 'Autosave answers of an open attempt',
      },
    })
    .input(ZSaveAnswersInput)
    .output(ZSaveAnswersOutput)
    .mutation(({ ctx, input }) =>
      saveAnswers({
        db: ctx.db,
        clock: ctx.clock,
        viewer: signedIn(ctx),
        quizId: input.id,
        attemptId: input.attemptId,
        answers: input.answers,
      }),
    ),

  submit: authedProcedure
    .meta({ route: { method: 'POST', path: '/quizzes/{id}/submit', tags, summary: 'Submit an attempt for grading' } })
    .input(ZSubmitAttemptInput)
    .output(ZSubmitAttemptOutput)
    .mutation(({ ctx, input }) =>
      submitAttempt({
        db: ctx.db,
        clock: ctx.clock,
        viewer: signedIn(ctx),
        quizId: input.id,
        attemptId: input.attemptId,
        answers: input.answers,
      }),
    ),

  attempts: authedProcedure
    .meta({ route: { method: 'GET', path: '/quizzes/{id}/attempts', tags, summary: 'My attempts at a quiz' } })
    .input(ZQuizIdInput)
    .output(ZAttemptsOutput)
    .query(({ ctx, input }) => findMyAttempts({ db: ctx.db, viewer: signedIn(ctx), quizId: input.id })),

  bank: bankRouter,
});
