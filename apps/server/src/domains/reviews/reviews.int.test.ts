// Reviews: listing, adding (enrolled students, once), editing, helpful votes, and the program's
// running totals staying equal to the sums of its Review rows under concurrency.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/harness';
import { enrollDirectly, makeProgram, makeUser, type TestUser, containing } from '../../testing/learning-fixtures';

let s: TestServer;
let owner: TestUser;
beforeAll(async () => {
  s = await startTestServer();
  owner = await makeUser(s, 'instructor');
});
afterAll(() => s.close());

/** The program's stored totals next to the sums of its Review rows. */
async function totals(programId: string) {
  const [p, agg] = await Promise.all([
    s.db.program.findUniqueOrThrow({ where: { id: programId }, select: { ratingTotal: true, reviewCount: true } }),
    s.db.review.aggregate({ where: { programId }, _sum: { rating: true }, _count: { _all: true } }),
  ]);
  return { stored: p, rows: { ratingTotal: agg._sum.rating ?? 0, reviewCount: agg._count._all } };
}

async function enrolledStudents(programId: string, count: number) {
  const users = await Promise.all(Array.from({ length: count }, (_, i) => makeUser(s, 'student', `Reviewer ${i + 1}`)));
  for (const u of users) await enrollDirectly(s, u.id, programId);
  return users;
}

