import { ACCEPTED_IMAGE_INPUT, errorMessage, FormAlert, UploadError, uploadImage, useTRPCClient } from '@learningpt/ui';
import { useMutation } from '@tanstack/react-query';
import { ProgramThumbnail } from '../../../components/program-thumbnail';
import { EditorCard } from './editor-card';
import { useEditorProgram, useProgramRefresh } from './editor-context';

/** Sends the image to the program's upload route; the server decides its type from the bytes. */
async function uploadThumbnail(programId: string, file: File): Promise<string | null> {
  const answer = await uploadImage<{ program?: { id: string; thumbnail: string | null } }>(
    `/api/programs/${encodeURIComponent(programId)}/thumbnail`,
    'thumbnail',
    file,
  );
  return answer.program?.thumbnail ?? null;
}

export function ThumbnailCard() {
  const client = useTRPCClient();
  const { program } = useEditorProgram();
  const { setProgram, refresh } = useProgramRefresh();
  const upload = useMutation({
    mutationFn: (file: File) => uploadThumbnail(program.id, file),
    onSuccess: (thumbnail) => {
      setProgram({ ...program, thumbnail });
      void refresh();
    },
  });
  const remove = useMutation({
    mutationFn: () => client.programs.update.mutate({ id: program.id, thumbnailUrl: null }),
    onSuccess: (data) => {
      setProgram(data.program);
      void refresh();
    },
  });
  const busy = upload.isPending || remove.isPending;
  const error = upload.error ?? remove.error;
  const hasThumbnail = program.thumbnail !== null;

  return (
    <EditorCard
      id="thumbnail"
      title="Thumbnail"
      description="The image on the program's card in the catalog and on its page."
    >
      <div className="grid gap-5 sm:grid-cols-[16rem_1fr]">
        <figure className="overflow-hidden rounded-xl border border-slate-200">
          {/* Keyed by address: a new upload gets a fresh <img> (and a fresh failure state). */}
          <ProgramThumbnail
            key={program.thumbnail ?? 'none'}
            src={program.thumbnail}
            seed={program.id}
            label={program.category}
          />
          <figcaption className="sr-only">
            {hasThumbnail ? 'Current thumbnail' : 'No thumbnail yet (a coloured placeholder is shown)'}
          </figcaption>
        </figure>
        <div className="space-y-3">
          <div className="flex flex-wrap items-center gap-2">
            <label className={`btn-secondary cursor-pointer ${busy ? 'pointer-events-none opacity-60' : ''}`}>
              {upload.isPending ? 'Uploading…' : hasThumbnail ? 'Change thumbnail' : 'Upload a thumbnail'}
              <input
                type="file"
                accept={ACCEPTED_IMAGE_INPUT}
                className="sr-only"
                disabled={busy}
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  if (file) {
                    remove.reset();
                    upload.mutate(file);
                  }
                  // Choosing the same file again should upload again.
                  e.target.value = '';
                }}
              />
            </label>
            {hasThumbnail && (
              <button
                type="button"
                className="btn-secondary"
                disabled={busy}
                onClick={() => {
                  upload.reset();
                  remove.mutate();
                }}
              >
                {remove.isPending ? 'Removing…' : 'Remove thumbnail'}
              </button>
            )}
          </div>
          <p className="text-xs text-slate-500">PNG, JPEG, WebP or GIF, up to 5 MB. A 16:9 image looks best.</p>
          <div aria-live="polite">
            {upload.isSuccess && !busy && <FormAlert tone="success">The thumbnail has been updated.</FormAlert>}
            {remove.isSuccess && !busy && <FormAlert tone="success">The thumbnail has been removed.</FormAlert>}
            {error && (
              <FormAlert tone="error">{error instanceof UploadError ? error.message : errorMessage(error)}</FormAlert>
            )}
          </div>
        </div>
      </div>
    </EditorCard>
  );
}
