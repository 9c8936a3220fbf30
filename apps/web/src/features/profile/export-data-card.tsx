import { errorMessage, FormAlert, useTRPCClient } from '@learningpt/ui';
import { useMutation } from '@tanstack/react-query';

/** Saves `data` as a JSON file through a temporary object URL. */
function downloadJson(data: unknown, filename: string) {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked after the click has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ExportDataCard() {
  const client = useTRPCClient();
  // A one-off download, not cached data: a mutation gives pending/error states without a cache entry.
  const exportData = useMutation({
    mutationFn: () => client.users.exportData.query(),
    onSuccess: (data) => downloadJson(data, `learningpt-data-${data.exportedAt.toISOString().slice(0, 10)}.json`),
  });
  return (
    <div className="space-y-4">
      <div aria-live="polite">
        {exportData.isSuccess && <FormAlert tone="success">Your data has been downloaded as a JSON file.</FormAlert>}
        {exportData.isError && <FormAlert tone="error">{errorMessage(exportData.error)}</FormAlert>}
      </div>
      <button
        type="button"
        className="btn-secondary"
        disabled={exportData.isPending}
        onClick={() => exportData.mutate()}
      >
        {exportData.isPending ? 'Preparing your data…' : 'Download my data'}
      </button>
    </div>
  );
}
