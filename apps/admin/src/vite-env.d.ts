/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Where the web app runs (program editor links); default http://localhost:5173. */
  readonly VITE_WEB_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
