// Every in-app notification the catalog / learning / instructors domain creates links to a page
// the web app has (apps/web/src/app.tsx), or to nothing when no web page fits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTIFICATIONS } from '../../../../../prisma/seed/data/activity';
import { startTestServer, type TestServer } from '../../testing/harness';
import { makeProgram, makeUser, type TestUser } from '../../testing/learning-fixtures';
import { deliveredEmails } from '../../testing/outbox';

/** The web app's pages, as its router declares them. */
const WEB_PAGES = [
  /^\/programs$/,
  /^\/programs\/[^/]+$/,
  /^\/programs\/[^/]+\/learn(\/[^/]+)?$/,
  /^\/learning$/,
  /^\/profile$/,
  /^\/teach$/,
  /^\/teach\/apply$/,
  /^\/teach\/programs$/,
  /^\/teach\/programs\/[^/]+$/,
];
const isWebPage = (link: string) => WEB_PAGES.some((page) => page.test(link.replace(/[?#].*$/, '')));

let s: TestServer;
let admin: TestUser;
let teacher: TestUser;
beforeAll(async () => {
  s = await startTestServer();
  [admin, teacher] = await Promise.all([makeUser(s, 'admin'), makeUser(s, 'instructor')]);
});
afterAll(() => s.close());

const application = {
  bio: 'I have taught web development for ten years, online and in classrooms, to over 2000 people.',
  expertise: ['React'],
};

describe('notification links', () => {
  it('apply, approve, reject and enroll notify with links to pages of the web app', async () => {
    const [approved, rejected, learner] = await Promise.all([
      makeUser(s, 'student'),
      makeUser(s, 'student'),
      makeUser(s, 'student'),
    ]);
    const a1 = await approved.caller.instructors.applyToTeach(application);
    const a2 = await rejected.caller.instructors.applyToTeach(application);
    await admin.caller.instructors.approve({ id: a1.applicationId });
    await admin.caller.instructors.reject({ id: a2.applicationId, reason: 'Please add a sample lesson first.' });
    const program = await makeProgram(s, { ownerId: teacher.id, prices: 'free' });
    await learner.caller.programs.enroll({ id: program.id });

    const linkOf = async (userId: string, type: string) =>
      (await s.db.notification.findMany({ where: { userId, type }, select: { link: true } })).map((n) => n.link);
    expect(await linkOf(approved.id, 'instructor_application')).toEqual(['/teach']);
    expect(await linkOf(rejected.id, 'instructor_application')).toEqual(['/teach/apply']);
    expect(await linkOf(teacher.id, 'enrollment')).toEqual([`/programs/${program.slug}`]);
    // The admin's "new application" has no web page (applications are reviewed in the admin panel).
    expect(await linkOf(admin.id, 'instructor_application')).toEqual([null, null]);

    const all = await s.db.notification.findMany({ select: { link: true } });
    expect(all.length).toBeGreaterThanOrEqual(5);
    for (const { link } of all) if (link !== null) expect(link, link).toSatisfy(isWebPage);

    // The decision emails link to the same pages.
    const emailLink = async (userId: string, template: string) => {
      const { email } = await s.db.user.findUniqueOrThrow({ where: { id: userId } });
      return (await deliveredEmails(s, email)).find((e) => e.template === template)?.link;
    };
    expect(await emailLink(approved.id, 'instructor-approved')).toMatch(/^https?:\/\/[^/]+\/teach$/);
    expect(await emailLink(rejected.id, 'instructor-rejected')).toMatch(/^https?:\/\/[^/]+\/teach\/apply$/);
  });

  it('the demo notifications of the seed link to pages of the web app', () => {
    for (const n of NOTIFICATIONS) if (n.link !== undefined) expect(n.link, n.title).toSatisfy(isWebPage);
  });
});
