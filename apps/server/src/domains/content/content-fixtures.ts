// Blog posts, testimonials and FAQs written straight to the database (not through the code under
// test), so each content test starts from rows it fully knows.
import type { FaqStatus, PostStatus, TestimonialStatus } from '@learningpt/db';
import type { TestServer } from '../../testing/harness';

let seq = 0;
export const uniq = () => `${Date.now().toString(36)}${(++seq).toString(36)}`;

export interface TestPost {
  id: string;
  slug: string;
  title: string;
}

export async function makePost(
  s: TestServer,
  opts: { authorId: string; status?: PostStatus; tags?: string[]; title?: string; viewCount?: number },
): Promise<TestPost> {
  const status = opts.status ?? 'published';
  const slug = `test-post-${uniq()}`;
  const title = opts.title ?? `Test post ${slug}`;
  const now = s.clock.now();
  const post = await s.db.blogPost.create({
    data: {
      slug,
      title,
      content: `<p>Body of ${slug}</p>`,
      excerpt: `Excerpt of ${slug}`,
      authorId: opts.authorId,
      status,
      publishedAt: status === 'draft' ? null : now,
      tags: opts.tags ?? [],
      viewCount: opts.viewCount ?? 0,
      createdAt: now,
      updatedAt: now,
    },
  });
  return { id: post.id, slug, title };
}

export async function makeTestimonial(
  s: TestServer,
  opts: { userId: string | null; status?: TestimonialStatus; featured?: boolean; programId?: string },
) {
  const now = s.clock.now();
  return s.db.testimonial.create({
    data: {
      userId: opts.userId,
      programId: opts.programId ?? null,
      authorName: `Author ${uniq()}`,
      rating: 4,
      content: `Testimonial text ${uniq()}`,
      status: opts.status ?? 'pending',
      featured: opts.featured ?? false,
      createdAt: now,
      updatedAt: now,
    },
  });
}

export async function makeFaq(
  s: TestServer,
  opts: { category?: string | null; status?: FaqStatus; sortOrder?: number; question?: string } = {},
) {
  const now = s.clock.now();
  return s.db.faq.create({
    data: {
      question: opts.question ?? `Question ${uniq()}?`,
      answer: `<p>Answer ${uniq()}</p>`,
      category: opts.category === undefined ? `Category ${uniq()}` : opts.category,
      sortOrder: opts.sortOrder ?? 0,
      status: opts.status ?? 'published',
      createdAt: now,
      updatedAt: now,
    },
  });
}
