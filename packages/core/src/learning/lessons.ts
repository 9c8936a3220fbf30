import type { Db } from '@learningpt/db';
import type { ProgramLessonsOutput } from '@learningpt/schema';
import { getFeatureAccess } from '../access/feature-access';
import { findProgramForViewer } from '../catalog/program-access-check';
import { formatMinutes } from '../catalog/get-program';
import type { Clock } from '../shared/clock';
import type { Viewer } from '../shared/viewer';

/**
 * programs.lessons: the outline (sections, lessons, durations, preview flags) for anyone who can
 * see the program; each lesson's content only for viewers with documentation access, and for
 * preview lessons.
 */
export async function getProgramLessons({
  db,
  clock,
  viewer,
  programId,
}: {
  db: Db;
  clock: Clock;
  viewer: Viewer | null;
  programId: string;
}): Promise<ProgramLessonsOutput> {
  const { program, enrollment } = await findProgramForViewer({ db, programId, viewer });
  const access = await getFeatureAccess({ db, clock, viewer, feature: 'documentation', program, enrollment });

  const [sections, completed] = await Promise.all([
    db.curriculumSection.findMany({
      where: { programId },
      orderBy: [{ position: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
      include: { lessons: { orderBy: [{ position: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }] } },
    }),
    viewer
      ? db.lessonProgress.findMany({
          where: { userId: viewer.userId, programId, completedAt: { not: null } },
          select: { lessonId: true },
        })
      : Promise.resolve([]),
  ]);
  const done = new Set(completed.map((c) => c.lessonId));

  let lessonsTotal = 0;
  let totalDurationMinutes = 0;
  const outline = sections.map((s) => {
    const minutes = s.lessons.reduce((n, l) => n + l.durationMinutes, 0);
    lessonsTotal += s.lessons.length;
    totalDurationMinutes += minutes;
    return {
      id: s.id,
      title: s.title,
      description: s.description,
      position: s.position,
      durationMinutes: minutes,
      duration: formatMinutes(minutes),
      lessons: s.lessons.map((l) => ({
        id: l.id,
        sectionId: s.id,
        title: l.title,
        slug: l.slug,
        position: l.position,
        durationMinutes: l.durationMinutes,
        isPreview: l.isPreview,
        completed: done.has(l.id),
        content: access.allowed || l.isPreview ? l.content : null,
      })),
    };
  });

  return {
    programId,
    sections: outline,
    lessonsTotal,
    totalDurationMinutes,
    access: { documentation: access.allowed, via: access.via },
  };
}
