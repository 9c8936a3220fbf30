// The exam simulator's use cases.
export { findQuizzes, getQuiz } from './find-quizzes';
export { createQuiz, updateQuiz, deleteQuiz, getQuizForEditing } from './manage-quizzes';
export {
  findBankQuestions,
  addBankQuestions,
  updateBankQuestion,
  deleteBankQuestion,
  approveBankQuestions,
} from './question-bank';
export { startAttempt } from './start-attempt';
export { submitAttempt } from './submit-attempt';
export { getAttempt, saveAnswers, findMyAttempts } from './attempts';
export { getTopicResults } from './topic-results';
export { GRACE_MS } from './attempt-common';
export { gradeAnswer, gradeAttempt, normalizeShortAnswer } from './grade';
