import {
  SOCIAL_LINK_KEYS,
  ZInstructorApplyInput,
  type InstructorApplication,
  type InstructorApplyInput,
} from '@learningpt/schema';
import {
  errorMessage,
  FormAlert,
  serverFieldErrors,
  TextAreaField,
  TextField,
  useTRPC,
  validate,
  type FieldErrors,
} from '@learningpt/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { addTopics, ExpertiseInput } from './expertise-input';
import { isSocialLinkKey, SOCIAL_LINK_LABELS, type SocialLinkKey } from '../../../lib/social-links';

const BIO_MIN = 50;
const BIO_MAX = 5000;
const EXPERIENCE_MAX = 5000;
const EDUCATION_MAX = 2000;

interface Values {
  bio: string;
  topics: string[];
  topicDraft: string;
  experience: string;
  education: string;
  sampleWork: string;
  links: Record<SocialLinkKey, string>;
}

/** Empty, or what a previous (rejected) application said, so applying again starts from it. */
function initialValues(previous: InstructorApplication | null): Values {
  const links = Object.fromEntries(SOCIAL_LINK_KEYS.map((k) => [k, ''])) as Record<SocialLinkKey, string>;
  for (const [key, url] of Object.entries(previous?.socialLinks ?? {})) {
    if (isSocialLinkKey(key)) links[key] = url;
  }
  return {
    bio: previous?.bio ?? '',
    topics: previous?.expertise ?? [],
    topicDraft: '',
    experience: previous?.experience ?? '',
    education: previous?.education ?? '',
    sampleWork: previous?.sampleWork ?? '',
    links,
  };
}

/** What to send: optional fields left empty are left out; a topic typed but not added counts. */
function toInput(values: Values): InstructorApplyInput {
  const socialLinks: Partial<Record<SocialLinkKey, string>> = {};
  for (const key of SOCIAL_LINK_KEYS) {
    const url = values.links[key].trim();
    if (url) socialLinks[key] = url;
  }
  const experience = values.experience.trim();
  const education = values.education.trim();
  const sampleWork = values.sampleWork.trim();
  return {
    bio: values.bio,
    expertise: addTopics(values.topics, values.topicDraft),
    socialLinks,
    ...(experience && { experience }),
    ...(education && { education }),
    ...(sampleWork && { sampleWork }),
  };
}

/** The message for the expertise list: about the list itself, else about its first bad entry. */
function expertiseError(errors: FieldErrors): string | undefined {
  return errors.expertise ?? Object.entries(errors).find(([key]) => key.startsWith('expertise.'))?.[1];
}

function bioHint(bio: string) {
  const length = bio.trim().length;
  const missing = BIO_MIN - length;
  return missing > 0
    ? `${length}/${BIO_MAX} characters · ${missing} more to reach the minimum of ${BIO_MIN}`
    : `${length}/${BIO_MAX} characters`;
}

export function ApplyForm({
  previous,
  onSubmitted,
}: {
  previous: InstructorApplication | null;
  onSubmitted: (message: string) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(() => initialValues(previous));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const apply = useMutation(
    trpc.instructors.applyToTeach.mutationOptions({
      // Waits for the refreshed application, so the page turns to "under review" in one step.
      onSuccess: async (data) => {
        onSubmitted(data.message);
        await queryClient.invalidateQueries({ queryKey: trpc.instructors.myApplication.queryKey() });
      },
      onError: (err) => setErrors(serverFieldErrors(err)),
    }),
  );

  function update(patch: Partial<Values>) {
    const next = { ...values, ...patch };
    setValues(next);
    // After a first attempt, messages follow the typing (and disappear once a field is fixed).
    if (submitted) {
      const result = validate(ZInstructorApplyInput, toInput(next));
      setErrors(result.ok ? {} : result.errors);
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    const input = toInput(values);
    const result = validate(ZInstructorApplyInput, input);
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    setValues((v) => ({ ...v, topics: input.expertise, topicDraft: '' }));
    apply.mutate(input);
  }

  const busy = apply.isPending;
  const fieldErrorCount = Object.keys(errors).length;
  const formError = apply.isError && Object.keys(serverFieldErrors(apply.error)).length === 0;
  return (
    <form onSubmit={submit} noValidate aria-busy={busy} aria-label="Apply to teach" className="space-y-8">
      <fieldset disabled={busy} className="space-y-5">
        <legend className="text-sm font-semibold text-slate-900">About you</legend>
        <TextAreaField
          label="Bio"
          rows={5}
          maxLength={BIO_MAX}
          value={values.bio}
          onChange={(e) => update({ bio: e.target.value })}
          error={errors.bio}
          hint={bioHint(values.bio)}
          placeholder="Who you are, what you teach and who you teach it to."
          required
        />
        <ExpertiseInput
          topics={values.topics}
          draft={values.topicDraft}
          onChange={(topics, topicDraft) => update({ topics, topicDraft })}
          error={expertiseError(errors)}
        />
        <TextAreaField
          label="Teaching and professional experience (optional)"
          rows={4}
          maxLength={EXPERIENCE_MAX}
          value={values.experience}
          onChange={(e) => update({ experience: e.target.value })}
          error={errors.experience}
          hint={`${values.experience.trim().length}/${EXPERIENCE_MAX} characters`}
        />
        <TextAreaField
          label="Education and certifications (optional)"
          rows={3}
          maxLength={EDUCATION_MAX}
          value={values.education}
          onChange={(e) => update({ education: e.target.value })}
          error={errors.education}
          hint={`${values.education.trim().length}/${EDUCATION_MAX} characters`}
        />
        <TextField
          label="Sample of your work (optional)"
          type="url"
          inputMode="url"
          placeholder="https://…"
          value={values.sampleWork}
          onChange={(e) => update({ sampleWork: e.target.value })}
          error={errors.sampleWork}
          hint="A course you taught, a talk, a tutorial or a portfolio: one https:// link."
        />
      </fieldset>

      <fieldset disabled={busy}>
        <legend className="text-sm font-semibold text-slate-900">Where to find you (optional)</legend>
        <div className="mt-3 grid gap-4 sm:grid-cols-2">
          {SOCIAL_LINK_KEYS.map((key) => (
            <TextField
              key={key}
              label={SOCIAL_LINK_LABELS[key]}
              type="url"
              inputMode="url"
              placeholder="https://…"
              value={values.links[key]}
              onChange={(e) => update({ links: { ...values.links, [key]: e.target.value } })}
              error={errors[`socialLinks.${key}`]}
            />
          ))}
        </div>
        {errors.socialLinks && <p className="mt-2 text-sm text-red-600">{errors.socialLinks}</p>}
      </fieldset>

      <div aria-live="polite">
        {formError && <FormAlert tone="error">{errorMessage(apply.error)}</FormAlert>}
        {fieldErrorCount > 0 && !formError && <FormAlert tone="error">Some fields need your attention.</FormAlert>}
      </div>
      <button type="submit" className="btn-primary" disabled={busy}>
        {busy ? 'Sending your application…' : 'Send application'}
      </button>
    </form>
  );
}
