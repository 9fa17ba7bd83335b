// Sharing: the program and the dialect, compressed into the URL's fragment (never sent to
// a server), and read back when a page opens.
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';

export interface Shared {
  code: string;
  dialect: string;
}

/** The URL of this page holding `state`. */
export function shareURL(state: Shared): string {
  const params = new URLSearchParams();
  params.set('code', compressToEncodedURIComponent(state.code));
  if (state.dialect.trim()) params.set('dialect', compressToEncodedURIComponent(state.dialect));
  const url = new URL(location.href);
  url.hash = params.toString();
  return url.href;
}

/** What the URL's fragment holds, if it holds a shared program. */
export function readShared(hash: string): Shared | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const code = params.get('code');
  if (code === null) return undefined;
  const dialect = params.get('dialect');
  return {
    code: decompressFromEncodedURIComponent(code) ?? '',
    dialect: dialect ? (decompressFromEncodedURIComponent(dialect) ?? '') : '',
  };
}
