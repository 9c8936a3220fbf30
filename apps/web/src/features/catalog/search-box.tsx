import { SearchIcon, useUrlDraft } from '@learningpt/ui';

interface SearchBoxProps {
  value: string;
  onSearch: (search: string | undefined) => void;
}

export function SearchBox({ value, onSearch }: SearchBoxProps) {
  const [draft, setDraft] = useUrlDraft(value, (text) => {
    const search = text.trim().slice(0, 200);
    onSearch(search || undefined);
    return search;
  });

  return (
    <form role="search" onSubmit={(e) => e.preventDefault()} className="relative">
      <label htmlFor="catalog-search" className="sr-only">
        Search programs
      </label>
      <SearchIcon className="pointer-events-none absolute left-4 top-1/2 size-5 -translate-y-1/2 text-slate-400" />
      <input
        id="catalog-search"
        type="search"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        placeholder="Search programs and topics…"
        maxLength={200}
        autoComplete="off"
        className="h-12 w-full rounded-xl border border-slate-200 bg-white pl-12 pr-4 text-base shadow-sm outline-none transition placeholder:text-slate-400 focus:border-indigo-400 focus:ring-4 focus:ring-indigo-100"
      />
    </form>
  );
}
