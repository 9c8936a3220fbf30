import { Link } from '@tiptap/extension-link';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import { StarterKit } from '@tiptap/starter-kit';
import { useEffect, useId, useRef, useState, type ReactNode, type SyntheticEvent } from 'react';

interface RichTextEditorProps {
  label: string;
  /** HTML to show. When it changes from outside (the server's stored copy), the editor takes it. */
  content: string;
  onChange: (html: string) => void;
  hint?: ReactNode;
  error?: string | undefined;
  disabled?: boolean;
}

/** An empty document serialises as an empty paragraph; the server should store nothing then. */
function normalise(html: string): string {
  return html === '<p></p>' ? '' : html;
}

/**
 * A WYSIWYG editor (TipTap) for program overviews and lesson content. It writes HTML; the server
 * sanitises it with its allow-list, so the toolbar offers only what survives that list.
 */
export function RichTextEditor({ label, content, onChange, hint, error, disabled = false }: RichTextEditorProps) {
  const labelId = useId();
  const hintId = useId();
  const errorId = useId();
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  // The latest callback without recreating the editor on every render.
  const onChangeRef = useRef(onChange);
  const contentRef = useRef(content);
  useEffect(() => {
    onChangeRef.current = onChange;
    contentRef.current = content;
  }, [onChange, content]);

  const editor = useEditor({
    extensions: [
      StarterKit.configure({ heading: { levels: [2, 3] }, link: false }),
      Link.configure({
        openOnClick: false,
        autolink: true,
        defaultProtocol: 'https',
        protocols: ['http', 'https', 'mailto'],
      }),
    ],
    content,
    editable: !disabled,
    editorProps: {
      attributes: {
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': labelId,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(error ? { 'aria-invalid': 'true' } : {}),
        class: 'rich-text min-h-40 px-4 py-3 text-sm outline-none',
      },
    },
    onUpdate: ({ editor: e }) => {
      const html = normalise(e.getHTML());
      if (html !== contentRef.current) onChangeRef.current(html);
    },
  });

  // Content from outside (after a save, the sanitised HTML the server stored) replaces the
  // document; the editor's own edits come back here equal and are left alone.
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    if (normalise(editor.getHTML()) !== content) editor.commands.setContent(content, { emitUpdate: false });
  }, [editor, content]);

  // Without an update event: locking the editor while saving is not an edit.
  useEffect(() => {
    if (editor && !editor.isDestroyed && editor.isEditable === disabled) editor.setEditable(!disabled, false);
  }, [editor, disabled]);

  return (
    <div>
      <span id={labelId} className="field-label">
        {label}
      </span>
      <div
        className={`overflow-hidden rounded-lg border bg-white shadow-sm focus-within:border-indigo-400 focus-within:ring-4 focus-within:ring-indigo-100 ${
          error ? 'border-red-400' : 'border-slate-200'
        }`}
      >
        {editor && <Toolbar editor={editor} label={label} disabled={disabled} />}
        <EditorContent editor={editor} />
      </div>
      {hint && (
        <div id={hintId} className="mt-1.5 text-sm text-slate-500">
          {hint}
        </div>
      )}
      {error && (
        <p id={errorId} className="mt-1.5 text-sm text-red-600">
          {error}
        </p>
      )}
    </div>
  );
}

