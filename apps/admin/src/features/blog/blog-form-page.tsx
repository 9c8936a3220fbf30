import { POST_STATUSES, ZBlogCreateInput, ZBlogUpdateInput, type BlogPost, type PostStatus } from '@learningpt/schema';
import {
  ErrorState,
  errorMessage,
  FormAlert,
  PageLoading,
  serverFieldErrors,
  TextAreaField,
  TextField,
  useTRPC,
  validate,
  type FieldErrors,
} from '@learningpt/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { POST_STATUS_LABELS } from './blog-page';

/** /blog/new and /blog/:id/edit: a post with its body (HTML), tags, SEO fields and status. */
export function BlogFormPage() {
  const { id } = useParams();
  const trpc = useTRPC();
  const existing = useQuery(trpc.blog.byId.queryOptions({ id: id ?? '' }, { enabled: Boolean(id) }));
  if (!id) return <PostForm />;
  if (existing.isPending) return <PageLoading label="Loading the post…" />;
  if (existing.isError) {
    return (
      <>
        <PageHeader title="Edit post" />
        <ErrorState title="We couldn't load this post" error={existing.error} onRetry={() => void existing.refetch()} />
      </>
    );
  }
  return <PostForm key={existing.data.post.id} post={existing.data.post} />;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
      <legend className="sr-only">{title}</legend>
      <h2 className="mb-4 font-semibold text-slate-900">{title}</h2>
      <div className="grid gap-4 sm:grid-cols-2">{children}</div>
    </fieldset>
  );
}

const orNull = (v: string) => (v.trim() ? v.trim() : null);

/** "React, Hooks ,  web" -> ["react", "hooks", "web"] (the server lower-cases them too). */
function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((t) => t.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}

