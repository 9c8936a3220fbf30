import type { Db } from '@learningpt/db';
import { paginationMeta, pageOffset } from '../shared/pagination';
import { webLink, type AuthSettings } from '../auth/settings';

/** users.enrolledPrograms: the user's enrollments (not cancelled), most recently accessed first. */
export async function findEnrolledPrograms({
  db,
  userId,
  page,
  limit,
}: {
  db: Db;
  userId: string;
  page: number;
  limit: number;
}) {
  const where = { userId, status: { not: 'cancelled' as const } };
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
            id: true,
            slug: true,
            title: true,
            thumbnailUrl: true,
            instructor: { select: { id: true, name: true, avatarUrl: true } },
          },
        },
      },
    }),
  ]);
  return {
    programs: rows.map((e) => ({
      id: e.program.id,
      slug: e.program.slug,
      title: e.program.title,
      thumbnail: e.program.thumbnailUrl,
      progress: e.progressPercent,
      status: e.status,
      enrolledAt: e.enrolledAt,
      lastAccessedAt: e.lastAccessedAt,
      access: {
        chatbot: e.chatbotAccess,
        documentation: e.documentationAccess,
        examSimulator: e.examSimulatorAccess,
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