describe('programs.addReview', () => {
  it('20 concurrent reviews leave ratingTotal / reviewCount equal to the sums of the rows', async () => {
    const p = await makeProgram(s, { ownerId: owner.id });
    const students = await enrolledStudents(p.id, 20);
    const ratings = students.map((_, i) => (i % 5) + 1);
    await Promise.all(
      students.map((u, i) => u.caller.programs.addReview({ id: p.id, rating: ratings[i]!, comment: `#${i}` })),
    );
    const { stored, rows } = await totals(p.id);
    expect(rows).toEqual({ ratingTotal: ratings.reduce((a, b) => a + b, 0), reviewCount: 20 });
    expect(stored).toEqual(rows);
    const listed = await s.anonymous.programs.reviews({ id: p.id, limit: 100 });
    expect(listed.totalReviews).toBe(20);
    expect(listed.averageRating).toBe(Math.round((rows.ratingTotal / 20) * 10) / 10);
    const { program } = await s.anonymous.programs.byId({ id: p.id });
    expect(program).toMatchObject({ rating: listed.averageRating, totalReviews: 20 });
  });

  it('allows one review per student (a second, even concurrent, is a 409) and only enrolled students', async () => {
    const p = await makeProgram(s, { ownerId: owner.id });
    const [student] = await enrolledStudents(p.id, 1);
    const results = await Promise.allSettled(
      [5, 4, 3].map((rating) => student!.caller.programs.addReview({ id: p.id, rating })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')) {
      expect(r.reason).toMatchObject({ code: 'CONFLICT', message: containing('edit your review') });
    }
    const { stored, rows } = await totals(p.id);
    expect(rows.reviewCount).toBe(1);
    expect(stored).toEqual(rows);

    const stranger = await makeUser(s, 'student');
    await expect(stranger.caller.programs.addReview({ id: p.id, rating: 5 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const bad = await s.rest<{ error: { issues: { path: string[] }[] } }>({
      method: 'POST',
      url: `/api/programs/${p.id}/reviews`,
      payload: { rating: 6 },
      headers: s.bearer(student!.token),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0]!.path).toEqual(['rating']);
  });
});

describe('programs.updateReview', () => {
  it('moves the program total by the difference, also under concurrent edits; only the author may edit', async () => {
    const p = await makeProgram(s, { ownerId: owner.id });
    const students = await enrolledStudents(p.id, 6);
    const added = await Promise.all(students.map((u) => u.caller.programs.addReview({ id: p.id, rating: 3 })));
    await Promise.all(
      students.map((u, i) =>
        u.caller.programs.updateReview({
          id: p.id,
          reviewId: added[i]!.review.id,
          rating: (i % 5) + 1,
          comment: 'Edited',
        }),
      ),
    );
    // The same author editing twice at once: the total still equals the rows.
    await Promise.all(
      [5, 1, 4].map((rating) =>
        students[0]!.caller.programs.updateReview({ id: p.id, reviewId: added[0]!.review.id, rating }),
      ),
    );
    const { stored, rows } = await totals(p.id);
    expect(stored).toEqual(rows);
    expect(rows.reviewCount).toBe(6);

    const edited = await s.db.review.findUniqueOrThrow({ where: { id: added[1]!.review.id } });
    expect(edited).toMatchObject({ rating: 2, comment: 'Edited' });
    await expect(
      students[1]!.caller.programs.updateReview({ id: p.id, reviewId: added[2]!.review.id, rating: 1 }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const cleared = await students[1]!.caller.programs.updateReview({
      id: p.id,
      reviewId: added[1]!.review.id,
      comment: null,
    });
    expect(cleared.review).toMatchObject({ comment: null, rating: 2, mine: true });
  });
});

describe('programs.reviews and helpful votes', () => {
  it('counts one helpful vote per user, never on their own review, and sorts by helpful / rating / recent', async () => {
    const p = await makeProgram(s, { ownerId: owner.id });
    const [a, b, c] = await enrolledStudents(p.id, 3);
    const ra = (await a!.caller.programs.addReview({ id: p.id, rating: 2, comment: 'Meh' })).review;
    s.clock.advance(1000);
    const rb = (await b!.caller.programs.addReview({ id: p.id, rating: 5, comment: 'Great' })).review;
    s.clock.advance(1000);
    const rc = (await c!.caller.programs.addReview({ id: p.id, rating: 4 })).review;

    await expect(a!.caller.programs.voteReviewHelpful({ id: p.id, reviewId: ra.id })).rejects.toMatchObject({
      code: 'UNPROCESSABLE_CONTENT',
    });
    // Two votes at once by the same user: one counts.
    const votes = await Promise.allSettled([
      b!.caller.programs.voteReviewHelpful({ id: p.id, reviewId: ra.id }),
      b!.caller.programs.voteReviewHelpful({ id: p.id, reviewId: ra.id }),
    ]);
    expect(votes.filter((v) => v.status === 'fulfilled')).toHaveLength(1);
    const outsider = await makeUser(s, 'instructor');
    const last = await outsider.caller.programs.voteReviewHelpful({ id: p.id, reviewId: ra.id });
    expect(last.helpful).toBe(2);
    expect(await s.db.reviewHelpfulVote.count({ where: { reviewId: ra.id } })).toBe(2);
    expect((await s.db.review.findUniqueOrThrow({ where: { id: ra.id } })).helpfulCount).toBe(2);

    const ids = async (sort: 'recent' | 'rating' | 'helpful') =>
      (await s.anonymous.programs.reviews({ id: p.id, sort })).reviews.map((r) => r.id);
    expect(await ids('recent')).toEqual([rc.id, rb.id, ra.id]);
    expect(await ids('rating')).toEqual([rb.id, rc.id, ra.id]);
    expect((await ids('helpful'))[0]).toBe(ra.id);

    const page = await s.rest<{
      success: boolean;
      reviews: { user: Record<string, unknown>; helpful: number; mine: boolean }[];
      averageRating: number;
      totalReviews: number;
      pagination: { total: number; totalPages: number };
    }>({ url: `/api/programs/${p.id}/reviews?page=1&limit=2&sort=helpful`, headers: s.bearer(a!.token) });
    expect(page.body).toMatchObject({
      success: true,
      averageRating: 3.7,
      totalReviews: 3,
      pagination: { total: 3, totalPages: 2 },
    });
    expect(page.body.reviews[0]).toMatchObject({ helpful: 2, mine: true });
    expect(Object.keys(page.body.reviews[0]!.user).sort()).toEqual(['avatar', 'name']); // no ids, no emails
  });

  it('keeps an enrolled student reviewing a soft-deleted program; hides its reviews from others', async () => {
    const p = await makeProgram(s, { ownerId: owner.id });
    const [student] = await enrolledStudents(p.id, 1);
    await s.db.program.update({ where: { id: p.id }, data: { deletedAt: s.clock.now() } });
    await student!.caller.programs.addReview({ id: p.id, rating: 4 });
    await expect(s.anonymous.programs.reviews({ id: p.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe("the viewer's own review and helpful votes", () => {
  it('programs.byId carries myReview for its author only (null for anonymous and for others)', async () => {
    const p = await makeProgram(s, { ownerId: owner.id });
    const [author, other] = await enrolledStudents(p.id, 2);
    expect((await author!.caller.programs.byId({ id: p.id })).myReview).toBeNull();
    const { review } = await author!.caller.programs.addReview({ id: p.id, rating: 4, comment: 'Solid' });

    const mine = await author!.caller.programs.byId({ id: p.id });
    expect(mine.myReview).toMatchObject({
      id: review.id,
      rating: 4,
      comment: 'Solid',
      mine: true,
      votedHelpful: false,
    });
    expect((await other!.caller.programs.byId({ id: p.id })).myReview).toBeNull();
    expect((await s.anonymous.programs.byId({ id: p.id })).myReview).toBeNull();

    const rest = await s.rest<{ success: boolean; myReview: { id: string; mine: boolean } | null }>({
      url: `/api/programs/${p.slug}`,
      headers: s.bearer(author!.token),
    });
    expect(rest.status).toBe(200);
    expect(rest.body).toMatchObject({ success: true, myReview: { id: review.id, mine: true } });
    const anonymousRest = await s.rest<{ myReview: unknown }>(`/api/programs/${p.id}`);
    expect(anonymousRest.body.myReview).toBeNull();
  });

  it('programs.reviews marks the reviews the viewer already found helpful, in one query for the page', async () => {
    const p = await makeProgram(s, { ownerId: owner.id });
    const [a, b, c] = await enrolledStudents(p.id, 3);
    const ra = (await a!.caller.programs.addReview({ id: p.id, rating: 5 })).review;
    const rb = (await b!.caller.programs.addReview({ id: p.id, rating: 3 })).review;
    expect(ra.votedHelpful).toBe(false);
    await c!.caller.programs.voteReviewHelpful({ id: p.id, reviewId: ra.id });
    await b!.caller.programs.voteReviewHelpful({ id: p.id, reviewId: ra.id });

    const voted = async (caller: typeof s.anonymous) =>
      Object.fromEntries((await caller.programs.reviews({ id: p.id })).reviews.map((r) => [r.id, r.votedHelpful]));
    expect(await voted(c!.caller)).toEqual({ [ra.id]: true, [rb.id]: false });
    expect(await voted(b!.caller)).toEqual({ [ra.id]: true, [rb.id]: false });
    expect(await voted(a!.caller)).toEqual({ [ra.id]: false, [rb.id]: false });
    expect(await voted(s.anonymous)).toEqual({ [ra.id]: false, [rb.id]: false });

    const page = await s.rest<{ success: boolean; reviews: { id: string; votedHelpful: boolean; helpful: number }[] }>({
      url: `/api/programs/${p.id}/reviews`,
      headers: s.bearer(c!.token),
    });
    expect(page.body.success).toBe(true);
    expect(page.body.reviews.find((r) => r.id === ra.id)).toMatchObject({ votedHelpful: true, helpful: 2 });
    expect(page.body.reviews.find((r) => r.id === rb.id)).toMatchObject({ votedHelpful: false });
  });
});