function Toolbar({ editor, label, disabled }: { editor: Editor; label: string; disabled: boolean }) {
  const [linkOpen, setLinkOpen] = useState(false);
  // Re-render the toolbar when the selection's marks change (the editor itself does not re-render).
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      blockquote: e.isActive('blockquote'),
      code: e.isActive('code'),
      link: e.isActive('link'),
      href: (e.getAttributes('link').href as string | undefined) ?? '',
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const chain = () => editor.chain().focus();

  return (
    <>
      <div
        role="toolbar"
        aria-label={`${label} formatting`}
        className="flex flex-wrap items-center gap-1 border-b border-slate-200 bg-slate-50 px-2 py-1.5"
      >
        <ToolButton label="Bold" active={state.bold} disabled={disabled} onClick={() => chain().toggleBold().run()}>
          <span className="font-bold">B</span>
        </ToolButton>
        <ToolButton
          label="Italic"
          active={state.italic}
          disabled={disabled}
          onClick={() => chain().toggleItalic().run()}
        >
          <span className="italic">I</span>
        </ToolButton>
        <Separator />
        <ToolButton
          label="Heading"
          active={state.h2}
          disabled={disabled}
          onClick={() => chain().toggleHeading({ level: 2 }).run()}
        >
          H2
        </ToolButton>
        <ToolButton
          label="Subheading"
          active={state.h3}
          disabled={disabled}
          onClick={() => chain().toggleHeading({ level: 3 }).run()}
        >
          H3
        </ToolButton>
        <Separator />
        <ToolButton
          label="Bulleted list"
          active={state.bulletList}
          disabled={disabled}
          onClick={() => chain().toggleBulletList().run()}
        >
          • List
        </ToolButton>
        <ToolButton
          label="Numbered list"
          active={state.orderedList}
          disabled={disabled}
          onClick={() => chain().toggleOrderedList().run()}
        >
          1. List
        </ToolButton>
        <ToolButton
          label="Quote"
          active={state.blockquote}
          disabled={disabled}
          onClick={() => chain().toggleBlockquote().run()}
        >
          “ ”
        </ToolButton>
        <ToolButton label="Code" active={state.code} disabled={disabled} onClick={() => chain().toggleCode().run()}>
          <span className="font-mono">{'</>'}</span>
        </ToolButton>
        <ToolButton
          label="Link"
          active={state.link || linkOpen}
          disabled={disabled}
          onClick={() => setLinkOpen((open) => !open)}
        >
          <span className="underline">Link</span>
        </ToolButton>
        <Separator />
        <ToolButton label="Undo" disabled={disabled || !state.canUndo} onClick={() => chain().undo().run()}>
          ↶
        </ToolButton>
        <ToolButton label="Redo" disabled={disabled || !state.canRedo} onClick={() => chain().redo().run()}>
          ↷
        </ToolButton>
      </div>
      {linkOpen && (
        <LinkForm
          key={state.href}
          initial={state.href}
          hasLink={state.link}
          onApply={(href) => {
            chain().extendMarkRange('link').setLink({ href }).run();
            setLinkOpen(false);
          }}
          onRemove={() => {
            chain().extendMarkRange('link').unsetLink().run();
            setLinkOpen(false);
          }}
          onCancel={() => {
            setLinkOpen(false);
            editor.commands.focus();
          }}
        />
      )}
    </>
  );
}

/** The link address for the selected text (a small inline form rather than window.prompt). */
function LinkForm({
  initial,
  hasLink,
  onApply,
  onRemove,
  onCancel,
}: {
  initial: string;
  hasLink: boolean;
  onApply: (href: string) => void;
  onRemove: () => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [href, setHref] = useState(initial);
  const [error, setError] = useState<string>();
  function apply(e: SyntheticEvent) {
    e.preventDefault();
    const value = href.trim();
    const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`;
    if (!value || !/^(https?:\/\/[^\s]+|mailto:[^\s]+)$/i.test(withScheme)) {
      setError('Enter an address such as https://example.com');
      return;
    }
    onApply(withScheme);
  }
  // Not a <form>: the editor often sits inside another form, and forms cannot nest.
  return (
    <div className="flex flex-wrap items-end gap-2 border-b border-slate-200 bg-white px-3 py-2">
      <div className="min-w-48 flex-1">
        <label htmlFor={id} className="sr-only">
          Link address
        </label>
        <input
          id={id}
          type="url"
          inputMode="url"
          placeholder="https://…"
          className="field-input"
          value={href}
          aria-invalid={error ? true : undefined}
          onChange={(e) => {
            setHref(e.target.value);
            setError(undefined);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') apply(e);
            if (e.key === 'Escape') {
              e.preventDefault();
              onCancel();
            }
          }}
          // Opening the form is a deliberate step; the address field is where the person types next.
          autoFocus
        />
        {error && <p className="mt-1 text-xs text-red-600">{error}</p>}
      </div>
      <button type="button" className="btn-secondary" onClick={apply}>
        Apply link
      </button>
      {hasLink && (
        <button type="button" className="btn-secondary" onClick={onRemove}>
          Remove link
        </button>
      )}
      <button type="button" className="text-sm text-slate-600 hover:underline" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

function ToolButton({
  label,
  active = false,
  disabled,
  onClick,
  children,
}: {
  label: string;
  active?: boolean;
  disabled: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      aria-pressed={active}
      disabled={disabled}
      // Keep the editor's selection: a mousedown on the button would otherwise blur it first.
      onMouseDown={(e) => e.preventDefault()}
      onClick={onClick}
      className={`min-w-8 rounded px-2 py-1 text-xs font-medium transition disabled:cursor-not-allowed disabled:opacity-40 ${
        active ? 'bg-indigo-100 text-indigo-800' : 'text-slate-700 hover:bg-slate-200'
      }`}
    >
      {children}
    </button>
  );
}

function Separator() {
  return <span aria-hidden="true" className="mx-1 h-5 w-px bg-slate-200" />;
}
