import { z } from 'zod';
import { ZSlug } from './categories';
import { ZId } from './common';
import { ZProgramProgress } from './programs';

/* ------------------------------------------------------------------------------------------------
 * Reading: the curriculum of a program
 * ---------------------------------------------------------------------------------------------- */

export const ZLessonOutline = z.object({
  id: ZId,
  sectionId: ZId,
  title: z.string(),
  slug: z.string(),
  position: z.number().int(),
  durationMinutes: z.number().int(),
  isPreview: z.boolean(),
  /** Whether the signed-in viewer completed it (false for anonymous callers). */
  completed: z.boolean(),
  /**
   * The lesson's documentation (sanitised HTML), or null when the viewer has no documentation
   * access (preview lessons are open to everyone who can see the program).
   */
  content: z.string().nullable(),
});
export type LessonOutline = z.infer<typeof ZLessonOutline>;

export const ZSectionOutline = z.object({
  id: ZId,
  title: z.string(),
  description: z.string().nullable(),
  position: z.number().int(),
  durationMinutes: z.number().int(),
  /** Human-readable, e.g. "2 hours" or "45 min". */
  duration: z.string(),
  lessons: z.array(ZLessonOutline),
});

export const ZProgramLessonsOutput = z.object({
  programId: ZId,
  sections: z.array(ZSectionOutline),
  lessonsTotal: z.number().int(),
  totalDurationMinutes: z.number().int(),
  /** Whether the viewer may read every lesson's content, and why. */
  access: z.object({
    documentation: z.boolean(),
    via: z.enum(['owner', 'admin', 'enrollment', 'subscription']).nullable(),
  }),
});
export type ProgramLessonsOutput = z.infer<typeof ZProgramLessonsOutput>;

export const ZProgramLessonsInput = z.object({ id: ZId });

/* ------------------------------------------------------------------------------------------------
 * Progress
 * ---------------------------------------------------------------------------------------------- */

export const ZCompleteLessonInput = z.object({
  id: ZId,
  lessonId: ZId,
  /** Time spent on the lesson in this visit, added to what was recorded before. */
  timeSpentSeconds: z
    .number()
    .int('timeSpentSeconds is a whole number')
    .min(0, 'timeSpentSeconds cannot be negative')
    .max(86_400, 'timeSpentSeconds can be at most one day (86400)')
    .optional(),
});

export const ZCompleteLessonOutput = z.object({
  lessonId: ZId,
  /** False when the lesson had been completed before (the call changes nothing but time spent). */
  newlyCompleted: z.boolean(),
  progress: ZProgramProgress,
});

/* ------------------------------------------------------------------------------------------------
 * Writing: sections and lessons (the program's owner or an admin)
 * ---------------------------------------------------------------------------------------------- */

const sectionTitle = z.string().trim().min(1, 'title cannot be empty').max(200, 'title can be at most 200 characters');
const sectionDescription = z.string().trim().max(2000, 'description can be at most 2000 characters').nullable();

export const ZSectionCreateInput = z.object({
  id: ZId,
  title: sectionTitle,
  description: sectionDescription.optional(),
});

export const ZSectionUpdateInput = z.object({
  id: ZId,
  sectionId: ZId,
  title: sectionTitle.optional(),
  description: sectionDescription.optional(),
});

export const ZSectionIdInput = z.object({ id: ZId, sectionId: ZId });

export const ZSectionReorderInput = z.object({
  id: ZId,
  /** Every section of the program, once each, in the new order. */
  sectionIds: z.array(ZId).min(1, 'sectionIds cannot be empty').max(500),
});

export const ZSectionRecord = z.object({
  id: ZId,
  programId: ZId,
  title: z.string(),
  description: z.string().nullable(),
  position: z.number().int(),
});
export const ZSectionOutput = z.object({ section: ZSectionRecord });

const lessonTitle = sectionTitle;
const lessonContent = z.string().max(200_000, 'content can be at most 200000 characters');
const lessonMinutes = z
  .number()
  .int('durationMinutes is a whole number')
  .min(0, 'durationMinutes cannot be negative')
  .max(1440, 'durationMinutes can be at most 1440 (a day)');

export const ZLessonCreateInput = z.object({
  id: ZId,
  sectionId: ZId,
  title: lessonTitle,
  /** Generated from the title when left out; unique within the program. */
  slug: ZSlug.optional(),
  durationMinutes: lessonMinutes.default(0),
  /** The documentation (HTML), sanitised on the server before it is stored. */
  content: lessonContent.default(''),
  isPreview: z.boolean().default(false),
});

export const ZLessonUpdateInput = z.object({
  id: ZId,
  lessonId: ZId,
  /** Moves the lesson to the end of another section of the same program. */
  sectionId: ZId.optional(),
  title: lessonTitle.optional(),
  slug: ZSlug.optional(),
  durationMinutes: lessonMinutes.optional(),
  content: lessonContent.optional(),
  isPreview: z.boolean().optional(),
});

export const ZLessonIdInput = z.object({ id: ZId, lessonId: ZId });

export const ZLessonReorderInput = z.object({
  id: ZId,
  sectionId: ZId,
  /** Every lesson of the section, once each, in the new order. */
  lessonIds: z.array(ZId).min(1, 'lessonIds cannot be empty').max(1000),
});

export const ZLessonRecord = z.object({
  id: ZId,
  programId: ZId,
  sectionId: ZId,
  title: z.string(),
  slug: z.string(),
  position: z.number().int(),
  durationMinutes: z.number().int(),
  isPreview: z.boolean(),
  content: z.string(),
});
export const ZLessonOutput = z.object({ lesson: ZLessonRecord });

export const ZCurriculumDeleteOutput = z.object({ id: ZId, message: z.string() });
