// Sharing: the program and the dialect, compressed into the URL's fragment (never sent to
// a server), and read back when a page opens. A link ends with a checksum of what it holds,
// so one cut short or mistyped is told apart from a good one and never loads half a program.
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';

export interface Shared {
  code: string;
  dialect: string;
}

/** What a fragment gave: the state, and what was wrong with it (the state is then partial). */
export interface Read {
  state?: Shared;
  problem?: string;
}

/** FNV-1a, 32 bits, in base 36: enough to notice a damaged link. */
function checksum(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

/** The URL of this page holding `state`. */
export function shareURL(state: Shared): string {
  const params = new URLSearchParams();
  params.set('code', compressToEncodedURIComponent(state.code));
  if (state.dialect.trim()) params.set('dialect', compressToEncodedURIComponent(state.dialect));
  params.set('check', checksum(`${state.code}\0${state.dialect.trim() ? state.dialect : ''}`));
  const url = new URL(location.href);
  url.hash = params.toString();
  return url.href;
}

function decode(packed: string | null): string | undefined {
  if (packed === null || packed === compressToEncodedURIComponent('')) return '';
  try {
    const text = decompressFromEncodedURIComponent(packed);
    // lz-string gives null or '' for most damage, and sometimes text with U+FFFD in it.
    return text && !text.includes('\uFFFD') ? text : undefined;
  } catch {
    return undefined;
  }
}

/** What the URL's fragment holds, if it holds a shared program. */
export function readShared(hash: string): Read | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  if (!params.has('code')) return undefined;
  const code = decode(params.get('code'));
  const dialect = decode(params.get('dialect'));
  const check = params.get('check');
  if (code === undefined) {
    return { problem: 'This link’s program could not be read: the link is damaged or cut short.' };
  }
  if (dialect === undefined) {
    return {
      state: { code, dialect: '' },
      problem: 'This link’s dialect could not be read (the link is damaged or cut short): the program is shown without it.',
    };
  }
  if (check === null) {
    // Links from before the checksum, or cut before it: usable, but maybe not whole.
    return { state: { code, dialect }, problem: 'This link has no checksum: it may have been cut short, so check the program.' };
  }
  if (check !== checksum(`${code}\0${dialect}`)) {
    return { state: { code, dialect }, problem: 'This link does not match its checksum: it was changed or cut short, so check the program.' };
  }
  return { state: { code, dialect } };
}
