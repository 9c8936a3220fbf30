import { errorMessage, FormAlert, serverFieldErrors, useTRPC } from '@learningpt/ui';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { EditorCard, UnsavedBadge } from './editor-card';
import { useEditorProgram, useProgramRefresh, useWarnBeforeUnload } from './editor-context';
import { RichTextField } from './rich-text-field';

const MAX = 100_000;

/** The long description (rich text). The server keeps only allow-listed HTML; we show what it kept. */
export function OverviewEditor() {
  const trpc = useTRPC();
  const { program } = useEditorProgram();
  const { setProgram, refresh } = useProgramRefresh();
  const [html, setHtml] = useState(program.overview);
  const dirty = html !== program.overview;
  useWarnBeforeUnload(dirty);

  const save = useMutation(
    trpc.programs.update.mutationOptions({
      onSuccess: (data) => {
        setProgram(data.program);
        // The editor takes the stored (sanitised) HTML, so what you see is what learners get.
        setHtml(data.program.overview);
        void refresh();
      },
    }),
  );

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!dirty || html.length > MAX) return;
    save.mutate({ id: program.id, overview: html });
  }

  const busy = save.isPending;
  const tooLong = html.length > MAX;
  const fieldError = tooLong
    ? `overview can be at most ${MAX} characters`
    : save.isError
      ? serverFieldErrors(save.error).overview
      : undefined;

  return (
    <EditorCard
      id="overview"
      title="Overview"
      description="The program page's long description: what the program covers, for whom, and how."
      actions={<UnsavedBadge dirty={dirty} />}
    >
      <form onSubmit={submit} aria-label="Overview" aria-busy={busy} className="space-y-4">
        <RichTextField
          label="Overview text"
          content={html}
          onChange={(next) => {
            setHtml(next);
            if (save.isSuccess || save.isError) save.reset();
          }}
          disabled={busy}
          error={fieldError}
          hint="Headings, lists, links, quotes and code are kept; anything else (scripts, styles) is removed when you save."
        />
        <div aria-live="polite">
          {save.isSuccess && !dirty && (
            <FormAlert tone="success">The overview has been saved. Below is what the program page shows.</FormAlert>
          )}
          {save.isError && !fieldError && <FormAlert tone="error">{errorMessage(save.error)}</FormAlert>}
        </div>
        <button type="submit" className="btn-primary" disabled={busy || !dirty || tooLong}>
          {busy ? 'Saving…' : 'Save overview'}
        </button>
      </form>
      {program.overview.trim() !== '' && (
        <details className="mt-6 rounded-lg border border-slate-200" open={save.isSuccess}>
          <summary className="cursor-pointer px-4 py-2 text-sm font-medium text-slate-700">
            Stored overview (as the program page shows it)
          </summary>
          {/* Sanitised by the server before it was stored, like on the public program page. */}
          <div
            data-testid="stored-overview"
            className="rich-text border-t border-slate-200 px-4 py-3"
            dangerouslySetInnerHTML={{ __html: program.overview }}
          />
        </details>
      )}
    </EditorCard>
  );
}
