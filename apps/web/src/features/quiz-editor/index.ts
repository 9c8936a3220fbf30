// The instructor's quiz editor and question bank (loaded when first opened).
export { QuizListPage } from './quiz-list-page';
export { EditQuizPage, NewQuizPage } from './quiz-editor-page';
export { QuestionBankPage } from './question-bank-page';