function PostForm({ post }: { post?: BlogPost }) {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const categories = useQuery(trpc.categories.list.queryOptions());
  const [title, setTitle] = useState(post?.title ?? '');
  const [slug, setSlug] = useState(post?.slug ?? '');
  const [excerpt, setExcerpt] = useState(post?.excerpt ?? '');
  const [content, setContent] = useState(post?.content ?? '');
  const [tags, setTags] = useState(post?.tags.join(', ') ?? '');
  const [categoryId, setCategoryId] = useState(post?.categoryId ?? '');
  const [featuredImage, setFeaturedImage] = useState(post?.featuredImage ?? '');
  const [metaTitle, setMetaTitle] = useState(post?.metaTitle ?? '');
  const [metaDescription, setMetaDescription] = useState(post?.metaDescription ?? '');
  const [status, setStatus] = useState<PostStatus>(post?.status ?? 'draft');
  const [errors, setErrors] = useState<FieldErrors>({});

  const done = (message: string) => {
    void queryClient.invalidateQueries(trpc.blog.pathFilter());
    void navigate('/blog', { state: { notice: message } });
  };
  const create = useMutation(
    trpc.blog.create.mutationOptions({ onSuccess: ({ post: p }) => done(`“${p.title}” saved as ${p.status}.`) }),
  );
  const update = useMutation(
    trpc.blog.update.mutationOptions({ onSuccess: ({ post: p }) => done(`“${p.title}” saved (${p.status}).`) }),
  );
  const mutation = post ? update : create;
  const busy = mutation.isPending;
  const fieldErrors = { ...serverFieldErrors(mutation.error), ...errors };

  function submit(e: FormEvent) {
    e.preventDefault();
    const values = {
      title,
      ...(slug.trim() ? { slug } : {}),
      excerpt: orNull(excerpt),
      content,
      tags: parseTags(tags),
      categoryId: categoryId || null,
      featuredImage: orNull(featuredImage),
      metaTitle: orNull(metaTitle),
      metaDescription: orNull(metaDescription),
      status,
    };
    if (post) {
      const checked = validate(ZBlogUpdateInput, { id: post.id, ...values });
      if (!checked.ok) return setErrors(checked.errors);
      setErrors({});
      update.mutate(checked.data);
    } else {
      const checked = validate(ZBlogCreateInput, values);
      if (!checked.ok) return setErrors(checked.errors);
      setErrors({});
      create.mutate(checked.data);
    }
  }

  return (
    <>
      <PageHeader
        title={post ? 'Edit post' : 'New post'}
        description={post ? `${post.title} · by ${post.author.name}` : 'A blog post; it stays a draft until published.'}
        actions={
          <Link to="/blog" className="btn-secondary">
            Back to the blog
          </Link>
        }
      />
      <form
        onSubmit={submit}
        noValidate
        aria-label={post ? `Edit ${post.title}` : 'New post'}
        className="max-w-4xl space-y-6"
      >
        <Section title="Post">
          <TextField
            label="Title"
            className="sm:col-span-2"
            value={title}
            maxLength={200}
            required
            disabled={busy}
            onChange={(e) => setTitle(e.target.value)}
            error={fieldErrors.title}
          />
          <TextField
            label="Slug"
            value={slug}
            maxLength={100}
            disabled={busy}
            hint={post ? 'Changing it breaks old links to the post.' : 'Left empty, it is made from the title.'}
            onChange={(e) => setSlug(e.target.value)}
            error={fieldErrors.slug}
          />
          <div>
            <label htmlFor="post-status" className="field-label">
              Status
            </label>
            <select
              id="post-status"
              className="field-input"
              value={status}
              disabled={busy}
              onChange={(e) => setStatus(e.target.value as PostStatus)}
            >
              {POST_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {POST_STATUS_LABELS[s]}
                </option>
              ))}
            </select>
            <p className="mt-1.5 text-sm text-slate-500">Only published posts are on the site.</p>
          </div>
          <TextAreaField
            label="Excerpt"
            className="sm:col-span-2"
            rows={2}
            maxLength={500}
            value={excerpt}
            disabled={busy}
            hint="Plain text, shown in the lists."
            onChange={(e) => setExcerpt(e.target.value)}
            error={fieldErrors.excerpt}
          />
          <TextAreaField
            label="Content (HTML)"
            className="sm:col-span-2"
            rows={16}
            maxLength={200000}
            value={content}
            required
            disabled={busy}
            hint="Headings, paragraphs, lists, links, images and code; anything else is removed by the server's sanitiser."
            onChange={(e) => setContent(e.target.value)}
            error={fieldErrors.content}
          />
          <TextField
            label="Tags"
            value={tags}
            disabled={busy}
            hint="Separated by commas (at most 20)."
            onChange={(e) => setTags(e.target.value)}
            error={fieldErrors.tags ?? Object.entries(fieldErrors).find(([k]) => k.startsWith('tags.'))?.[1]}
          />
          <div>
            <label htmlFor="post-category" className="field-label">
              Category
            </label>
            <select
              id="post-category"
              className="field-input"
              value={categoryId}
              disabled={busy}
              onChange={(e) => setCategoryId(e.target.value)}
            >
              <option value="">None</option>
              {categories.data?.categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
              {post?.category && !categories.data?.categories.some((c) => c.id === post.category?.id) && (
                <option value={post.category.id}>{post.category.name}</option>
              )}
            </select>
            {fieldErrors.categoryId && <p className="mt-1.5 text-sm text-red-600">{fieldErrors.categoryId}</p>}
          </div>
          <TextField
            label="Cover image URL"
            className="sm:col-span-2"
            type="url"
            value={featuredImage}
            maxLength={2000}
            placeholder="https://…"
            disabled={busy}
            onChange={(e) => setFeaturedImage(e.target.value)}
            error={fieldErrors.featuredImage}
          />
        </Section>

        <Section title="Search engines">
          <TextField
            label="SEO title"
            value={metaTitle}
            maxLength={255}
            disabled={busy}
            hint="Left empty, the title is used."
            onChange={(e) => setMetaTitle(e.target.value)}
            error={fieldErrors.metaTitle}
          />
          <TextAreaField
            label="SEO description"
            rows={2}
            maxLength={500}
            value={metaDescription}
            disabled={busy}
            onChange={(e) => setMetaDescription(e.target.value)}
            error={fieldErrors.metaDescription}
          />
        </Section>

        {mutation.isError && <FormAlert tone="error">{errorMessage(mutation.error)}</FormAlert>}
        <div className="flex justify-end gap-3">
          <Link to="/blog" className="btn-secondary">
            Cancel
          </Link>
          <button type="submit" className="btn-primary" disabled={busy}>
            {busy ? 'Saving…' : post ? 'Save post' : 'Create post'}
          </button>
        </div>
      </form>
    </>
  );
}
