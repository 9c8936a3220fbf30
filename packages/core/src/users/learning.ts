import type { Db } from '@learningpt/db';
import { getFeatureAccessForPrograms } from '../access/feature-access';
import { webLink, type AuthSettings } from '../auth/settings';
import { programCoreSelect } from '../catalog/program-access-check';
import type { Clock } from '../shared/clock';
import { paginationMeta, pageOffset } from '../shared/pagination';
import type { Viewer } from '../shared/viewer';

/**
 * users.enrolledPrograms: the viewer's enrollments (not cancelled), most recently accessed first.
 * `access` is what the access model allows now (a lapsed plan no longer grants what only it gave),
 * not the enrollment's stored flags.
 */
export async function findEnrolledPrograms({
  db,
  clock,
  viewer,
  page,
  limit,
}: {
  db: Db;
  clock: Clock;
  viewer: Viewer;
  page: number;
  limit: number;
}) {
  const where = { userId: viewer.userId, status: { not: 'cancelled' as const } };
  const [total, rows] = await Promise.all([
    db.enrollment.count({ where }),
    db.enrollment.findMany({
      where,
      orderBy: [{ lastAccessedAt: { sort: 'desc', nulls: 'last' } }, { enrolledAt: 'desc' }, { id: 'asc' }],
      skip: pageOffset(page, limit),
      take: limit,
      include: {
        program: {
          select: {
            ...programCoreSelect,
            thumbnailUrl: true,
            instructor: { select: { id: true, name: true, avatarUrl: true } },
          },
        },
      },
    }),
  ]);
  const access = await getFeatureAccessForPrograms({
    db,
    clock,
    viewer,
    items: rows.map((e) => ({ program: e.program, enrollment: e })),
  });
  return {
    programs: rows.map((e, i) => ({
      id: e.program.id,
      slug: e.program.slug,
      title: e.program.title,
      thumbnail: e.program.thumbnailUrl,
      progress: e.progressPercent,
      status: e.status,
      enrolledAt: e.enrolledAt,
      lastAccessedAt: e.lastAccessedAt,
      access: {
        chatbot: access[i]!.chatbot.allowed,
        documentation: access[i]!.documentation.allowed,
        examSimulator: access[i]!.examSimulator.allowed,
      },
      instructor: {
        id: e.program.instructor.id,
        name: e.program.instructor.name,
        avatar: e.program.instructor.avatarUrl,
      },
    })),
    pagination: paginationMeta(total, page, limit),
  };
}

/** users.certificates: the user's certificates, newest first, with a public verification link. */
export async function findUserCertificates({
  db,
  settings,
  userId,
}: {
  db: Db;
  settings: Pick<AuthSettings, 'publicWebUrl'>;
  userId: string;
}) {
  const rows = await db.certificate.findMany({
    where: { userId },
    orderBy: [{ issuedAt: 'desc' }, { id: 'asc' }],
    include: { program: { select: { id: true, title: true } } },
  });
  return {
    certificates: rows.map((c) => ({
      id: c.id,
      programId: c.program.id,
      programTitle: c.program.title,
      issuedAt: c.issuedAt,
      score: c.score,
      status: c.status,
      verificationCode: c.verificationCode,
      certificateUrl: c.pdfUrl,
      shareableLink: webLink(settings, `/verify/${encodeURIComponent(c.verificationCode)}`),
    })),
  };
}
