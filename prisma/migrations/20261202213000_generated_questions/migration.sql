-- Questions written by the AI (quizzes.generate) land in the program's bank as drafts: the
-- instructor reviews them (quizzes.bank.approve, or edits/removes them) before any blueprint can
-- draw them for students.
ALTER TABLE "Question" ADD COLUMN "draft" BOOLEAN NOT NULL DEFAULT false;
